import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, decisionCorrections, proposalEvents } from "#db/schema/index.ts";
import { insertAgendaItem, insertMeeting, insertProposalOnAgenda } from "#tests/factories/governance.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { correctDecision } from "./correct-decision.server.ts";

describe("correctDecision", () => {
  test("after publication: a dated correction, a timeline event, an audit entry and an email to the author", async () => {
    const actor = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const author = await insertUser(db, { password: null, locale: "en" });
    const meeting = await insertMeeting(db, { status: "published" });
    const { proposal, item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: author.id, decision: "retained", publicReasons: "Le jardin sera créé." });
    const result = await correctDecision({ actor, meetingId: meeting.id, itemId: item.id, text: "Le jardin sera créé à l'automne, pas au printemps." });
    expect(result).toMatchObject({ status: "ok" });
    const corrections = await db.select().from(decisionCorrections).where(eq(decisionCorrections.agendaItemId, item.id));
    expect(corrections).toEqual([expect.objectContaining({ text: "Le jardin sera créé à l'automne, pas au printemps.", actorId: actor.id, createdAt: expect.any(Date) })]);
    const events = await db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, proposal.id), eq(proposalEvents.kind, "decision_corrected")));
    expect(events).toEqual([expect.objectContaining({ actorId: actor.id, payload: expect.objectContaining({ text: "Le jardin sera créé à l'automne, pas au printemps.", meetingId: meeting.id }) })]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.correct_decision"))).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectType: "agenda_item", subjectId: item.id, actorId: actor.id }), expect.objectContaining({ subjectType: "proposal", subjectId: proposal.id })]),
    );
    const [mail] = await emailsTo(author.email);
    expect(mail).toMatchObject({ template: "proposal-step" });
    expect(mail!.subject).toContain("Correction");
    expect(mail!.text).toContain("Le jardin sera créé à l'automne, pas au printemps.");
  });

  test("a free item takes a correction too (no email); before publication, or for another meeting's item, it is refused", async () => {
    const actor = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const published = await insertMeeting(db, { status: "published" });
    const held = await insertMeeting(db, { status: "held" });
    const free = await insertAgendaItem(db, { meetingId: published.id, title: "Programmation", publicReasons: "Validée." });
    const heldItem = await insertAgendaItem(db, { meetingId: held.id, title: "Autre" });
    expect(await correctDecision({ actor, meetingId: published.id, itemId: free.id, text: "Validée avec une réserve." })).toMatchObject({ status: "ok" });
    expect(await correctDecision({ actor, meetingId: held.id, itemId: heldItem.id, text: "Trop tôt." })).toEqual({ status: "not_published" });
    expect(await correctDecision({ actor, meetingId: published.id, itemId: heldItem.id, text: "Ailleurs." })).toEqual({ status: "item_not_found" });
    expect(await db.select().from(decisionCorrections)).toHaveLength(1);
  });
});
