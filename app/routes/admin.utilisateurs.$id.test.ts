import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { popFlash } from "#app/modules/platform/flash.server.ts";
import { auditLog, councilMembers, roleGrants } from "#db/schema/index.ts";
import { insertCouncilMember } from "#tests/factories/councils.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./admin.utilisateurs.$id.tsx";

let admin: Awaited<ReturnType<typeof insertUser>>;
let resident: Awaited<ReturnType<typeof insertUser>>;
let adminCookie: string;

beforeEach(async () => {
  admin = await insertUser(db, { password: null, displayName: "Admin", roles: [{ role: "administrator" }] });
  resident = await insertUser(db, { password: null, displayName: "Nadia Benali", email: "habitante@example.org", communeSlug: "lens" });
  adminCookie = await sessionCookieFor(admin.id);
});

const path = (id: string) => `/admin/utilisateurs/${id}`;

function post(form: Record<string, string>, id = resident.id, cookie = adminCookie) {
  return settle(action(actionArgs(postRequest(path(id), form, { cookie }), { id })));
}

async function flashOf(response: Response) {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return (await popFlash(getRequest("/", { cookie: setCookie.split(";")[0] }))).message;
}

const grantsOf = (userId: string) => db.select().from(roleGrants).where(eq(roleGrants.userId, userId));

