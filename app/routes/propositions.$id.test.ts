import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { storedProposal } from "#tests/helpers/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.tsx";

const BODY = "Les parents attendent la sortie des classes debout, en plein soleil, devant l'école Jean-Jaurès. Quelques bancs et un arbre changeraient tout pour eux et pour les grands-parents qui viennent chercher les enfants.";

async function setup(status: "draft" | "published" = "published") {
  const author = await insertUser(db, { password: null, displayName: "Nadia" });
  const other = await insertUser(db, { password: null });
  const proposal = await insertProposal(db, { authorId: author.id, status, title: "Des bancs à l'ombre devant l'école", body: BODY });
  return { author, other, proposal, authorCookie: await sessionCookieFor(author.id), otherCookie: await sessionCookieFor(other.id) };
}

const view = (id: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/propositions/${id}`, { cookie }), { id })));
const act = (id: string, form: Record<string, string>, cookie?: string) => settle(action(actionArgs(postRequest(`/propositions/${id}`, form, { cookie }), { id })));

describe("/propositions/:id, the page", () => {
  test("anyone reads a published proposal: title, meta description from the text, names, timeline; no author tools", async () => {
    const { proposal } = await setup();
    const response = await view(proposal.id);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Des bancs à l'ombre devant l'école");
    expect(data.description).toBe(`${BODY.slice(0, 150).trimEnd()}…`);
    expect(data.proposal).toMatchObject({ id: proposal.id, status: "published", authorName: "Nadia", ambitionNumber: 8, quartierName: "Cité 12-14", communeName: "Lens" });
    expect(data.proposal.dateLabel).toMatch(/^publiée le \d{1,2} \S+ \d{4}$/);
    expect(data.proposal).not.toHaveProperty("authorId");
    expect(data.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "published"]);
    expect(data.actions).toBeNull();
    // The supports panel, for an anonymous visitor: the count, the threshold, and "sign in to support".
    expect(data).toMatchObject({ supports: { supportCount: 0, threshold: 25, access: "sign_in", open: true }, contributions: { total: 0, open: true, items: [] } });
  });

  test("the author sees what they may still do", async () => {
    const { proposal, authorCookie } = await setup();
    expect((await (await view(proposal.id, authorCookie)).json()).actions).toEqual({ edit: true, update: false, withdraw: true, publish: false });
  });

  test("a draft is its author's only: 404 for anyone else", async () => {
    const { proposal, authorCookie, otherCookie } = await setup("draft");
    expect((await view(proposal.id)).status).toBe(404);
    expect((await view(proposal.id, otherCookie)).status).toBe(404);
    const own = await view(proposal.id, authorCookie);
    expect(own.status).toBe(200);
    expect((await own.json()).actions).toEqual({ edit: true, update: false, withdraw: false, publish: true });
  });

  test("malformed or unknown: 404, never 500", async () => {
    for (const id of ["nouvelle-idee", "1", "' or 1=1 --", "00000000-0000-4000-8000-000000000000"]) expect((await view(id)).status, id).toBe(404);
  });

  test("hidden by moderation: others are told so, without its title; its author still sees it, with a notice", async () => {
    const { proposal, authorCookie } = await setup();
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    const stub = await (await view(proposal.id)).json();
    expect(stub).toEqual({ hiddenStub: true, title: "Cette proposition a été masquée par la modération", reason: null });
    const own = await (await view(proposal.id, authorCookie)).json();
    expect(own).toMatchObject({ hiddenStub: false, title: proposal.title, hiddenNotice: "author" });
  });

  test("a withdrawn proposal stays visible, marked withdrawn, with the reason", async () => {
    const { proposal, authorCookie } = await setup();
    await act(proposal.id, { intent: "withdraw", reason: "La ville l'a déjà prévu." }, authorCookie);
    const data = await (await view(proposal.id)).json();
    expect(data.proposal).toMatchObject({ status: "withdrawn", withdrawnReason: "La ville l'a déjà prévu." });
    expect(data.proposal.withdrawnLabel).toEqual(expect.any(String));
  });
});

describe("/propositions/:id, the author's actions", () => {
  test("anonymous: sign in; unverified: 403; someone else: 403 for each action, nothing changes", async () => {
    const { proposal, other } = await setup("draft");
    expect((await act(proposal.id, { intent: "publish" })).headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpropositions%2F${proposal.id}`);
    const unverified = await insertUser(db, { password: null, verified: false });
    expect((await act(proposal.id, { intent: "publish" }, await sessionCookieFor(unverified.id))).status).toBe(403);
    const otherCookie = await sessionCookieFor(other.id);
    const forms: Record<string, string>[] = [{ intent: "publish" }, { intent: "withdraw" }, { intent: "update", text: "Des nouvelles de l'idée." }];
    for (const form of forms) {
      expect((await act(proposal.id, form, otherCookie)).status, form.intent).toBe(403);
    }
    expect((await storedProposal(proposal.id)).row!.status).toBe("draft");
  });

  test("the author publishes a draft", async () => {
    const { proposal, authorCookie } = await setup("draft");
    const response = await act(proposal.id, { intent: "publish" }, authorCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(response)).toBe("proposals:flash.published");
    expect((await storedProposal(proposal.id)).row!.status).toBe("published");
    // A second press changes nothing and says so.
    const again = await act(proposal.id, { intent: "publish" }, authorCookie);
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual({ form: "proposals:validation.notDraft" });
  });

  test("the author withdraws: a reason too long is a 400 with the text kept; then withdrawn", async () => {
    const { proposal, authorCookie } = await setup();
    const tooLong = await act(proposal.id, { intent: "withdraw", reason: "x".repeat(501) }, authorCookie);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ intent: "withdraw", errors: { reason: "proposals:validation.reasonTooLong" }, values: { intent: "withdraw", reason: "x".repeat(501) } });
    const response = await act(proposal.id, { intent: "withdraw", reason: "<b>Déjà fait</b>" }, authorCookie);
    expect(await flashSetBy(response)).toBe("proposals:flash.withdrawn");
    expect((await storedProposal(proposal.id)).events.at(-1)).toMatchObject({ kind: "withdrawn", payload: { reason: "<b>Déjà fait</b>" } });
    expect((await act(proposal.id, { intent: "withdraw" }, authorCookie)).status).toBe(409);
  });

  test("the author gives news once people have reacted, not before", async () => {
    const { proposal, authorCookie } = await setup();
    const early = await act(proposal.id, { intent: "update", text: "La mairie étudie l'idée." }, authorCookie);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ intent: "update", errors: { form: "proposals:validation.updateNotAllowed" }, values: { text: "La mairie étudie l'idée." } });
    await db.update(proposals).set({ supportCount: 3 }).where(eq(proposals.id, proposal.id));
    const short = await act(proposal.id, { intent: "update", text: "Bof" }, authorCookie);
    expect(short.status).toBe(400);
    expect((await short.json()).errors).toEqual({ text: "proposals:validation.updateTooShort" });
    const response = await act(proposal.id, { intent: "update", text: "La mairie étudie l'idée." }, authorCookie);
    expect(await flashSetBy(response)).toBe("proposals:flash.updateAdded");
    const data = await (await view(proposal.id)).json();
    expect(data.timeline.at(-1)).toMatchObject({ kind: "updated", text: "La mairie étudie l'idée.", actorName: "Nadia" });
  });

  test("an unknown intent or a malformed id", async () => {
    const { proposal, authorCookie } = await setup();
    expect((await act(proposal.id, { intent: "delete" }, authorCookie)).status).toBe(400);
    expect((await act(proposal.id, {}, authorCookie)).status).toBe(400);
    expect((await act("pas-un-id", { intent: "publish" }, authorCookie)).status).toBe(404);
    expect((await act("00000000-0000-4000-8000-000000000000", { intent: "withdraw" }, authorCookie)).status).toBe(404);
  });
});
