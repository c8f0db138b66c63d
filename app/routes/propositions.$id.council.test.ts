/** The council's section of a proposal's page: carry and follow on behalf of a conseil citoyen. */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { councilProposals, proposals } from "#db/schema/index.ts";
import { person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { councilMember } from "#tests/factories/interpellations.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.tsx";

const STATEMENT = "Le conseil en parle à chaque réunion depuis l'hiver : il faut des bancs.";

const post = async (id: string, form: Record<string, string>, cookie: string) => settle(Promise.resolve(action(actionArgs(postRequest(`/propositions/${id}`, form, { cookie }), { id }))));
const open = async (id: string, cookie: string) => (await settle(Promise.resolve(loader(loaderArgs(getRequest(`/propositions/${id}`, { cookie }), { id }))))).json();

describe("/propositions/:id, on behalf of a conseil citoyen", () => {
  test("a member of the council covering the quartier sees the section; others do not", async () => {
    const member = await councilMember(db);
    const other = await councilMember(db, "QP062028");
    const proposal = await insertProposal(db, { authorId: (await person("Autrice")).id });
    expect((await open(proposal.id, await sessionCookieFor(member.id))).council).toEqual({ code: "QP062024", name: "Conseil citoyen Cité 12-14", tie: null, carriedByOther: null, mayCarry: true });
    expect((await open(proposal.id, await sessionCookieFor(other.id))).council).toBeNull();
    expect((await open(proposal.id, "")).council).toBeNull();
  });

  test("carry: a short statement answers 400 and keeps what was typed; a good one carries and says so on the page", async () => {
    const member = await councilMember(db);
    const cookie = await sessionCookieFor(member.id);
    const proposal = await insertProposal(db, { authorId: (await person("Autrice")).id });
    const refused = await post(proposal.id, { intent: "carry", statement: "Trop court" }, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ intent: "carry", errors: { statement: "interpellations:validation.statementTooShort" }, values: { statement: "Trop court" } });
    const tooLong = await post(proposal.id, { intent: "carry", statement: "x".repeat(1001) }, cookie);
    expect(tooLong.status).toBe(400);
    const broken = await post(proposal.id, { intent: "carry", statement: `${STATEMENT}\u0000` }, cookie);
    expect(broken.status).toBe(400);

    const done = await post(proposal.id, { intent: "carry", statement: STATEMENT }, cookie);
    expect(done.status).toBe(302);
    const page = await open(proposal.id, cookie);
    expect(page.proposal).toMatchObject({ status: "qualified", origin: "conseil_citoyen", originQuartierName: "Cité 12-14" });
    expect(page.council).toMatchObject({ tie: "carried", mayCarry: false });
    expect(page.timeline.find((e: { kind: string }) => e.kind === "carried")).toMatchObject({ text: STATEMENT, carriedByCouncil: { name: "Conseil citoyen Cité 12-14" }, actorName: null });

    // Again: refused with a message, what was typed kept.
    const again = await post(proposal.id, { intent: "carry", statement: STATEMENT }, cookie);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ intent: "carry", errors: { form: "interpellations:carry.alreadyCarried" }, values: { statement: STATEMENT } });
  });

  test("refusals: 403 for a resident and for another council's member, 404 for a malformed id or a draft, 409 for an answered proposal or one without a quartier", async () => {
    const member = await councilMember(db);
    const cookie = await sessionCookieFor(member.id);
    const proposal = await insertProposal(db, { authorId: (await person("Autrice")).id });
    const form = { intent: "carry", statement: STATEMENT };
    expect((await post(proposal.id, form, await sessionCookieFor((await person("Habitante")).id))).status).toBe(403);
    expect((await post(proposal.id, form, await sessionCookieFor((await councilMember(db, "QP062028")).id))).status).toBe(403);
    expect((await post("pas-un-id", form, cookie)).status).toBe(404);
    const draft = await insertProposal(db, { authorId: (await person("Autrice")).id, status: "draft" });
    expect((await post(draft.id, form, cookie)).status).toBe(404);
    const answered = await qualifiedProposal({ status: "answered" });
    const late = await post(answered.id, form, cookie);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ errors: { form: "interpellations:carry.notWaiting" } });
    const nowhere = await insertProposal(db, { authorId: (await person("Autrice")).id, quartierCode: null });
    expect((await post(nowhere.id, form, cookie)).status).toBe(409);
    expect(await db.select().from(councilProposals)).toEqual([]);
    const [row] = await db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, proposal.id));
    expect(row!.status).toBe("published");
  });

  test("follow, then unfollow, on behalf of the council; a carried proposal is not unfollowed", async () => {
    const member = await councilMember(db);
    const cookie = await sessionCookieFor(member.id);
    const proposal = await insertProposal(db, { authorId: (await person("Autrice")).id });
    expect((await post(proposal.id, { intent: "council_follow" }, cookie)).status).toBe(302);
    expect((await open(proposal.id, cookie)).council.tie).toBe("followed");
    expect((await post(proposal.id, { intent: "council_unfollow" }, cookie)).status).toBe(302);
    expect((await open(proposal.id, cookie)).council.tie).toBeNull();
    await post(proposal.id, { intent: "carry", statement: STATEMENT }, cookie);
    const refused = await post(proposal.id, { intent: "council_unfollow" }, cookie);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ intent: "council_unfollow", errors: { form: "interpellations:carry.cannotUnfollowCarried" } });
  });
});
