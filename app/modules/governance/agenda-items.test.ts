import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems, auditLog, laboSessions, proposalEvents, proposals } from "#db/schema/index.ts";
import { insertAgendaItem, insertMeeting, insertProposalOnAgenda } from "#tests/factories/governance.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { addFollowupItem, addFreeItem, editItem, moveItem, removeItem } from "./agenda-items.server.ts";

async function coordinator() {
  return insertUser(db, { password: null, displayName: "Coordinatrice", roles: [{ role: "coordinator" }] });
}

const titles = async (meetingId: string) =>
  (await db.select({ title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))).map((r) => r.title);

async function sessionWithMinutes(followUps: string | null = "Revoir les horaires du bus 10 avec Tadao.") {
  const { session } = await insertLaboSession(db, { status: "held", startsAt: new Date(Date.now() - 20 * 24 * 3600_000), title: "Rendez-vous du Labo : le bus à Avion" });
  await db.update(laboSessions).set({ status: "minutes_published", minutesPublishedAt: new Date(), minutesFollowUps: followUps }).where(eq(laboSessions.id, session.id));
  return session;
}

describe("building the agenda", () => {
  test("a free item and a Labo follow-up go to the end, the follow-up taking the session's title and follow-ups unless reworded", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db);
    const author = await insertUser(db, { password: null });
    await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: author.id, title: "Un jardin partagé" });
    const session = await sessionWithMinutes();

    expect(await addFreeItem({ actor, meetingId: meeting.id, input: { title: "Point sur la programmation 2027", details: "Présenté par la CALL." } })).toMatchObject({ status: "ok" });
    expect(await addFollowupItem({ actor, meetingId: meeting.id, input: { laboSessionId: session.id, followupTitle: "", followupDetails: "" } })).toMatchObject({ status: "ok" });
    expect(await addFollowupItem({ actor, meetingId: meeting.id, input: { laboSessionId: session.id, followupTitle: "Les horaires du soir", followupDetails: "Un bus après 20 h." } })).toMatchObject({ status: "ok" });

    const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
    expect(items.map((i) => [i.position, i.kind, i.title])).toEqual([
      [0, "proposal", "Un jardin partagé"],
      [1, "free", "Point sur la programmation 2027"],
      [2, "labo_followup", "Rendez-vous du Labo : le bus à Avion"],
      [3, "labo_followup", "Les horaires du soir"],
    ]);
    expect(items[2]).toMatchObject({ laboSessionId: session.id, details: "Revoir les horaires du bus 10 avec Tadao." });
    expect(items[3]!.details).toBe("Un bus après 20 h.");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.agenda_add"))).toHaveLength(3);
  });

  test("a follow-up needs a session whose minutes are published", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db);
    const { session } = await insertLaboSession(db);
    expect(await addFollowupItem({ actor, meetingId: meeting.id, input: { laboSessionId: session.id, followupTitle: "", followupDetails: "" } })).toEqual({ status: "session_not_found" });
    expect(await titles(meeting.id)).toEqual([]);
  });

  test("items move up and down one step at a time, even when inserted with equal positions; the ends stay put", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db);
    const a = await insertAgendaItem(db, { meetingId: meeting.id, title: "A", position: 0 });
    await insertAgendaItem(db, { meetingId: meeting.id, title: "B", position: 0 });
    const c = await insertAgendaItem(db, { meetingId: meeting.id, title: "C", position: 0 });
    // Added one after the other, as the secretariat would: distinct times, even where the clock is coarse
    // (three inserts within one tick would leave only the random ids to order them).
    for (const [i, title] of ["A", "B", "C"].entries()) {
      await db.update(agendaItems).set({ createdAt: new Date(Date.UTC(2026, 11, 1, 10, 0, i)) }).where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.title, title)));
    }
    expect(await titles(meeting.id)).toEqual(["A", "B", "C"]);
    await moveItem({ actor, meetingId: meeting.id, itemId: c.id, direction: "up" });
    expect(await titles(meeting.id)).toEqual(["A", "C", "B"]);
    await moveItem({ actor, meetingId: meeting.id, itemId: a.id, direction: "down" });
    expect(await titles(meeting.id)).toEqual(["C", "A", "B"]);
    expect(await moveItem({ actor, meetingId: meeting.id, itemId: c.id, direction: "up" })).toMatchObject({ status: "ok" });
    expect(await titles(meeting.id)).toEqual(["C", "A", "B"]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "governance.agenda_move")).limit(1);
    expect(entry).toMatchObject({ actorId: actor.id, subjectType: "governance_meeting", subjectId: meeting.id });
  });

  test("an item can be reworded; a proposal item keeps the proposal's title", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db);
    const free = await insertAgendaItem(db, { meetingId: meeting.id, title: "Brouillon" });
    const { item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null, title: "Un jardin partagé" });
    await editItem({ actor, meetingId: meeting.id, input: { itemId: free.id, title: "Le budget 2027", details: "Chiffres à jour." } });
    await editItem({ actor, meetingId: meeting.id, input: { itemId: item.id, title: "Autre titre", details: "Note du GTP revue." } });
    const rows = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
    expect(rows.map((r) => [r.title, r.details])).toEqual([
      ["Le budget 2027", "Chiffres à jour."],
      ["Un jardin partagé", "Note du GTP revue."],
    ]);
  });

  test("once the meeting is held the agenda is closed; an item of another meeting is not found", async () => {
    const actor = await coordinator();
    const held = await insertMeeting(db, { status: "held" });
    const other = await insertMeeting(db);
    const item = await insertAgendaItem(db, { meetingId: held.id, title: "A" });
    const elsewhere = await insertAgendaItem(db, { meetingId: other.id, title: "B" });
    expect(await addFreeItem({ actor, meetingId: held.id, input: { title: "Trop tard", details: "" } })).toEqual({ status: "not_planned" });
    expect(await moveItem({ actor, meetingId: held.id, itemId: item.id, direction: "down" })).toEqual({ status: "not_planned" });
    expect(await removeItem({ actor, meetingId: held.id, itemId: item.id, version: null })).toEqual({ status: "not_planned" });
    expect(await moveItem({ actor, meetingId: other.id, itemId: item.id, direction: "down" })).toEqual({ status: "item_not_found" });
    expect(await removeItem({ actor, meetingId: held.id, itemId: elsewhere.id, version: null })).toEqual({ status: "item_not_found" });
    expect(await addFreeItem({ actor, meetingId: "00000000-0000-4000-8000-000000000000", input: { title: "X", details: "" } })).toEqual({ status: "not_found" });
    expect(await titles(held.id)).toEqual(["A"]);
  });
});

