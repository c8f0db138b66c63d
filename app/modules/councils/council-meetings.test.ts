import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, councilMeetings } from "#db/schema/index.ts";
import { insertCouncilMeeting } from "#tests/factories/councils.ts";
import { insertUser } from "#tests/factories/users.ts";
import { AddMeetingSchema } from "./council.schema.ts";
import { addCouncilMeeting, setCouncilMeetingSummary } from "./council-meetings.server.ts";
import { getCouncilPage } from "./council-queries.server.ts";

const coordinator = () => insertUser(db, { password: null, roles: [{ role: "coordinator" }] });

describe("addCouncilMeeting", () => {
  test("a meeting typed in Paris time shows among the upcoming ones, audited", async () => {
    const actor = await coordinator();
    const input = AddMeetingSchema.parse({ title: "Réunion de rentrée", date: "2099-09-15", startTime: "18:30", place: "Maison de quartier Vent de Bise" });
    expect(input.startsAt.toISOString()).toBe("2099-09-15T16:30:00.000Z");
    const result = await addCouncilMeeting({ actor, councilCode: "QP062028", input });
    expect(result.status).toBe("ok");
    expect((await getCouncilPage("QP062028"))!.upcomingMeetings).toEqual([
      expect.objectContaining({ title: "Réunion de rentrée", place: "Maison de quartier Vent de Bise", startsAt: new Date("2099-09-15T16:30:00.000Z") }),
    ]);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ action: "council.meeting_add", subjectType: "council", subjectId: "QP062028" })]);
    expect(await addCouncilMeeting({ actor, councilCode: "QP999999", input })).toEqual({ status: "not_found" });
  });
});

describe("setCouncilMeetingSummary", () => {
  test("a past meeting gets its public summary; a meeting to come is refused; another council's is not found", async () => {
    const actor = await coordinator();
    const past = await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() - 3600_000) });
    const future = await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() + 3600_000) });
    const other = await insertCouncilMeeting(db, { councilCode: "QP062028", startsAt: new Date(Date.now() - 3600_000) });

    expect(await setCouncilMeetingSummary({ actor, councilCode: "QP062024", input: { meetingId: past.id, summary: "Vingt habitants présents." } })).toEqual({ status: "ok" });
    expect((await getCouncilPage("QP062024"))!.pastMeetings[0]!.summary).toBe("Vingt habitants présents.");
    expect(await setCouncilMeetingSummary({ actor, councilCode: "QP062024", input: { meetingId: past.id, summary: "Vingt habitants présents." } })).toEqual({ status: "unchanged" });
    expect(await setCouncilMeetingSummary({ actor, councilCode: "QP062024", input: { meetingId: future.id, summary: "Trop tôt." } })).toEqual({ status: "not_held_yet" });
    expect(await setCouncilMeetingSummary({ actor, councilCode: "QP062024", input: { meetingId: other.id, summary: "Pas le nôtre." } })).toEqual({ status: "not_found" });
    expect((await db.select().from(auditLog)).map((a) => [a.action, a.changes])).toEqual([["council.meeting_summary", { summary: { before: "", after: "Vingt habitants présents." } }]]);
    expect((await db.select({ summary: councilMeetings.summary }).from(councilMeetings)).map((m) => m.summary).sort()).toEqual(["", "", "Vingt habitants présents."]);
  });
});
