import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { auditLog, councilMembers } from "#db/schema/index.ts";
import { insertCouncilMember } from "#tests/factories/councils.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, sessionCookieFor } from "#tests/helpers/request.ts";
import { addCouncilMember, removeCouncilMember, updateCouncilMember } from "./council-membership.server.ts";
import { getCouncilPage } from "./council-queries.server.ts";

const input = { displayName: "Fatima Haddad", college: "residents" as const, organisation: "", listed: true, email: null };

async function coordinator() {
  return insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
}

describe("addCouncilMember", () => {
  test("adds a member, audited in the same transaction; an actor keeps their organisation", async () => {
    const actor = await coordinator();
    const result = await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, college: "actors", organisation: "Secours populaire" } });
    expect(result.status).toBe("ok");
    const rows = await db.select().from(councilMembers);
    expect(rows).toEqual([expect.objectContaining({ councilCode: "QP062024", displayName: "Fatima Haddad", college: "actors", organisation: "Secours populaire", listed: true, userId: null, addedById: actor.id, leftAt: null })]);
    expect(await db.select().from(auditLog)).toEqual([
      expect.objectContaining({ actorId: actor.id, action: "council.member_add", subjectType: "council_member", subjectId: rows[0]!.id }),
    ]);
  });

  test("a resident's organisation is not kept (it belongs to the actors' collège)", async () => {
    const actor = await coordinator();
    await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, organisation: "Par erreur" } });
    expect((await db.select().from(councilMembers))[0]!.organisation).toBe("");
  });

  test("linking an account by e-mail: the person may act for this council from the next request, for this council only", async () => {
    const actor = await coordinator();
    const person = await insertUser(db, { password: null, email: "fatima@example.org" });
    const cookie = await sessionCookieFor(person.id);
    expect(can(await getViewer(getRequest("/", { cookie })), "council.act", { councilCode: "QP062024" })).toBe(false);
    expect((await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, email: "fatima@example.org" } })).status).toBe("ok");
    const viewer = await getViewer(getRequest("/", { cookie }));
    expect(can(viewer, "council.act", { councilCode: "QP062024" })).toBe(true);
    expect(can(viewer, "council.act", { councilCode: "QP062028" })).toBe(false);
    expect(can(viewer, "council.manage")).toBe(false);
  });

  test("an unknown e-mail, the same account twice, the same name twice: refused, nothing written", async () => {
    const actor = await coordinator();
    await insertUser(db, { password: null, email: "fatima@example.org" });
    expect(await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, email: "personne@example.org" } })).toEqual({ status: "unknown_account" });
    expect((await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, email: "fatima@example.org" } })).status).toBe("ok");
    expect(await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, displayName: "Autre nom", email: "fatima@example.org" } })).toEqual({ status: "already_member", field: "email" });
    expect(await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, displayName: "FATIMA HADDAD" } })).toEqual({ status: "already_member", field: "displayName" });
    expect(await db.$count(councilMembers)).toBe(1);
    expect(await db.$count(auditLog)).toBe(1);
    // Another council may have the same person.
    expect((await addCouncilMember({ actor, councilCode: "QP062028", input: { ...input, email: "fatima@example.org" } })).status).toBe("ok");
  });

  test("two coordinators adding the same person at once: one member", async () => {
    const actor = await coordinator();
    const results = await Promise.all([addCouncilMember({ actor, councilCode: "QP062024", input }), addCouncilMember({ actor, councilCode: "QP062024", input })]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_member", "ok"]);
    expect(await db.$count(councilMembers)).toBe(1);
  });

  test("an unknown council", async () => {
    const actor = await coordinator();
    expect(await addCouncilMember({ actor, councilCode: "QP999999", input })).toEqual({ status: "not_found" });
  });
});

