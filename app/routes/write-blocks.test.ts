/**
 * A suspended account reads but does not write, and an account behind on the charter writes nothing until
 * it accepts the new version: one test per kind of write route (proposal, contribution, support, follow).
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as contributeAction } from "./propositions.$id.contributions.ts";
import { action as followAction } from "./propositions.$id.suivi.ts";
import { action as supportAction } from "./propositions.$id.soutien.ts";
import { action as proposalPageAction } from "./propositions.$id.tsx";
import { action as newProposalAction, loader as newProposalLoader } from "./propositions.nouvelle.tsx";
import { loader as rootLoader } from "../root.tsx";

const DAY = 86_400_000;

async function setup(input: Parameters<typeof insertUser>[1]) {
  const author = await insertUser(db);
  const proposal = await insertProposal(db, { authorId: author.id, quartierCode: "QP062024", communeSlug: "lens" });
  const user = await insertUser(db, { password: null, ...input });
  return { proposal, user, cookie: await sessionCookieFor(user.id) };
}

const newProposal = {
  title: "Des bancs à l'ombre devant l'école",
  body: "Les parents attendent la sortie des classes debout, en plein soleil.",
  ambitionNumber: "8",
  quartierCode: "QP062024",
  communeSlug: "lens",
  intent: "publish",
};

const cases = [
  { name: "suspended", input: { suspendedUntil: new Date(Date.now() + 7 * DAY) }, common: "common:writeBlocked.suspended", contributions: "contributions:errors.suspended" },
  { name: "behind on the charter", input: { charterVersion: null }, common: "common:writeBlocked.charter", contributions: "contributions:errors.charter" },
] as const;

describe.each(cases)("an account $name", ({ input, common, contributions: contributionMessage }) => {
  test("cannot post a proposal: the page says why (403) and a post keeps what was typed", async () => {
    const { user, cookie } = await setup(input);
    const page = await settle(newProposalLoader(loaderArgs(getRequest("/propositions/nouvelle", { cookie }))));
    expect(page.status).toBe(403);
    expect(await page.json()).toMatchObject({ blocked: common });
    const response = await settle(newProposalAction(actionArgs(postRequest("/propositions/nouvelle", newProposal, { cookie }))));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errors: { form: common }, values: { title: newProposal.title, body: newProposal.body } });
    expect(await db.select().from(proposals).where(eq(proposals.authorId, user.id))).toEqual([]);
  });

  test("cannot contribute (403 with the reason, text kept)", async () => {
    const { proposal, user, cookie } = await setup(input);
    const response = await settle(
      contributeAction(actionArgs(postRequest(`/propositions/${proposal.id}/contributions`, { body: "Très bonne idée.", _js: "1" }, { cookie }), { id: proposal.id })),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errors: { form: contributionMessage }, values: { body: "Très bonne idée." } });
    expect(await db.select().from(contributions).where(eq(contributions.authorId, user.id))).toEqual([]);
  });

  test("cannot support: 403 with the reason, or back to the page with it as a message", async () => {
    const { proposal, user, cookie } = await setup(input);
    const withJs = await settle(supportAction(actionArgs(postRequest(`/propositions/${proposal.id}/soutien`, { intent: "support", _js: "1" }, { cookie }), { id: proposal.id })));
    expect(withJs.status).toBe(403);
    expect(await withJs.json()).toEqual({ error: common });
    const plain = await settle(supportAction(actionArgs(postRequest(`/propositions/${proposal.id}/soutien`, { intent: "support" }, { cookie }), { id: proposal.id })));
    expect(plain.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(plain)).toBe(common);
    expect(await db.select().from(supports).where(eq(supports.userId, user.id))).toEqual([]);
  });

  test("cannot add news to their own proposal: 403 with the reason", async () => {
    const { user, cookie } = await setup(input);
    const own = await insertProposal(db, { authorId: user.id });
    const response = await settle(proposalPageAction(actionArgs(postRequest(`/propositions/${own.id}`, { intent: "update", text: "Des nouvelles du projet." }, { cookie }), { id: own.id })));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ intent: null, errors: { form: common }, values: {} });
  });

  test("cannot follow", async () => {
    const { proposal, user, cookie } = await setup(input);
    const response = await settle(followAction(actionArgs(postRequest(`/propositions/${proposal.id}/suivi`, { intent: "follow", _js: "1" }, { cookie }), { id: proposal.id })));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: common });
    expect(await db.select().from(proposalFollows).where(eq(proposalFollows.userId, user.id))).toEqual([]);
  });
});

describe("the page banner", () => {
  test("tells a suspended person until when, and nothing once the suspension is over", async () => {
    const { cookie } = await setup({ suspendedUntil: new Date("2099-03-01T10:00:00Z") });
    const data = await (await settle(rootLoader(loaderArgs(getRequest("/", { cookie }))))).json();
    expect(data.viewer.notice).toEqual({ kind: "suspended", text: expect.stringContaining("1 mars 2099") });
    const past = await setup({ suspendedUntil: new Date(Date.now() - DAY) });
    const after = await (await settle(rootLoader(loaderArgs(getRequest("/", { cookie: past.cookie }))))).json();
    expect(after.viewer.notice).toBeNull();
  });

  test("asks a person behind on the charter to accept it", async () => {
    const { cookie } = await setup({ charterVersion: null });
    const data = await (await settle(rootLoader(loaderArgs(getRequest("/", { cookie }))))).json();
    expect(data.viewer.notice).toMatchObject({ kind: "charter" });
  });
});
