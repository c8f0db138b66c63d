import { describe, expect, test } from "vitest";
import { copilMeeting, partner, person, proposalRow, qualifiedProposal, stepEmailsTo } from "#tests/factories/gtp.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.propositions.$id.tsx";

async function coordinatorCookie() {
  const coordinator = await person("Coordinatrice", "coordinator");
  return sessionCookieFor(coordinator.id);
}
const page = async (id: string, cookie: string) => settle(Promise.resolve(loader(loaderArgs(getRequest(`/gouvernance/propositions/${id}`, { cookie }), { id }))));
const post = (id: string, form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest(`/gouvernance/propositions/${id}`, form, { cookie }), { id })));

describe("/gouvernance/propositions/:id", () => {
  test("shows the proposal, its deadline, its version and the steps its status allows; no planned COPIL means no meeting to choose", async () => {
    const cookie = await coordinatorCookie();
    const proposal = await qualifiedProposal({ qualifiedAt: new Date("2027-01-10T10:00:00Z") });
    const data = await (await page(proposal.id, cookie)).json();
    expect(data.proposal).toMatchObject({ id: proposal.id, status: "qualified", qualified: "10 janvier 2027", deadline: "10 mai 2027", overdue: expect.any(Boolean) });
    expect(data.version).toBe(0);
    expect(data.allows).toEqual({ review: true, putForward: false, answer: true, merge: true });
    expect(data.meetings).toEqual([]);
  });

  test("each step: bad input answers 400 with what was typed kept; a good one redirects with a confirmation and emails the author", async () => {
    const cookie = await coordinatorCookie();
    const author = await person("Nadia");
    const proposal = await qualifiedProposal({ authorId: author.id });
    const missingBody = await post(proposal.id, { intent: "answer", version: "0", answerKind: "outside_contract", answerText: "Ce sont les horaires de bus.", competentBody: "" }, cookie);
    expect(missingBody.status).toBe(400);
    expect(await missingBody.json()).toEqual({ intent: "answer", errors: { competentBody: "gtp:validation.competentBodyRequired" }, values: { answerKind: "outside_contract", answerText: "Ce sont les horaires de bus.", competentBody: "" } });
    const unknownPartner = await post(proposal.id, { intent: "assign", version: "0", partnerId: "00000000-0000-4000-8000-000000000000" }, cookie);
    expect(unknownPartner.status).toBe(400);
    expect(await unknownPartner.json()).toMatchObject({ errors: { partnerId: "gtp:validation.unknownPartner" } });
    const lens = await partner("Ville de Lens");
    const assigned = await post(proposal.id, { intent: "assign", version: "0", partnerId: lens.id }, cookie);
    expect(assigned.status).toBe(302);
    expect(assigned.headers.get("Location")).toBe(`/gouvernance/propositions/${proposal.id}`);
    expect(await flashSetBy(assigned)).toBe("gtp:flash.assign");
    expect(await stepEmailsTo(author.email)).toHaveLength(1);
  });

  test("a form built on an older version answers 409 with a clear message, and changes nothing", async () => {
    const cookie = await coordinatorCookie();
    const proposal = await qualifiedProposal({ status: "under_review" });
    const meeting = await copilMeeting();
    const first = await post(proposal.id, { intent: "put_forward", version: "0", meetingId: meeting.id, details: "" }, cookie);
    expect(first.status).toBe(302);
    const second = await post(proposal.id, { intent: "answer", version: "0", answerKind: "already_done", answerText: "Déjà fait." }, cookie);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ intent: "answer", errors: { form: "gtp:errors.conflict" }, values: { answerText: "Déjà fait." } });
    expect((await proposalRow(proposal.id)).status).toBe("on_copil_agenda");
  });

  test("put forward to a meeting that is not a planned COPIL: 400 on the meeting field", async () => {
    const cookie = await coordinatorCookie();
    const proposal = await qualifiedProposal({ status: "under_review" });
    const held = await copilMeeting({ status: "held", daysAhead: -2 });
    const response = await post(proposal.id, { intent: "put_forward", version: "0", meetingId: held.id }, cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { meetingId: "gtp:validation.unknownMeeting" } });
  });

  test("merge: into a hidden proposal is a 400 on the target field; into a good one redirects to the target", async () => {
    const cookie = await coordinatorCookie();
    const source = await qualifiedProposal();
    const hidden = await qualifiedProposal({ hidden: true });
    const refused = await post(source.id, { intent: "merge", version: "0", target: `http://localhost:3000/propositions/${hidden.id}`, reason: "Les mêmes." }, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: { target: "gtp:validation.targetHidden" }, values: { target: `http://localhost:3000/propositions/${hidden.id}` } });
    const self = await post(source.id, { intent: "merge", version: "0", target: source.id, reason: "Les mêmes." }, cookie);
    expect(await self.json()).toMatchObject({ errors: { target: "gtp:validation.targetSelf" } });
    const target = await qualifiedProposal();
    const merged = await post(source.id, { intent: "merge", version: "0", target: `/propositions/${target.id}`, reason: "Les mêmes." }, cookie);
    expect(merged.headers.get("Location")).toBe(`/gouvernance/propositions/${target.id}`);
    expect(await flashSetBy(merged)).toBe("gtp:flash.merge");
  });

  test("unknown intent, malformed body or id: 400 or 404, never 500", async () => {
    const cookie = await coordinatorCookie();
    const proposal = await qualifiedProposal();
    expect((await post(proposal.id, { intent: "delete", version: "0" }, cookie)).status).toBe(400);
    expect((await post(proposal.id, { intent: "answer", version: "abc", answerKind: "already_done", answerText: "Oui." }, cookie)).status).toBe(400);
    expect((await post("pas-un-id", { intent: "answer", version: "0", answerKind: "already_done", answerText: "Oui." }, cookie)).status).toBe(404);
    expect((await page("pas-un-id", cookie)).status).toBe(404);
    expect((await post("00000000-0000-4000-8000-000000000000", { intent: "answer", version: "0", answerKind: "already_done", answerText: "Oui." }, cookie)).status).toBe(404);
  });
});
