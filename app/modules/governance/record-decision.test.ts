import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems, auditLog, proposals } from "#db/schema/index.ts";
import { insertAgendaItem, insertMeeting, insertProposalOnAgenda } from "#tests/factories/governance.ts";
import { insertUser } from "#tests/factories/users.ts";
import { recordDecision } from "./record-decision.server.ts";

const coordinator = () => insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
const itemRow = async (id: string) => (await db.select().from(agendaItems).where(eq(agendaItems.id, id)))[0]!;

describe("recordDecision", () => {
  test("on a held meeting: kept on the item with who and when, editable until publication, audited; the proposal does not move yet", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db, { status: "held" });
    const { proposal, item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null });
    expect(await recordDecision({ actor, meetingId: meeting.id, itemId: item.id, decision: "retained", publicReasons: "Le jardin sera créé au printemps." })).toEqual({ status: "ok" });
    expect(await itemRow(item.id)).toMatchObject({ decision: "retained", publicReasons: "Le jardin sera créé au printemps.", decidedById: actor.id, decidedAt: expect.any(Date) });
    expect(await recordDecision({ actor, meetingId: meeting.id, itemId: item.id, decision: "partly_retained", publicReasons: "Un jardin plus petit." })).toEqual({ status: "ok" });
    expect(await itemRow(item.id)).toMatchObject({ decision: "partly_retained", publicReasons: "Un jardin plus petit." });
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, "governance.record_decision"));
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.changes?.decision?.after === "partly_retained")).toMatchObject({ actorId: actor.id, subjectType: "agenda_item", subjectId: item.id, changes: { decision: { before: "retained", after: "partly_retained" } } });
    expect((await db.select().from(proposals).where(eq(proposals.id, proposal.id)))[0]).toMatchObject({ status: "on_copil_agenda", decision: null });
  });

  test("a proposal item needs a decision and reasons; a free item may take a note only, or nothing", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db, { status: "held" });
    const { item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null });
    const free = await insertAgendaItem(db, { meetingId: meeting.id, title: "Programmation 2027" });
    expect(await recordDecision({ actor, meetingId: meeting.id, itemId: item.id, decision: null, publicReasons: "" })).toEqual({
      status: "invalid",
      errors: { decision: "copil:validation.decisionRequired", publicReasons: "copil:validation.reasonsRequired" },
    });
    expect(await recordDecision({ actor, meetingId: meeting.id, itemId: free.id, decision: null, publicReasons: "Présentée, pas de vote." })).toEqual({ status: "ok" });
    expect(await itemRow(free.id)).toMatchObject({ decision: null, publicReasons: "Présentée, pas de vote.", decidedAt: expect.any(Date) });
    expect(await recordDecision({ actor, meetingId: meeting.id, itemId: free.id, decision: null, publicReasons: "" })).toEqual({ status: "ok" });
    expect(await itemRow(free.id)).toMatchObject({ decision: null, publicReasons: null, decidedAt: null, decidedById: null });
  });

  test("refused before the meeting is held, after publication, and for an item of another meeting", async () => {
    const actor = await coordinator();
    const planned = await insertMeeting(db);
    const published = await insertMeeting(db, { status: "published" });
    const held = await insertMeeting(db, { status: "held" });
    const a = await insertProposalOnAgenda(db, { meetingId: planned.id, authorId: null });
    const b = await insertProposalOnAgenda(db, { meetingId: published.id, authorId: null, decision: "retained", publicReasons: "Oui." });
    const input = { decision: "retained" as const, publicReasons: "Oui." };
    expect(await recordDecision({ actor, meetingId: planned.id, itemId: a.item.id, ...input })).toEqual({ status: "not_held" });
    expect(await recordDecision({ actor, meetingId: published.id, itemId: b.item.id, ...input, decision: "not_retained" })).toEqual({ status: "published" });
    expect(await recordDecision({ actor, meetingId: held.id, itemId: a.item.id, ...input })).toEqual({ status: "item_not_found" });
    expect(await itemRow(a.item.id)).toMatchObject({ decision: null });
    expect(await itemRow(b.item.id)).toMatchObject({ decision: "retained" });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.record_decision"))).toEqual([]);
  });
});