describe("loader", () => {
  test("shows the person, their roles, their councils (read-only) and the communes to choose from", async () => {
    await db.insert(roleGrants).values({ userId: resident.id, role: "ambassador", communeSlug: "avion" });
    await insertCouncilMember(db, { councilCode: "QP062028", userId: resident.id, college: "actors" });
    await insertCouncilMember(db, { councilCode: "QP062024", userId: resident.id, leftAt: new Date() });
    const response = await settle(loader(loaderArgs(getRequest(path(resident.id), { cookie: adminCookie }), { id: resident.id })));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Rôles de Nadia Benali");
    expect(data.user).toMatchObject({ displayName: "Nadia Benali", email: "habitante@example.org", communeName: "Lens", roles: [{ role: "ambassador", communeName: "Avion" }] });
    expect(data.user.councils).toEqual([{ councilCode: "QP062028", councilName: "Conseil citoyen Calonne - Marichelles - Vent De Bise", college: "actors" }]);
    expect(data.communes).toContainEqual({ slug: "lens", name: "Lens" });
    // Council membership is kept on the council's page: no quartier to choose here any more.
    expect(data).not.toHaveProperty("quartiers");
  });

  test("an unknown or malformed id is a 404, never a 500", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "pas-un-id", "%27%3B--", "x".repeat(500), "é"]) {
      const response = await settle(loader(loaderArgs(getRequest(path("x"), { cookie: adminCookie }), { id })));
      expect(response.status, id).toBe(404);
    }
  });

  test("only administrators: others get 403, visitors go to sign-in", async () => {
    const moderator = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
    const forbidden = await settle(loader(loaderArgs(getRequest(path(resident.id), { cookie: await sessionCookieFor(moderator.id) }), { id: resident.id })));
    expect(forbidden.status).toBe(403);
    const anonymous = await settle(loader(loaderArgs(getRequest(path(resident.id)), { id: resident.id })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(path(resident.id))}`);
  });
});

describe("granting", () => {
  test("grants an ambassador role for a commune, with a confirmation and an audit entry", async () => {
    const response = await post({ intent: "grant", role: "ambassador", communeSlug: "lens", quartierCode: "" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(path(resident.id));
    expect(await flashOf(response)).toBe("admin:users.flash.granted");
    expect(await grantsOf(resident.id)).toEqual([expect.objectContaining({ role: "ambassador", communeSlug: "lens", quartierCode: null, grantedById: admin.id })]);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ action: "role.grant", actorId: admin.id, subjectType: "user", subjectId: resident.id })]);
  });

  test("an ambassador without a commune: 400, message on the commune field, choices kept, nothing written", async () => {
    const response = await post({ intent: "grant", role: "ambassador", communeSlug: "", quartierCode: "QP062024" });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toEqual({ communeSlug: "admin:users.validation.communeRequired" });
    expect(data.values).toMatchObject({ role: "ambassador", quartierCode: "QP062024" });
    expect(await grantsOf(resident.id)).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  test("conseil citoyen membership is not granted here: 400 on the role field, no grant, no membership", async () => {
    const response = await post({ intent: "grant", role: "council_member", quartierCode: "QP062024" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ role: "admin:users.validation.roleRequired" });
    expect(await grantsOf(resident.id)).toEqual([]);
    expect(await db.$count(councilMembers)).toBe(0);
  });

  test("a member of the réseau des acteurs is granted without a scope", async () => {
    const response = await post({ intent: "grant", role: "network_member", communeSlug: "lens" });
    expect(response.status).toBe(302);
    expect(await grantsOf(resident.id)).toEqual([expect.objectContaining({ role: "network_member", communeSlug: null, quartierCode: null })]);
  });

  test("a scope sent with a global role is ignored", async () => {
    const response = await post({ intent: "grant", role: "moderator", communeSlug: "lens", quartierCode: "QP062024" });
    expect(response.status).toBe(302);
    expect(await grantsOf(resident.id)).toEqual([expect.objectContaining({ role: "moderator", communeSlug: null, quartierCode: null })]);
  });

  test("no role, the resident role, an unknown role, an unknown commune: 400 with a message", async () => {
    for (const [form, errors] of [
      [{ intent: "grant", role: "" }, { role: "admin:users.validation.roleRequired" }],
      [{ intent: "grant", role: "resident" }, { role: "admin:users.validation.roleRequired" }],
      [{ intent: "grant", role: "superuser" }, { role: "admin:users.validation.roleRequired" }],
      [{ intent: "grant", role: "ambassador", communeSlug: "paris" }, { communeSlug: "admin:users.validation.unknownCommune" }],
      [{ intent: "grant", role: "ambassador", communeSlug: "x".repeat(101) }, { communeSlug: "validation.tooLong" }],
    ] as const) {
      const response = await post(form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect((await response.json()).errors).toEqual(errors);
    }
    expect(await grantsOf(resident.id)).toEqual([]);
  });

  test("granting a role the person already has says so and changes nothing", async () => {
    await post({ intent: "grant", role: "ambassador", communeSlug: "lens" });
    const again = await post({ intent: "grant", role: "ambassador", communeSlug: "lens" });
    expect(again.status).toBe(302);
    expect(await flashOf(again)).toBe("admin:users.flash.alreadyGranted");
    expect(await grantsOf(resident.id)).toHaveLength(1);
    expect(await db.select().from(auditLog)).toHaveLength(1);
  });
});

describe("revoking", () => {
  test("revokes a grant, with a confirmation and an audit entry", async () => {
    const [grant] = await db.insert(roleGrants).values({ userId: resident.id, role: "ambassador", communeSlug: "lens" }).returning();
    const response = await post({ intent: "revoke", grantId: grant!.id });
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toBe("admin:users.flash.revoked");
    expect(await grantsOf(resident.id)).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([
      expect.objectContaining({ action: "role.revoke", subjectId: resident.id, changes: { role: { before: "ambassador", after: null }, communeSlug: { before: "lens", after: null } } }),
    ]);
    const twice = await post({ intent: "revoke", grantId: grant!.id });
    expect(await flashOf(twice)).toBe("admin:users.flash.alreadyRevoked");
  });

  test("the last administrator cannot revoke their own role", async () => {
    const [grant] = await grantsOf(admin.id);
    const response = await post({ intent: "revoke", grantId: grant!.id }, admin.id);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ intent: "revoke", grantId: grant!.id, error: "admin:users.validation.lastAdministrator" });
    expect(await grantsOf(admin.id)).toHaveLength(1);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  test("an administrator who is not the last may give up the role, and is sent home", async () => {
    await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
    const [grant] = await grantsOf(admin.id);
    const response = await post({ intent: "revoke", grantId: grant!.id }, admin.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(await flashOf(response)).toBe("admin:users.flash.revokedOwnAdministrator");
  });

  test("a malformed grant id is a 400, not a 500", async () => {
    const response = await post({ intent: "revoke", grantId: "1 or 1=1" });
    expect(response.status).toBe(400);
  });
});

describe("every action", () => {
  test("checks the permission first: 403 for a wrong role, sign-in for visitors, nothing written", async () => {
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const forbidden = await post({ intent: "grant", role: "administrator" }, resident.id, await sessionCookieFor(ambassador.id));
    expect(forbidden.status).toBe(403);
    const selfPromotion = await post({ intent: "grant", role: "administrator" }, resident.id, await sessionCookieFor(resident.id));
    expect(selfPromotion.status).toBe(403);
    const anonymous = await post({ intent: "grant", role: "administrator" }, resident.id, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion\?/);
    expect(await grantsOf(resident.id)).toEqual([]);
  });

  test("an unknown user is a 404; an unknown intent or unreadable body a 400", async () => {
    expect((await post({ intent: "grant", role: "moderator" }, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post({ intent: "grant", role: "moderator" }, "<script>")).status).toBe(404);
    const unknownIntent = await post({ intent: "delete-everything" });
    expect(unknownIntent.status).toBe(400);
    expect((await unknownIntent.json()).errors).toEqual({ form: "admin:users.validation.unknownIntent" });
    const json = new Request(`http://localhost:3000${path(resident.id)}`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: adminCookie } });
    expect((await settle(action(actionArgs(json, { id: resident.id })))).status).toBe(400);
  });
});
