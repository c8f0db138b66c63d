import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems } from "#db/schema/index.ts";
import { copilMeeting, person, proposalRow, qualifiedProposal, stepEmailsTo, stepTrail } from "#tests/factories/gtp.ts";
import { listPlannedCopilMeetings, putForwardProposal } from "./put-forward-proposal.server.ts";

describe("putting a proposal forward for a COPIL meeting", () => {
  test("adds a line at the end of the meeting's agenda, moves it on the agenda, tells the timeline and the author (« comité de pilotage du … »)", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia");
    const meeting = await copilMeeting({ startsAt: new Date("2099-03-12T17:00:00Z") });
    await db.insert(agendaItems).values({ meetingId: meeting.id, kind: "free", title: "Mot d'accueil", position: 4 });
    const proposal = await qualifiedProposal({ authorId: author.id, status: "under_review", title: "Un jardin partagé rue Voltaire" });
    const result = await putForwardProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, meetingId: meeting.id, details: "Le service espaces verts est favorable." } });
    expect(result.status).toBe("ok");
    const [item] = await db.select().from(agendaItems).where(eq(agendaItems.proposalId, proposal.id));
    expect(item).toMatchObject({ meetingId: meeting.id, kind: "proposal", title: "Un jardin partagé rue Voltaire", details: "Le service espaces verts est favorable.", position: 5, decision: null });
    expect((await proposalRow(proposal.id)).status).toBe("on_copil_agenda");
    const trail = await stepTrail(proposal.id);
    expect(trail.events).toEqual([
      {
        kind: "on_copil_agenda",
        actorId: coordinator.id,
        payload: { meetingId: meeting.id, meetingTitle: meeting.title, meetingStartsAt: "2099-03-12T17:00:00.000Z", agendaItemId: item!.id, details: "Le service espaces verts est favorable." },
      },
    ]);
    expect(trail.audits).toMatchObject([{ action: "governance.put_forward", changes: { status: { before: "under_review", after: "on_copil_agenda" } } }]);
    const [mail] = await stepEmailsTo(author.email);
    expect(mail!.text).toContain("comité de pilotage du 12 mars 2099");
    expect(mail!.text).toContain("Le service espaces verts est favorable.");
  });

  test("a postponed proposal can go to the next COPIL; a qualified one must be instructed first", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const meeting = await copilMeeting();
    const postponed = await qualifiedProposal({ status: "decided", decision: "postponed" });
    expect((await putForwardProposal({ actor: coordinator.viewer, proposalId: postponed.id, input: { version: 0, meetingId: meeting.id, details: "" } })).status).toBe("ok");
    expect(await proposalRow(postponed.id)).toMatchObject({ status: "on_copil_agenda", decision: null });
    const qualified = await qualifiedProposal();
    expect(await putForwardProposal({ actor: coordinator.viewer, proposalId: qualified.id, input: { version: 0, meetingId: meeting.id, details: "" } })).toEqual({ status: "not_allowed" });
  });

  test("only a planned COPIL meeting to come: not a GTP meeting, a held one, a past one or an unknown one", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal({ status: "under_review" });
    const gtp = await copilMeeting({ bodyKey: "gtp" });
    const held = await copilMeeting({ status: "held", daysAhead: -3 });
    const past = await copilMeeting({ daysAhead: -1 });
    for (const meetingId of [gtp.id, held.id, past.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await putForwardProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, meetingId, details: "" } })).toEqual({ status: "unknown_meeting" });
    }
    expect(await listPlannedCopilMeetings()).toEqual([]);
    expect(await db.select().from(agendaItems)).toEqual([]);
    expect(await stepTrail(proposal.id)).toEqual({ events: [], audits: [] });
  });

  test("a proposal is on at most one open agenda", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const first = await copilMeeting({ daysAhead: 20 });
    const second = await copilMeeting({ daysAhead: 40 });
    // A line left open on a meeting (say, written by hand) while the proposal came back under review.
    const proposal = await qualifiedProposal({ status: "under_review" });
    await db.insert(agendaItems).values({ meetingId: first.id, kind: "proposal", proposalId: proposal.id, title: proposal.title });
    expect(await putForwardProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, meetingId: second.id, details: "" } })).toEqual({ status: "already_on_agenda" });
    expect((await proposalRow(proposal.id)).status).toBe("under_review");
  });

  test("lists the planned COPIL meetings to come, soonest first", async () => {
    const later = await copilMeeting({ daysAhead: 60 });
    const sooner = await copilMeeting({ daysAhead: 10 });
    await copilMeeting({ bodyKey: "gtp" });
    expect((await listPlannedCopilMeetings()).map((m) => m.id)).toEqual([sooner.id, later.id]);
  });
});
