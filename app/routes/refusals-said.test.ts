/**
 * A refused form says why on the page that comes back, in an alert, even when the page no longer offers
 * that form (someone else moved the proposal on, held the meeting, removed the point, ended the work; the
 * proposal, the session or the contest was already dealt with from another tab) or when the refused field
 * is one nobody types. Whole pages, rendered in-process; each case was found by the fuzz suite (tests/fuzz).
 */
import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { decideCase } from "#app/modules/moderation/decide-case.server.ts";
import { reportContent } from "#app/modules/moderation/report-content.server.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertAgendaItem, insertMeeting } from "#tests/factories/governance.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { createAppServer, type AppServer } from "#tests/fuzz/app-server.ts";
import { sessionCookieFor } from "#tests/helpers/request.ts";

let app: AppServer;
beforeAll(async () => {
  app = await createAppServer();
});

async function post(path: string, form: Record<string, string>, cookie: string) {
  const body = new URLSearchParams(form).toString();
  const headers = { Host: "localhost:3000", Origin: "http://localhost:3000", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) };
  const response = await app.handle(new Request(`http://localhost:3000${path}`, { method: "POST", headers, body }));
  const alert = /<(\w+)[^>]*role="alert"[^>]*>([\s\S]*?)<\/\1>/.exec(await response.text())?.[2];
  return { status: response.status, alert: alert?.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ").trim() };
}

const coordinator = async () => sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);

test("GTP: a step on a proposal that no longer needs one (409), or its form filled wrong (400)", async () => {
  const proposal = await insertProposal(db, { authorId: null });
  const cookie = await coordinator();
  const notAllowed = "Cette action n'est plus possible dans l'état actuel de la proposition. La page montre son état à jour.";
  expect(await post(`/gouvernance/propositions/${proposal.id}`, { intent: "answer", version: "0", answerKind: "already_done", answerText: "Oui." }, cookie)).toEqual({ status: 409, alert: expect.stringContaining(notAllowed) });
  expect(await post(`/gouvernance/propositions/${proposal.id}`, { intent: "answer", version: "x", answerKind: "" }, cookie)).toEqual({ status: 400, alert: expect.stringContaining(notAllowed) });
});

test("COPIL: a decision before the meeting was held, and a point removed meanwhile", async () => {
  const meeting = await insertMeeting(db, { status: "planned" });
  const item = await insertAgendaItem(db, { meetingId: meeting.id, title: "Programmation 2027" });
  const cookie = await coordinator();
  const decided = await post(`/gouvernance/reunions/${meeting.id}`, { intent: "decide", itemId: item.id, decision: "retained", publicReasons: "Oui." }, cookie);
  expect(decided).toEqual({ status: 409, alert: expect.stringContaining("La réunion n'a pas encore eu lieu : on ne peut pas enregistrer de décision. Indiquez d'abord qu'elle s'est tenue.") });
  const gone = await post(`/gouvernance/reunions/${meeting.id}`, { intent: "remove", itemId: "00000000-0000-4000-8000-000000000000" }, cookie);
  expect(gone).toEqual({ status: 404, alert: expect.stringContaining("Ce point n'est pas à l'ordre du jour de cette réunion.") });
});

test("follow-up: news for a proposal whose work has not started (or has ended)", async () => {
  const proposal = await insertProposal(db, { authorId: null });
  const sent = await post(`/gouvernance/propositions/${proposal.id}/realisation`, { intent: "progress", version: "0", text: "Des nouvelles de la réalisation." }, await coordinator());
  expect(sent).toEqual({ status: 409, alert: expect.stringContaining("Cette proposition n'est pas en cours de réalisation : on ne peut plus y ajouter d'étape ni de nouvelles.") });
});

test("a proposal withdrawn twice (from two tabs): the second time, the author is told it cannot be", async () => {
  const author = await insertUser(db, { password: null });
  const proposal = await insertProposal(db, { authorId: author.id });
  const cookie = await sessionCookieFor(author.id);
  expect((await post(`/propositions/${proposal.id}`, { intent: "withdraw", reason: "" }, cookie)).status).toBe(302);
  expect(await post(`/propositions/${proposal.id}`, { intent: "withdraw", reason: "" }, cookie)).toEqual({ status: 409, alert: expect.stringContaining("Cette proposition ne peut plus être retirée.") });
});

