import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, roleGrants } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { grantRole } from "./grant-role.server.ts";
import { revokeRole } from "./revoke-role.server.ts";

async function setup() {
  const admin = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
  const resident = await insertUser(db, { password: null });
  return { admin, resident };
}

describe("grantRole", () => {
  test("grants a scoped role and records who did it, in the audit log", async () => {
    const { admin, resident } = await setup();
    const result = await grantRole({ actorId: admin.id, userId: resident.id, input: { role: "ambassador", communeSlug: "lens" } });
    expect(result.status).toBe("ok");
    const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, resident.id));
    expect(grants).toEqual([expect.objectContaining({ role: "ambassador", communeSlug: "lens", quartierCode: null, grantedById: admin.id })]);
    const entries = await db.select().from(auditLog);
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "role.grant",
        subjectType: "user",
        subjectId: resident.id,
        changes: { role: { before: null, after: "ambassador" }, communeSlug: { before: null, after: "lens" } },
      }),
    ]);
  });

  test("granting the same role and scope again changes nothing and is not audited", async () => {
    const { admin, resident } = await setup();
    const input = { role: "ambassador" as const, communeSlug: "lens" };
    expect((await grantRole({ actorId: admin.id, userId: resident.id, input })).status).toBe("ok");
    expect(await grantRole({ actorId: admin.id, userId: resident.id, input })).toEqual({ status: "already_granted" });
    expect(await db.select().from(roleGrants).where(eq(roleGrants.userId, resident.id))).toHaveLength(1);
    expect(await db.select().from(auditLog)).toHaveLength(1);
    // A global role is unique too, although both scopes are null (NULLS NOT DISTINCT).
    const moderator = { role: "moderator" as const, communeSlug: null };
    await grantRole({ actorId: admin.id, userId: resident.id, input: moderator });
    expect(await grantRole({ actorId: admin.id, userId: resident.id, input: moderator })).toEqual({ status: "already_granted" });
  });

  test("the same role in another commune is another grant", async () => {
    const { admin, resident } = await setup();
    await grantRole({ actorId: admin.id, userId: resident.id, input: { role: "ambassador", communeSlug: "lens" } });
    expect((await grantRole({ actorId: admin.id, userId: resident.id, input: { role: "ambassador", communeSlug: "avion" } })).status).toBe("ok");
  });

  test("an unknown user or commune writes nothing", async () => {
    const { admin, resident } = await setup();
    expect(await grantRole({ actorId: admin.id, userId: "00000000-0000-4000-8000-000000000000", input: { role: "moderator", communeSlug: null } })).toEqual({ status: "not_found" });
    expect(await grantRole({ actorId: admin.id, userId: resident.id, input: { role: "ambassador", communeSlug: "paris" } })).toEqual({ status: "unknown_scope", field: "communeSlug" });
    expect(await db.select().from(roleGrants).where(eq(roleGrants.userId, resident.id))).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([]);
  });
});

describe("revokeRole", () => {
  test("revokes a grant and audits what was taken away", async () => {
    const { admin, resident } = await setup();
    const granted = await grantRole({ actorId: admin.id, userId: resident.id, input: { role: "ambassador", communeSlug: "lievin" } });
    if (granted.status !== "ok") throw new Error("grant failed");
    expect(await revokeRole({ actorId: admin.id, userId: resident.id, grantId: granted.grantId })).toEqual({ status: "ok", role: "ambassador" });
    expect(await db.select().from(roleGrants).where(eq(roleGrants.userId, resident.id))).toEqual([]);
    const [, revocation] = await db.select().from(auditLog).orderBy(auditLog.createdAt);
    expect(revocation).toMatchObject({
      actorId: admin.id,
      action: "role.revoke",
      subjectType: "user",
      subjectId: resident.id,
      changes: { role: { before: "ambassador", after: null }, communeSlug: { before: "lievin", after: null } },
    });
  });

  test("a grant of another user, or one already revoked, is not found", async () => {
    const { admin, resident } = await setup();
    const other = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
    const [otherGrant] = await db.select().from(roleGrants).where(eq(roleGrants.userId, other.id));
    expect(await revokeRole({ actorId: admin.id, userId: resident.id, grantId: otherGrant!.id })).toEqual({ status: "not_found" });
    expect((await revokeRole({ actorId: admin.id, userId: other.id, grantId: otherGrant!.id })).status).toBe("ok");
    expect(await revokeRole({ actorId: admin.id, userId: other.id, grantId: otherGrant!.id })).toEqual({ status: "not_found" });
    expect(await db.select().from(auditLog)).toHaveLength(1);
  });

  test("the last administrator cannot be revoked; with two, one may go", async () => {
    const { admin } = await setup();
    const [adminGrant] = await db.select().from(roleGrants).where(eq(roleGrants.userId, admin.id));
    expect(await revokeRole({ actorId: admin.id, userId: admin.id, grantId: adminGrant!.id })).toEqual({ status: "last_administrator" });
    expect(await db.select().from(auditLog)).toEqual([]);

    const second = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
    expect(await revokeRole({ actorId: admin.id, userId: admin.id, grantId: adminGrant!.id })).toEqual({ status: "ok", role: "administrator" });
    const [secondGrant] = await db.select().from(roleGrants).where(eq(roleGrants.userId, second.id));
    expect(await revokeRole({ actorId: second.id, userId: second.id, grantId: secondGrant!.id })).toEqual({ status: "last_administrator" });
  });

  test("two administrators revoking each other at once leave one administrator", async () => {
    const { admin } = await setup();
    const second = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
    const grants = await db.select().from(roleGrants).where(eq(roleGrants.role, "administrator"));
    const grantOf = (userId: string) => grants.find((g) => g.userId === userId)!.id;
    const results = await Promise.all([
      revokeRole({ actorId: admin.id, userId: second.id, grantId: grantOf(second.id) }),
      revokeRole({ actorId: second.id, userId: admin.id, grantId: grantOf(admin.id) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["last_administrator", "ok"]);
    expect(await db.select().from(roleGrants).where(eq(roleGrants.role, "administrator"))).toHaveLength(1);
  });
});
