import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertCouncilMember } from "#tests/factories/councils.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getUserWithRoles, likePattern, searchUsers, USERS_PAGE_SIZE } from "./role-queries.server.ts";

describe("searchUsers", () => {
  test("finds by part of the name or e-mail, whatever the case, with roles and their scope names", async () => {
    await insertUser(db, { password: null, displayName: "Nadia Benali", email: "nadia@example.org", communeSlug: "lens" });
    await insertUser(db, { password: null, displayName: "Karim Dupont", email: "k.dupont@example.org", roles: [{ role: "ambassador", communeSlug: "avion" }, { role: "moderator" }] });
    await insertUser(db, { password: null, displayName: "Sylvie", email: "sylvie@exemple.fr", roles: [{ role: "council_member", quartierCode: "QP062028" }, { role: "network_member" }] });

    const byName = await searchUsers({ q: "BENALI", page: 1 });
    expect(byName.users).toEqual([expect.objectContaining({ displayName: "Nadia Benali", email: "nadia@example.org", communeName: "Lens", roles: [] })]);

    const byEmail = await searchUsers({ q: "DUPONT@", page: 1 });
    expect(byEmail.users.map((u) => u.displayName)).toEqual(["Karim Dupont"]);
    expect(byEmail.users[0]!.roles).toEqual([
      expect.objectContaining({ role: "ambassador", communeSlug: "avion", communeName: "Avion" }),
      expect.objectContaining({ role: "moderator", communeName: null }),
    ]);

    const council = await searchUsers({ q: "sylvie", page: 1 });
    // Council membership comes from the council's rows, beside the grants.
    expect(council.users[0]!.roles).toEqual([expect.objectContaining({ role: "network_member", communeName: null })]);
    expect(council.users[0]!.councils).toEqual([{ councilCode: "QP062028", councilName: "Conseil citoyen Calonne - Marichelles - Vent De Bise", college: "residents" }]);

    expect((await searchUsers({ page: 1 })).total).toBe(3);
  });

  test("% and _ are searched literally", async () => {
    await insertUser(db, { password: null, displayName: "Cent pour cent", email: "cent@example.org" });
    await insertUser(db, { password: null, displayName: "a_b", email: "ab@example.org" });
    expect((await searchUsers({ q: "%", page: 1 })).total).toBe(0);
    expect((await searchUsers({ q: "_", page: 1 })).users.map((u) => u.displayName)).toEqual(["a_b"]);
    expect(likePattern("50%_\\")).toBe("%50\\%\\_\\\\%");
  });

  test("filters by role", async () => {
    await insertUser(db, { password: null, displayName: "A", roles: [{ role: "moderator" }] });
    await insertUser(db, { password: null, displayName: "B", roles: [{ role: "ambassador", communeSlug: "lens" }, { role: "ambassador", communeSlug: "avion" }] });
    await insertUser(db, { password: null, displayName: "C" });
    expect((await searchUsers({ role: "ambassador", page: 1 })).users.map((u) => u.displayName)).toEqual(["B"]);
    expect((await searchUsers({ role: "moderator", q: "a", page: 1 })).users.map((u) => u.displayName)).toEqual(["A"]);
    expect((await searchUsers({ role: "administrator", page: 1 })).total).toBe(0);
  });

  test("filters on current conseil citoyen members, read from the councils' rows", async () => {
    const sitting = await insertUser(db, { password: null, displayName: "Membre", roles: [{ role: "council_member", quartierCode: "QP062024" }] });
    const former = await insertUser(db, { password: null, displayName: "Ancien" });
    await insertCouncilMember(db, { councilCode: "QP062028", userId: former.id, leftAt: new Date() });
    await insertUser(db, { password: null, displayName: "Personne" });
    const found = await searchUsers({ role: "council_member", page: 1 });
    expect(found.users.map((u) => u.id)).toEqual([sitting.id]);
    expect(found.users[0]!.councils).toEqual([expect.objectContaining({ councilCode: "QP062024" })]);
    expect((await searchUsers({ q: "ancien", page: 1 })).users[0]!.councils).toEqual([]);
  });

  test("pages are capped in size and ordered by name", async () => {
    for (let i = 0; i < USERS_PAGE_SIZE + 2; i++) await insertUser(db, { password: null, displayName: `Personne ${String(i).padStart(2, "0")}` });
    const first = await searchUsers({ page: 1 });
    const second = await searchUsers({ page: 2 });
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    expect(second.users.map((u) => u.displayName)).toEqual([`Personne ${USERS_PAGE_SIZE}`, `Personne ${USERS_PAGE_SIZE + 1}`]);
    expect((await searchUsers({ page: 5 })).users).toEqual([]);
  });
});

test("getUserWithRoles returns null for unknown and malformed ids", async () => {
  const user = await insertUser(db, { password: null, displayName: "Nadia", communeSlug: "lens", quartierCode: "QP062024", roles: [{ role: "coordinator" }, { role: "council_member", councilCode: "QP062024" }] });
  expect(await getUserWithRoles(user.id)).toMatchObject({
    displayName: "Nadia",
    communeName: "Lens",
    quartierName: "Cité 12-14",
    roles: [{ role: "coordinator" }],
    councils: [{ councilCode: "QP062024", councilName: "Conseil citoyen Cité 12-14", college: "residents" }],
  });
  expect(await getUserWithRoles("00000000-0000-4000-8000-000000000000")).toBeNull();
  expect(await getUserWithRoles("pas un id !")).toBeNull();
  expect(await getUserWithRoles("")).toBeNull();
});
