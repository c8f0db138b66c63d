/**
 * Content hidden by moderation never reaches people who may not see it. Hidden rows are inserted directly
 * (as a moderator's decision or the automatic hiding leaves them); each surface is read as a visitor sees it
 * (the loader's data is what the HTML is rendered from), next to a visible row that must be there.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { emailOutbox, moderationCases, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as ambitionLoader } from "./ambitions.$numero.tsx";
import { loader as listLoader } from "./propositions._index.tsx";
import { loader as proposalLoader, meta as proposalMeta } from "./propositions.$id.tsx";
import { action as supportAction } from "./propositions.$id.soutien.ts";
import { loader as quartierLoader } from "./quartiers.$code.tsx";

const SECRET_TITLE = "Zorglub secret injurieux";
const SECRET_BODY = "Texte zorglub avec les données personnelles de quelqu'un.";
const SECRET_NAME = "Pseudo Zorglubesque";

async function rows() {
  const author = await insertUser(db, { displayName: "Autrice visible" });
  const place = { ambitionNumber: 3, quartierCode: "QP062024", communeSlug: "lens" };
  const visible = await insertProposal(db, { authorId: author.id, title: "Une idée visible zorglub", body: "Un texte visible zorglub.", ...place });
  const hidden = await insertProposal(db, { authorId: author.id, title: SECRET_TITLE, body: SECRET_BODY, ...place });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  return { author, visible, hidden };
}

const data = async (promise: Promise<unknown>) => JSON.stringify(await (await settle(promise)).json());

describe("a hidden proposal", () => {
  test("is in no list, no search result and no count", async () => {
    const { visible } = await rows();
    const list = await data(listLoader(loaderArgs(getRequest("/propositions"))));
    expect(list).toContain(visible.title);
    expect(list).not.toContain(SECRET_TITLE);
    const search = await settle(listLoader(loaderArgs(getRequest("/propositions?q=zorglub"))));
    const found = await search.json();
    expect(JSON.stringify(found)).toContain(visible.title);
    expect(JSON.stringify(found)).not.toContain(SECRET_TITLE);
    expect(JSON.stringify(found)).not.toContain("zorglub avec les données");
    // Counts: one proposal in the quartier's filter and in the totals, not two.
    expect(JSON.stringify(found)).not.toMatch(/"count":2\b/);
  });

  test("is not on its ambition's page or its quartier's page, nor counted there", async () => {
    const { visible } = await rows();
    for (const [name, promise] of [
      ["ambition", ambitionLoader(loaderArgs(getRequest("/ambitions/3"), { numero: "3" }))],
      ["quartier", quartierLoader(loaderArgs(getRequest("/quartiers/QP062024"), { code: "QP062024" }))],
    ] as const) {
      const text = await data(promise);
      expect(text, name).toContain(visible.title);
      expect(text, name).not.toContain(SECRET_TITLE);
    }
    const ambition = await (await settle(ambitionLoader(loaderArgs(getRequest("/ambitions/3"), { numero: "3" })))).json();
    expect(JSON.stringify(ambition)).not.toMatch(/"total":2\b/);
  });

  test("its page says it was hidden and why, never its title or text (data, <title>, meta description)", async () => {
    const { hidden } = await rows();
    await db.insert(moderationCases).values({ subjectType: "proposal", subjectId: hidden.id, status: "hidden", hideReason: "personal_data", decidedAt: new Date() });
    const visitor = await insertUser(db);
    for (const cookie of [undefined, await sessionCookieFor(visitor.id)]) {
      const response = await settle(proposalLoader(loaderArgs(getRequest(`/propositions/${hidden.id}`, { cookie }), { id: hidden.id })));
      const body = await response.json();
      expect(body).toEqual({ hiddenStub: true, title: "Cette proposition a été masquée par la modération", reason: "personal_data" });
      const tags = JSON.stringify(proposalMeta({ data: body, matches: [], params: { id: hidden.id }, location: {} as never, error: undefined } as never));
      expect(tags).not.toContain(SECRET_TITLE);
      expect(tags).not.toContain("zorglub");
      expect(tags).toContain("masquée par la modération");
    }
  });

  test("its author and moderators still see it, with a notice and the reason", async () => {
    const { author, hidden } = await rows();
    const moderator = await insertUser(db, { roles: [{ role: "moderator" }] });
    for (const [who, id] of [["author", author.id], ["moderator", moderator.id]] as const) {
      const body = await (await settle(proposalLoader(loaderArgs(getRequest(`/propositions/${hidden.id}`, { cookie: await sessionCookieFor(id) }), { id: hidden.id })))).json();
      expect(body).toMatchObject({ hiddenStub: false, title: SECRET_TITLE, hiddenNotice: who, hiddenReason: null });
    }
  });

  test("gets no support, so no 'qualified' email (nor any other) goes out about it", async () => {
    const { author, hidden } = await rows();
    const supporter = await insertUser(db);
    const response = await settle(supportAction(actionArgs(postRequest(`/propositions/${hidden.id}/soutien`, { intent: "support", _js: "1" }, { cookie: await sessionCookieFor(supporter.id) }), { id: hidden.id })));
    expect(response.status).toBeGreaterThanOrEqual(400);
    const mails = await db.select().from(emailOutbox);
    expect(JSON.stringify(mails)).not.toContain(SECRET_TITLE);
    expect(mails.filter((m) => m.to === author.email)).toEqual([]);
  });
});

describe("a hidden contribution", () => {
  test("shows 'masquée par la modération' and the reason in the thread, never its text", async () => {
    const { author, visible } = await rows();
    const other = await insertUser(db);
    await insertContribution(db, { proposalId: visible.id, authorId: other.id, body: "Une contribution visible." });
    const hidden = await insertContribution(db, { proposalId: visible.id, authorId: other.id, body: SECRET_BODY, hiddenAt: new Date() });
    await db.insert(moderationCases).values({ subjectType: "contribution", subjectId: hidden.id, status: "hidden", hideReason: "harassment", decidedAt: new Date() });
    const page = await (await settle(proposalLoader(loaderArgs(getRequest(`/propositions/${visible.id}`, { cookie: await sessionCookieFor(author.id) }), { id: visible.id })))).json();
    const text = JSON.stringify(page);
    expect(text).toContain("Une contribution visible.");
    expect(text).not.toContain(SECRET_BODY);
    expect(text).not.toContain("données personnelles de quelqu");
    expect(page.contributions.items).toContainEqual(expect.objectContaining({ state: "hidden", hiddenReason: "harassment" }));
  });
});

describe("a hidden profile", () => {
  test("its name is shown nowhere another person sees it: proposal byline, contributions", async () => {
    const hiddenAuthor = await insertUser(db, { displayName: SECRET_NAME, profileHiddenAt: new Date() });
    const proposal = await insertProposal(db, { authorId: hiddenAuthor.id, title: "Une idée d'un profil masqué" });
    await insertContribution(db, { proposalId: proposal.id, authorId: hiddenAuthor.id, body: "Une contribution d'un profil masqué." });
    const page = await (await settle(proposalLoader(loaderArgs(getRequest(`/propositions/${proposal.id}`), { id: proposal.id })))).json();
    const text = JSON.stringify(page);
    expect(text).not.toContain(SECRET_NAME);
    expect(page.proposal.authorName).toBe("Profil masqué");
    expect(text).toContain("Une contribution d'un profil masqué.");
  });
});
