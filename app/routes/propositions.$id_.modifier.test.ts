import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { createProposal } from "#app/modules/proposals/create-proposal.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { storedProposal, validInput } from "#tests/helpers/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id_.modifier.tsx";

const form = {
  title: validInput.title,
  body: validInput.body,
  ambitionNumber: "8",
  secondaryAmbitions: ["4"],
  axes: ["transition_ecologique"],
  quartierCode: "QP062024",
  communeSlug: "lens",
  placeDescription: "Rue de la Gare",
};

async function setup() {
  const author = await insertUser(db, { password: null });
  const other = await insertUser(db, { password: null });
  const created = await createProposal({ author, input: validInput, publish: true });
  if (created.status !== "ok") throw new Error(created.status);
  return { id: created.proposalId, authorCookie: await sessionCookieFor(author.id), otherCookie: await sessionCookieFor(other.id) };
}

const open = (id: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/propositions/${id}/modifier`, { cookie }), { id })));
const save = (id: string, body: Record<string, string | string[]>, cookie?: string) => settle(action(actionArgs(postRequest(`/propositions/${id}/modifier`, body, { cookie }), { id })));

describe("/propositions/:id/modifier", () => {
  test("anonymous: sign in; someone else: 403, even with a bad form; malformed or unknown id: 404", async () => {
    const { id, otherCookie } = await setup();
    expect((await open(id)).headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpropositions%2F${id}%2Fmodifier`);
    expect((await save(id, form)).headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpropositions%2F${id}%2Fmodifier`);
    expect((await open(id, otherCookie)).status).toBe(403);
    expect((await save(id, { ...form, title: "Piraté !" }, otherCookie)).status).toBe(403);
    expect((await save(id, { title: "" }, otherCookie)).status).toBe(403);
    expect((await open("pas-un-id", otherCookie)).status).toBe(404);
    expect((await open("00000000-0000-4000-8000-000000000000", otherCookie)).status).toBe(404);
    expect((await storedProposal(id)).row!.title).toBe(validInput.title);
  });

  test("the author finds the form filled with the proposal as it is, checked boxes included", async () => {
    const { id, authorCookie } = await setup();
    const response = await open(id, authorCookie);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data).toMatchObject({ title: "Modifier ma proposition", editable: true, current: form });
    expect(data.choices.axes).toHaveLength(2);
  });

  test("the author saves changes: back to the page, the timeline says what changed", async () => {
    const { id, authorCookie } = await setup();
    const response = await save(id, { ...form, title: "Des bancs et un arbre devant l'école", axes: [], secondaryAmbitions: ["4", "6"] }, authorCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${id}`);
    expect(await flashSetBy(response)).toBe("proposals:flash.edited");
    const stored = await storedProposal(id);
    expect(stored.row!.title).toBe("Des bancs et un arbre devant l'école");
    expect(stored.secondaryAmbitions).toEqual([4, 6]);
    expect(stored.events.at(-1)).toMatchObject({ kind: "edited", payload: { fields: ["title", "secondaryAmbitions", "axes"] } });
    // Saving the same again changes nothing, and says so.
    expect(await flashSetBy(await save(id, { ...form, title: "Des bancs et un arbre devant l'école", axes: [], secondaryAmbitions: ["6", "4"] }, authorCookie))).toBe("proposals:flash.unchanged");
  });

  test("bad input: 400 with messages, everything typed kept, lists included", async () => {
    const { id, authorCookie } = await setup();
    const response = await save(id, { ...form, title: "x".repeat(10_000), secondaryAmbitions: ["8", "2"] }, authorCookie);
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toEqual({ title: "proposals:validation.titleTooLong", secondaryAmbitions: "proposals:validation.secondaryIsMain" });
    expect(data.values).toMatchObject({ secondaryAmbitions: ["8", "2"], axes: ["transition_ecologique"] });
    const elsewhere = await save(id, { ...form, communeSlug: "avion" }, authorCookie);
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).errors).toEqual({ communeSlug: "proposals:validation.quartierNotInCommune" });
    expect((await storedProposal(id)).events.map((e) => e.kind)).toEqual(["created", "published"]);
  });

  test("once supported: the page explains and points to giving news; saving is refused (409)", async () => {
    const { id, authorCookie } = await setup();
    await db.update(proposals).set({ supportCount: 1 }).where(eq(proposals.id, id));
    const data = await (await open(id, authorCookie)).json();
    expect(data).toEqual({ title: "Modifier ma proposition", locale: "fr", proposalId: id, editable: false, acceptsUpdates: true });
    const response = await save(id, { ...form, title: "Une autre idée pour l'école" }, authorCookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: { form: "proposals:validation.notEditable" }, values: { title: "Une autre idée pour l'école" } });
    expect((await storedProposal(id)).row!.title).toBe(validInput.title);
  });
});
