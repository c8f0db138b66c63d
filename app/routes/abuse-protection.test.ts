/** The abuse rules as people meet them on the two public forms that create content: proposals and contributions. */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as contributionItemAction } from "./contributions.$id.ts";
import { action as contributeAction } from "./propositions.$id.contributions.ts";
import { action as editProposalAction } from "./propositions.$id_.modifier.tsx";
import { action as newProposalAction } from "./propositions.nouvelle.tsx";

const form = {
  title: "Des bancs à l'ombre devant l'école",
  body: "Les parents attendent la sortie des classes debout, en plein soleil.",
  ambitionNumber: "8",
  quartierCode: "QP062024",
  communeSlug: "lens",
  intent: "publish",
};

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, { password: null, ...input });
  return { user, cookie: await sessionCookieFor(user.id) };
}
const postProposal = (body: Record<string, string>, cookie: string) => settle(newProposalAction(actionArgs(postRequest("/propositions/nouvelle", body, { cookie }))));
const postContribution = (proposalId: string, body: Record<string, string>, cookie: string) =>
  settle(contributeAction(actionArgs(postRequest(`/propositions/${proposalId}/contributions`, body, { cookie }), { id: proposalId })));
const proposalsBy = (userId: string) => db.select().from(proposals).where(eq(proposals.authorId, userId));
const contributionsBy = (userId: string) => db.select().from(contributions).where(eq(contributions.authorId, userId));

describe("posting a proposal", () => {
  test("the same text as one's own earlier contribution is refused: 409, a clear message, everything typed kept", async () => {
    const { user, cookie } = await signedIn();
    const other = await insertProposal(db, { authorId: (await insertUser(db)).id });
    expect((await postContribution(other.id, { body: form.body, _js: "1" }, cookie)).status).toBe(200);
    const response = await postProposal(form, cookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ errors: { body: "proposals:validation.repeated" }, values: form });
    expect(await proposalsBy(user.id)).toEqual([]);
  });

  test("two links from a new account: 422 with the reason, text kept", async () => {
    const { user, cookie } = await signedIn();
    const body = "Voir https://exemple.org/a et https://exemple.org/b pour le détail du projet.";
    const response = await postProposal({ ...form, body }, cookie);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: { body: "proposals:validation.tooManyLinks" }, values: { body } });
    expect(await proposalsBy(user.id)).toEqual([]);
  });

  test("a filled honeypot: an ordinary answer, nothing created", async () => {
    const { user, cookie } = await signedIn();
    const response = await postProposal({ ...form, website: "https://spam.example" }, cookie);
    expect(response.status).toBe(302);
    expect(await proposalsBy(user.id)).toEqual([]);
  });
});

describe("posting a contribution", () => {
  test("the same text as one's own proposal is refused (409), the text kept", async () => {
    const { user, cookie } = await signedIn();
    expect((await postProposal(form, cookie)).status).toBe(302);
    const other = await insertProposal(db, { authorId: (await insertUser(db)).id });
    const response = await postContribution(other.id, { body: `  ${form.body.toUpperCase()} `, _js: "1" }, cookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: { body: "contributions:errors.repeated" } });
    expect(await contributionsBy(user.id)).toEqual([]);
  });

  test("two links from a new account: 422, and without JavaScript back to the form with the text", async () => {
    const { user, cookie } = await signedIn();
    const proposal = await insertProposal(db, { authorId: (await insertUser(db)).id });
    const body = "Regardez www.exemple.org et https://exemple.org/b";
    const js = await postContribution(proposal.id, { body, _js: "1" }, cookie);
    expect(js.status).toBe(422);
    expect(await js.json()).toMatchObject({ errors: { body: "contributions:errors.tooManyLinks" }, values: { body } });
    const plain = new URL((await postContribution(proposal.id, { body }, cookie)).headers.get("Location")!, "http://localhost");
    expect(Object.fromEntries(plain.searchParams)).toMatchObject({ contribution_error: "tooManyLinks", draft: body });
    expect(await contributionsBy(user.id)).toEqual([]);
  });

  test("a filled honeypot: back to the proposal as if posted, nothing created", async () => {
    const { user, cookie } = await signedIn();
    const proposal = await insertProposal(db, { authorId: (await insertUser(db)).id });
    const response = await postContribution(proposal.id, { body: "Super idée, vraiment.", website: "spam" }, cookie);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await contributionsBy(user.id)).toEqual([]);
  });
});

describe("editing", () => {
  const twoLinks = "Voir https://exemple.org/a et https://exemple.org/b pour le détail du projet.";

  test("cannot add more links than a new account may post, in a proposal or a contribution (422, text kept)", async () => {
    const { user, cookie } = await signedIn();
    const own = await insertProposal(db, { authorId: user.id, ...{ quartierCode: "QP062024", communeSlug: "lens", ambitionNumber: 8 } });
    const edit = await settle(editProposalAction(actionArgs(postRequest(`/propositions/${own.id}/modifier`, { ...form, body: twoLinks }, { cookie }), { id: own.id })));
    expect(edit.status).toBe(422);
    expect(await edit.json()).toMatchObject({ errors: { body: "proposals:validation.tooManyLinks" }, values: { body: twoLinks } });

    const other = await insertProposal(db, { authorId: (await insertUser(db)).id });
    const mine = await insertContribution(db, { proposalId: other.id, authorId: user.id, body: "Mon premier texte." });
    const response = await settle(
      contributionItemAction(actionArgs(postRequest(`/contributions/${mine.id}`, { intent: "edit", body: twoLinks, _js: "1" }, { cookie }), { id: mine.id })),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: { body: "contributions:errors.tooManyLinks" }, values: { body: twoLinks } });
    const [row] = await db.select().from(contributions).where(eq(contributions.id, mine.id));
    expect(row!.body).toBe("Mon premier texte.");
  });
});
