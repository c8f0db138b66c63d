import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader } from "./admin.utilisateurs._index.tsx";

async function load(query: string, cookie: string) {
  return settle(loader(loaderArgs(getRequest(`/admin/utilisateurs${query}`, { cookie }))));
}

test("an administrator searches by name or e-mail and filters by role", async () => {
  const admin = await insertUser(db, { password: null, displayName: "Admin", email: "admin@example.org", roles: [{ role: "administrator" }] });
  await insertUser(db, { password: null, displayName: "Karim Dupont", email: "karim@example.org", communeSlug: "avion", roles: [{ role: "ambassador", communeSlug: "avion" }] });
  await insertUser(db, { password: null, displayName: "Nadia Benali", email: "nadia@example.org" });
  const cookie = await sessionCookieFor(admin.id);

  const all = await (await load("", cookie)).json();
  expect(all.title).toBe("Utilisateurs et rôles");
  expect(all.total).toBe(3);

  const byName = await (await load("?q=dUPont", cookie)).json();
  expect(byName.users).toEqual([expect.objectContaining({ displayName: "Karim Dupont", communeName: "Avion", roles: [expect.objectContaining({ role: "ambassador", communeName: "Avion" })] })]);
  expect(byName.search).toEqual({ q: "dUPont", role: "" });

  const byRole = await (await load("?role=ambassador", cookie)).json();
  expect(byRole.users.map((u: { displayName: string }) => u.displayName)).toEqual(["Karim Dupont"]);
});

test("filtering on conseil citoyen members finds the people who sit on a council now", async () => {
  const admin = await insertUser(db, { password: null, displayName: "Admin", roles: [{ role: "administrator" }] });
  await insertUser(db, { password: null, displayName: "Sylvie Lefebvre", roles: [{ role: "council_member", quartierCode: "QP062028" }] });
  await insertUser(db, { password: null, displayName: "Réseau", roles: [{ role: "network_member" }] });
  const data = await (await load("?role=council_member", await sessionCookieFor(admin.id))).json();
  expect(data.search.role).toBe("council_member");
  expect(data.users).toEqual([expect.objectContaining({ displayName: "Sylvie Lefebvre", roles: [], councils: [expect.objectContaining({ councilCode: "QP062028" })] })]);
});

test("odd query strings fall back to defaults instead of failing", async () => {
  const admin = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
  const cookie = await sessionCookieFor(admin.id);
  for (const query of ["?page=-3", "?page=abc", "?role=root", "?q=%25%25%25", `?q=${"a".repeat(500)}`, "?page=99999"]) {
    const response = await load(query, cookie);
    expect(response.status, query).toBe(200);
  }
});

test("a coordinator (who may open the back office) may not manage roles", async () => {
  const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  expect((await load("", await sessionCookieFor(coordinator.id))).status).toBe(403);
});