describe("taking a proposal off the agenda", () => {
  test("it goes back to the GTP: under_review, one timeline event saying where it came from, an audit entry", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db, { title: "COPIL de mars" });
    const { proposal, item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null });
    expect(await removeItem({ actor, meetingId: meeting.id, itemId: item.id, version: proposal.governanceVersion })).toEqual({ status: "ok" });
    expect(await titles(meeting.id)).toEqual([]);
    const [after] = await db.select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(after).toMatchObject({ status: "under_review", governanceVersion: proposal.governanceVersion + 1 });
    const events = await db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, proposal.id), eq(proposalEvents.kind, "under_review")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: actor.id, payload: expect.objectContaining({ returnedFromAgenda: meeting.id, meetingTitle: "COPIL de mars" }) });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "governance.remove_from_agenda"));
    expect(entry).toMatchObject({ subjectType: "proposal", subjectId: proposal.id, changes: { status: { before: "on_copil_agenda", after: "under_review" } } });
  });

  test("a page built before another coordinator moved the proposal gets a conflict, and nothing changes", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db);
    const { proposal, item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null });
    await db.update(proposals).set({ governanceVersion: proposal.governanceVersion + 1 }).where(eq(proposals.id, proposal.id));
    expect(await removeItem({ actor, meetingId: meeting.id, itemId: item.id, version: proposal.governanceVersion })).toEqual({ status: "conflict" });
    expect(await titles(meeting.id)).toHaveLength(1);
    expect((await db.select().from(proposals).where(eq(proposals.id, proposal.id)))[0]!.status).toBe("on_copil_agenda");
  });

  test("a proposal hidden meanwhile may leave a held meeting's agenda (its line only); one still on it may not", async () => {
    const actor = await coordinator();
    const meeting = await insertMeeting(db, { status: "held" });
    const hidden = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null, title: "Masquée" });
    const kept = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null, title: "Gardée" });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.proposal.id));
    expect(await removeItem({ actor, meetingId: meeting.id, itemId: kept.item.id, version: null })).toEqual({ status: "not_planned" });
    expect(await removeItem({ actor, meetingId: meeting.id, itemId: hidden.item.id, version: null })).toEqual({ status: "ok" });
    expect(await titles(meeting.id)).toEqual(["Gardée"]);
    expect((await db.select().from(proposals).where(eq(proposals.id, hidden.proposal.id)))[0]!.status).toBe("on_copil_agenda");
  });
});
