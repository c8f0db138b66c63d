import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { toolboxEntries } from "#db/schema/index.ts";
import { insertToolboxEntryRow } from "#tests/factories/toolbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./boite-a-outils.$id_.modifier.tsx";

async function coordinatorCookie() {
  const user = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  return sessionCookieFor(user.id);
}

const methodForm = { title: "Le porteur de parole", summary: "Une question sur un panneau.", steps: "Écrire la question\nInstaller le panneau", durationMinutes: "120" };

describe("/boite-a-outils/:id/modifier", () => {
  test("the form starts with the entry as it is, its kind decides the fields", async () => {
    const entry = await insertToolboxEntryRow(db, { kind: "method", title: "Le porteur de parole", durationMinutes: 90, ambitionNumbers: [5, 11] });
    const page = await (await settle(loader(loaderArgs(getRequest(`/boite-a-outils/${entry.id}/modifier`, { cookie: await coordinatorCookie() }), { id: entry.id })))).json();
    expect(page.entry).toMatchObject({ kind: "method", published: true });
    expect(page.defaults).toMatchObject({ title: "Le porteur de parole", durationMinutes: "90", ambitionNumbers: ["5", "11"] });
  });

  test("a coordinator edits an ambassador's draft and publishes it; the author stays", async () => {
    const author = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const entry = await insertToolboxEntryRow(db, { kind: "method", status: "draft", authorId: author.id });
    const response = await settle(action(actionArgs(postRequest(`/boite-a-outils/${entry.id}/modifier`, { ...methodForm, intent: "publish" }, { cookie: await coordinatorCookie() }), { id: entry.id })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/boite-a-outils/${entry.id}`);
    const [row] = await db.select().from(toolboxEntries).where(eq(toolboxEntries.id, entry.id));
    expect(row).toMatchObject({ status: "published", authorId: author.id, durationMinutes: 120 });
  });

  test("a bad duration: 400 with the message and the values; the entry is unchanged", async () => {
    const entry = await insertToolboxEntryRow(db, { kind: "method", durationMinutes: 90 });
    const response = await settle(action(actionArgs(postRequest(`/boite-a-outils/${entry.id}/modifier`, { ...methodForm, durationMinutes: "deux heures", intent: "publish" }, { cookie: await coordinatorCookie() }), { id: entry.id })));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.durationMinutes).toBe("toolbox:validation.durationInvalid");
    expect(body.values).toMatchObject({ durationMinutes: "deux heures", steps: methodForm.steps });
    expect((await db.select().from(toolboxEntries).where(eq(toolboxEntries.id, entry.id)))[0]!.durationMinutes).toBe(90);
  });

  test.each(["abc", "00000000-0000-4000-8000-000000000000", "%00"])("id %s: 404 for an editor", async (id) => {
    const response = await settle(loader(loaderArgs(getRequest(`/boite-a-outils/x/modifier`, { cookie: await coordinatorCookie() }), { id })));
    expect(response.status).toBe(404);
  });

  test("a council member gets 403", async () => {
    const entry = await insertToolboxEntryRow(db);
    const member = await insertUser(db, { password: null, roles: [{ role: "council_member", quartierCode: "QP062024" }] });
    const response = await settle(loader(loaderArgs(getRequest(`/boite-a-outils/${entry.id}/modifier`, { cookie: await sessionCookieFor(member.id) }), { id: entry.id })));
    expect(response.status).toBe(403);
  });
});