describe("updateCouncilMember", () => {
  test("changes the collège, organisation and listing, audited with what changed; the public page follows", async () => {
    const actor = await coordinator();
    const member = await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Marc Leroy", listed: false });
    expect((await getCouncilPage("QP062024"))!.colleges.residents).toEqual({ members: [], unlistedCount: 1 });
    const result = await updateCouncilMember({ actor, councilCode: "QP062024", input: { memberId: member.id, college: "actors", organisation: "Club de foot", listed: true } });
    expect(result).toEqual({ status: "ok" });
    expect((await getCouncilPage("QP062024"))!.colleges.actors.members).toEqual([{ displayName: "Marc Leroy", college: "actors", organisation: "Club de foot" }]);
    expect(await db.select().from(auditLog)).toEqual([
      expect.objectContaining({
        action: "council.member_update",
        subjectId: member.id,
        changes: { college: { before: "residents", after: "actors" }, organisation: { before: "", after: "Club de foot" }, listed: { before: false, after: true } },
      }),
    ]);
    expect(await updateCouncilMember({ actor, councilCode: "QP062024", input: { memberId: member.id, college: "actors", organisation: "Club de foot", listed: true } })).toEqual({ status: "unchanged" });
    expect(await db.$count(auditLog)).toBe(1);
  });

  test("a member of another council, or one who left, is not found", async () => {
    const actor = await coordinator();
    const other = await insertCouncilMember(db, { councilCode: "QP062028" });
    const gone = await insertCouncilMember(db, { councilCode: "QP062024", leftAt: new Date() });
    for (const memberId of [other.id, gone.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await updateCouncilMember({ actor, councilCode: "QP062024", input: { memberId, college: "actors", organisation: "", listed: true } })).toEqual({ status: "not_found" });
    }
    expect(await db.$count(auditLog)).toBe(0);
  });
});

describe("removeCouncilMember", () => {
  test("leaving keeps the row and its history; the account no longer acts for the council", async () => {
    const actor = await coordinator();
    const person = await insertUser(db, { password: null, roles: [{ role: "council_member", councilCode: "QP062024" }] });
    const cookie = await sessionCookieFor(person.id);
    expect(can(await getViewer(getRequest("/", { cookie })), "council.act", { councilCode: "QP062024" })).toBe(true);
    const [member] = await db.select().from(councilMembers).where(eq(councilMembers.userId, person.id));

    const now = new Date("2026-03-01T10:00:00Z");
    expect(await removeCouncilMember({ actor, councilCode: "QP062024", memberId: member!.id, now })).toEqual({ status: "ok" });
    const [after] = await db.select().from(councilMembers).where(eq(councilMembers.id, member!.id));
    expect(after).toMatchObject({ displayName: person.displayName, userId: person.id, leftAt: now });
    expect(await db.select().from(auditLog)).toEqual([
      expect.objectContaining({ action: "council.member_remove", subjectType: "council_member", subjectId: member!.id, changes: { leftAt: { before: null, after: now.toISOString() } } }),
    ]);
    const viewer = await getViewer(getRequest("/", { cookie }));
    expect(viewer!.roles).toEqual([]);
    expect(can(viewer, "council.act", { councilCode: "QP062024" })).toBe(false);
    expect(can(viewer, "council.act")).toBe(false);

    expect(await removeCouncilMember({ actor, councilCode: "QP062024", memberId: member!.id })).toEqual({ status: "already_left" });
    expect(await db.$count(auditLog)).toBe(1);
    // Having left, the person may be added again.
    expect((await addCouncilMember({ actor, councilCode: "QP062024", input: { ...input, displayName: person.displayName, email: person.email } })).status).toBe("ok");
  });

  test("a member of another council is not found", async () => {
    const actor = await coordinator();
    const other = await insertCouncilMember(db, { councilCode: "QP062028" });
    expect(await removeCouncilMember({ actor, councilCode: "QP062024", memberId: other.id })).toEqual({ status: "not_found" });
    expect((await db.select().from(councilMembers))[0]!.leftAt).toBeNull();
  });
});
