import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, emailOutbox, governanceMeetings, proposalEvents, proposals } from "#db/schema/index.ts";
import { insertAgendaItem, insertMeeting, insertProposalOnAgenda } from "#tests/factories/governance.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { publishDecisions } from "./publish-decisions.server.ts";

const coordinator = () => insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
const MARCH_12 = new Date("2027-03-12T17:00:00Z");
const SUMMARY = "Le comité s'est réuni à Lens avec les élus des communes et les partenaires.";

async function proposalRows(ids: string[]) {
  return db.select().from(proposals).where(inArray(proposals.id, ids));
}
async function decidedEvents(ids: string[]) {
  return db
    .select()
    .from(proposalEvents)
    .where(and(inArray(proposalEvents.proposalId, ids), eq(proposalEvents.kind, "decided")));
}

describe("publishDecisions", () => {
  test("publishes the relevé and moves every proposal on it, one event each; answered unless postponed; authors emailed in their language", async () => {
    const actor = await coordinator();
    const [fr, en, other] = [await insertUser(db, { password: null }), await insertUser(db, { password: null, locale: "en" }), await insertUser(db, { password: null })];
    const meeting = await insertMeeting(db, { status: "held", startsAt: MARCH_12, title: "COPIL de printemps" });
    const retained = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: fr.id, decision: "retained", publicReasons: "Le jardin sera créé au printemps." });
    const refused = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: en.id, decision: "not_retained", publicReasons: "Le terrain appartient à un bailleur qui le vend." });
    const postponed = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: other.id, decision: "postponed", publicReasons: "Il faut d'abord chiffrer les travaux." });
    await insertAgendaItem(db, { meetingId: meeting.id, title: "Programmation 2027" }); // a free item, undecided: fine
    const earlier = new Date("2026-12-01T10:00:00Z");
    await db.update(proposals).set({ answeredAt: earlier }).where(eq(proposals.id, retained.proposal.id));
    const ids = [retained.proposal.id, refused.proposal.id, postponed.proposal.id];

    expect(await publishDecisions({ actor, meetingId: meeting.id, summary: SUMMARY })).toEqual({ status: "ok", decided: 3 });

    const [after] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, meeting.id));
    expect(after).toMatchObject({ status: "published", summary: SUMMARY, publishedAt: expect.any(Date) });
    const rows = Object.fromEntries((await proposalRows(ids)).map((p) => [p.id, p]));
    expect(rows[retained.proposal.id]).toMatchObject({ status: "decided", decision: "retained", answeredAt: earlier, answerKind: "copil_decision", governanceVersion: 1 });
    expect(rows[refused.proposal.id]).toMatchObject({ status: "decided", decision: "not_retained", answeredAt: expect.any(Date), answerKind: "copil_decision" });
    expect(rows[postponed.proposal.id]).toMatchObject({ status: "decided", decision: "postponed", answeredAt: null, answerKind: null });

    const events = await decidedEvents(ids);
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.proposalId === refused.proposal.id)).toMatchObject({
      actorId: actor.id,
      payload: { decision: "not_retained", reasons: "Le terrain appartient à un bailleur qui le vend.", meetingId: meeting.id, meetingTitle: "COPIL de printemps", meetingDate: MARCH_12.toISOString(), bodyKey: "copil" },
    });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.copil_decision"))).toHaveLength(3);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.publish_decisions"))).toEqual([
      expect.objectContaining({ actorId: actor.id, subjectType: "governance_meeting", subjectId: meeting.id, reason: SUMMARY }),
    ]);

    const [toFr] = await emailsTo(fr.email);
    expect(toFr).toMatchObject({ template: "proposal-step" });
    expect(toFr!.text).toContain("comité de pilotage du 12 mars 2027");
    expect(toFr!.text).toContain("Le jardin sera créé au printemps.");
    expect(toFr!.text).toContain("retenue");
    const [toEn] = await emailsTo(en.email);
    expect(toEn!.text).toContain("steering committee meeting of March 12, 2027");
    expect(toEn!.text).toContain("Le terrain appartient à un bailleur qui le vend.");
    expect(await emailsTo(other.email)).toHaveLength(1);
  });

  test("refused before the meeting is held, with an undecided proposal item (named), and the second time", async () => {
    const actor = await coordinator();
    const planned = await insertMeeting(db);
    expect(await publishDecisions({ actor, meetingId: planned.id, summary: SUMMARY })).toEqual({ status: "not_held" });
    const held = await insertMeeting(db, { status: "held" });
    const decided = await insertProposalOnAgenda(db, { meetingId: held.id, authorId: null, decision: "retained", publicReasons: "Oui." });
    const undecided = await insertProposalOnAgenda(db, { meetingId: held.id, authorId: null, title: "Des bancs au parc" });
    expect(await publishDecisions({ actor, meetingId: held.id, summary: SUMMARY })).toEqual({ status: "undecided", titles: ["Des bancs au parc"] });
    expect((await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, held.id)))[0]!.status).toBe("held");
    const { recordDecision } = await import("./record-decision.server.ts");
    await recordDecision({ actor, meetingId: held.id, itemId: undecided.item.id, decision: "postponed", publicReasons: "Au prochain comité." });
    expect(await publishDecisions({ actor, meetingId: held.id, summary: SUMMARY })).toMatchObject({ status: "ok" });
    expect(await publishDecisions({ actor, meetingId: held.id, summary: "Encore" })).toEqual({ status: "already_published" });
    expect(await decidedEvents([decided.proposal.id, undecided.proposal.id])).toHaveLength(2);
  });

  test("all or nothing: a proposal hidden meanwhile (the last one locked) leaves every row as it was, and no email goes", async () => {
    const actor = await coordinator();
    const author = await insertUser(db, { password: null });
    const meeting = await insertMeeting(db, { status: "held" });
    const a = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: author.id, title: "Première", decision: "retained", publicReasons: "Oui." });
    const b = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: author.id, title: "Seconde", decision: "not_retained", publicReasons: "Non." });
    // Proposals are locked in id order: hide the one locked second, so the first is already written when it fails.
    const [first, second] = [a, b].sort((x, y) => (x.proposal.id < y.proposal.id ? -1 : 1));
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, second!.proposal.id));
    const before = await proposalRows([a.proposal.id, b.proposal.id]);
    const outboxBefore = (await db.select().from(emailOutbox)).length;

    expect(await publishDecisions({ actor, meetingId: meeting.id, summary: SUMMARY })).toEqual({ status: "conflict", titles: [second!.proposal.title] });

    expect(await proposalRows([a.proposal.id, b.proposal.id])).toEqual(expect.arrayContaining(before.map((p) => expect.objectContaining({ id: p.id, status: p.status, decision: p.decision, answeredAt: p.answeredAt, governanceVersion: p.governanceVersion }))));
    expect((await proposalRows([first!.proposal.id]))[0]).toMatchObject({ status: "on_copil_agenda", decision: null, governanceVersion: 0 });
    expect(await decidedEvents([a.proposal.id, b.proposal.id])).toEqual([]);
    expect((await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, meeting.id)))[0]).toMatchObject({ status: "held", publishedAt: null, summary: "" });
    expect(await db.select().from(auditLog).where(inArray(auditLog.action, ["governance.copil_decision", "governance.publish_decisions"]))).toEqual([]);
    expect((await db.select().from(emailOutbox)).length).toBe(outboxBefore);
  });

  test("two coordinators publishing at once: one publishes, the other is told it is already done; one event per proposal", async () => {
    const [one, two] = [await coordinator(), await coordinator()];
    const meeting = await insertMeeting(db, { status: "held" });
    const { proposal } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null, decision: "retained", publicReasons: "Oui." });
    const results = await Promise.all([publishDecisions({ actor: one, meetingId: meeting.id, summary: SUMMARY }), publishDecisions({ actor: two, meetingId: meeting.id, summary: SUMMARY })]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_published", "ok"]);
    expect(await decidedEvents([proposal.id])).toHaveLength(1);
  });
});
