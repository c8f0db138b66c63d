import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertToolboxEntryRow } from "#tests/factories/toolbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./boite-a-outils.$id.tsx";

const open = async (id: string, cookie = "") => settle(loader(loaderArgs(getRequest(`/boite-a-outils/${id}`, { cookie }), { id })));

describe("/boite-a-outils/:id", () => {
  test("a method: its steps numbered from the lines, its duration written out; the author's account is not sent", async () => {
    const author = await insertUser(db, { password: null, email: "karim.prive@example.org" });
    const entry = await insertToolboxEntryRow(db, { kind: "method", steps: "1. Choisir la question\n\n2. Installer le panneau\n", durationMinutes: 90, authorId: author.id, ambitionNumbers: [11] });
    const response = await open(entry.id);
    expect(response.status).toBe(200);
    const text = await response.text();
    const page = JSON.parse(text);
    expect(page.entry).toMatchObject({ kind: "method", steps: ["Choisir la question", "Installer le panneau"], duration: "1 h 30", ambitions: [{ number: 11 }] });
    expect(text).not.toContain(author.id);
    expect(text).not.toContain("karim.prive@example.org");
    expect(page.editor).toBe(false);
  });

  test("a draft is not found for a visitor or a resident, and shown to an ambassador", async () => {
    const entry = await insertToolboxEntryRow(db, { status: "draft" });
    expect((await open(entry.id)).status).toBe(404);
    const resident = await insertUser(db, { password: null });
    expect((await open(entry.id, await sessionCookieFor(resident.id))).status).toBe(404);
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const page = await (await open(entry.id, await sessionCookieFor(ambassador.id))).json();
    expect(page).toMatchObject({ editor: true, entry: { status: "draft" } });
  });

  test.each(["abc", "1", "00000000-0000-4000-8000-00000000000", "../etc"])("malformed id %s: 404", async (id) => {
    expect((await open(id)).status).toBe(404);
  });

  test("an editor publishes a draft from its page, then takes it back", async () => {
    const entry = await insertToolboxEntryRow(db, { status: "draft" });
    const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const cookie = await sessionCookieFor(coordinator.id);
    const post = (intent: string) => settle(action(actionArgs(postRequest(`/boite-a-outils/${entry.id}`, { intent }, { cookie }), { id: entry.id })));
    expect((await post("publish")).status).toBe(302);
    expect((await open(entry.id)).status).toBe(200);
    expect((await post("unpublish")).status).toBe(302);
    expect((await open(entry.id)).status).toBe(404);
    expect((await post("supprimer")).status).toBe(400);
  });
});