test("a Labo session cancelled twice (from two tabs): the second time, the page says it no longer changes", async () => {
  const { insertLaboSession } = await import("#tests/factories/labo-sessions.ts");
  const { session } = await insertLaboSession(db, { communeSlug: "lens" });
  const cookie = await coordinator();
  expect((await post(`/labo/${session.id}/modifier?intent=cancel`, { reason: "La salle n'est plus disponible." }, cookie)).status).toBe(302);
  const again = await post(`/labo/${session.id}/modifier?intent=cancel`, { reason: "" }, cookie);
  expect(again).toEqual({ status: 400, alert: expect.stringContaining("Ce rendez-vous a déjà eu lieu ou est annulé : il ne se modifie plus.") });
});

test("moderation: a case another moderator decided meanwhile", async () => {
  const contribution = await insertContribution(db, { proposalId: (await insertProposal(db, { authorId: null })).id, authorId: (await insertUser(db, { password: null })).id });
  const reporter = await insertUser(db, { password: null });
  const reported = await reportContent({ reporter: { id: reporter.id, emailVerified: true, roles: [] }, input: { subjectType: "contribution", subjectId: contribution.id, reason: "spam", details: "" } });
  if (reported.status !== "ok") throw new Error(reported.status);
  const other = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
  await decideCase({ moderator: { id: other.id, emailVerified: true, roles: [{ role: "moderator", communeSlug: null, quartierCode: null }] }, caseId: reported.caseId, decision: { kind: "dismiss", note: "Rien à redire." } });
  const cookie = await sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "moderator" }] })).id);
  const late = await post(`/moderation/${reported.caseId}`, { intent: "hide", reason: "spam", note: "Publicité." }, cookie);
  expect(late).toEqual({ status: 409, alert: expect.stringContaining("Cette action n'est plus possible dans l'état actuel du dossier.") });
});

test("a contest sent again, from another tab, once the first is under review", async () => {
  const author = await insertUser(db, { password: null });
  const contribution = await insertContribution(db, { proposalId: (await insertProposal(db, { authorId: null })).id, authorId: author.id });
  const reporter = await insertUser(db, { password: null });
  const reported = await reportContent({ reporter: { id: reporter.id, emailVerified: true, roles: [] }, input: { subjectType: "contribution", subjectId: contribution.id, reason: "spam", details: "" } });
  if (reported.status !== "ok") throw new Error(reported.status);
  const moderator = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
  await decideCase({ moderator: { id: moderator.id, emailVerified: true, roles: [{ role: "moderator", communeSlug: null, quartierCode: null }] }, caseId: reported.caseId, decision: { kind: "hide", reason: "spam", note: "Publicité." } });
  const cookie = await sessionCookieFor(author.id);
  const path = `/moderation/contestation/${reported.caseId}`;
  expect((await post(path, { text: "Mon message respectait la charte, je le maintiens." }, cookie)).status).toBe(302);
  const again = await post(path, { text: "Je le redis." }, cookie);
  expect(again).toEqual({ status: 409, alert: expect.stringContaining("Cette décision ne peut plus être contestée.") });
});

test("the Labo console's walk-in form with a box whose value nobody can type (invalid UTF-8): refused, and said", async () => {
  const { insertLaboSession } = await import("#tests/factories/labo-sessions.ts");
  const { session } = await insertLaboSession(db, { communeSlug: "lens" });
  const cookie = await coordinator();
  const body = "intent=walkin&name=Nadia&newcomer=%C3%28on";
  const headers = { Host: "localhost:3000", Origin: "http://localhost:3000", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) };
  const response = await app.handle(new Request(`http://localhost:3000/labo/${session.id}/console`, { method: "POST", headers, body }));
  expect(response.status).toBe(400);
  expect(await response.text()).toContain("Le formulaire envoyé n&#x27;a pas pu être lu. Rechargez la page et réessayez.");
});
