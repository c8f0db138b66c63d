import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, governanceMeetings } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { MeetingSchema } from "./meeting.schema.ts";
import { createMeeting, markMeetingHeld, meetingVersion, updateMeeting } from "./meeting-writes.server.ts";

const HOUR = 3600_000;

async function coordinator() {
  return insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
}

const input = (over: Partial<{ bodyKey: string; title: string; startsAt: Date; place: string }> = {}) => ({
  bodyKey: "copil",
  title: "Comité de pilotage de printemps",
  startsAt: new Date(Date.now() + 10 * 24 * HOUR),
  place: "Hôtel communautaire, Liévin",
  ...over,
});

async function meeting(over: Partial<typeof governanceMeetings.$inferInsert> = {}) {
  const [row] = await db
    .insert(governanceMeetings)
    .values({ bodyKey: "gtp", title: "GTP d'hiver", startsAt: new Date(Date.now() - 2 * HOUR), place: "Lens", ...over })
    .returning();
  return row!;
}

const audits = () => db.select({ action: auditLog.action, subjectId: auditLog.subjectId, actorId: auditLog.actorId, changes: auditLog.changes }).from(auditLog);

describe("the meeting form", () => {
  test("reads the date and time in Paris time, in winter and in summer", () => {
    const winter = MeetingSchema.parse({ bodyKey: "copil", title: "COPIL", date: "2027-01-14", startTime: "14:30", place: "" });
    expect(winter.startsAt.toISOString()).toBe("2027-01-14T13:30:00.000Z");
    const summer = MeetingSchema.parse({ bodyKey: "copil", title: "COPIL", date: "2027-07-14", startTime: "14:30" });
    expect(summer).toEqual({ bodyKey: "copil", title: "COPIL", startsAt: new Date("2027-07-14T12:30:00.000Z"), place: "" });
  });

  test.each([
    [{ bodyKey: "" }, "bodyKey", "instances:errors.bodyRequired"],
    [{ bodyKey: "COPIL <b>" }, "bodyKey", "instances:errors.bodyUnknown"],
    [{ title: "  " }, "title", "validation.required"],
    [{ title: "ab" }, "title", "instances:errors.titleTooShort"],
    [{ title: "x".repeat(151) }, "title", "validation.tooLong"],
    [{ date: "2027-02-30" }, "date", "instances:errors.dateInvalid"],
    [{ date: "14/01/2027" }, "date", "instances:errors.dateInvalid"],
    [{ date: "0202-01-14" }, "date", "instances:errors.dateOutOfRange"],
    [{ startTime: "25:00" }, "startTime", "instances:errors.timeInvalid"],
    [{ startTime: "" }, "startTime", "instances:errors.timeRequired"],
    [{ place: "x".repeat(201) }, "place", "validation.tooLong"],
  ])("refuses %j with the message on its field", (change, field, message) => {
    const result = MeetingSchema.safeParse({ bodyKey: "copil", title: "COPIL", date: "2027-01-14", startTime: "14:30", ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});

describe("createMeeting", () => {
  test("creates a planned meeting and its audit entry", async () => {
    const actor = await coordinator();
    const result = await createMeeting({ actor, input: input() });
    expect(result).toMatchObject({ status: "ok", bodyKey: "copil" });
    const [row] = await db.select().from(governanceMeetings);
    expect(row).toMatchObject({ bodyKey: "copil", title: "Comité de pilotage de printemps", status: "planned", createdById: actor.id });
    expect(await audits()).toEqual([
      expect.objectContaining({ action: "governance.create_meeting", subjectId: row!.id, actorId: actor.id, changes: expect.objectContaining({ title: { before: null, after: "Comité de pilotage de printemps" } }) }),
    ]);
  });

  test("a body that is not in the referential: invalid, nothing written", async () => {
    const result = await createMeeting({ actor: await coordinator(), input: input({ bodyKey: "atlantide" }) });
    expect(result).toEqual({ status: "invalid", errors: { bodyKey: "instances:errors.bodyUnknown" } });
    expect(await db.$count(governanceMeetings)).toBe(0);
    expect(await audits()).toEqual([]);
  });
});

describe("updateMeeting", () => {
  test("saves the changed fields with an audit entry listing them; the same values again change nothing", async () => {
    const actor = await coordinator();
    const row = await meeting({ startsAt: new Date(Date.now() + 48 * HOUR) });
    const changed = { bodyKey: "gtp", title: "GTP d'hiver (salle changée)", startsAt: row.startsAt, place: "Liévin" };
    expect(await updateMeeting({ actor, meetingId: row.id, version: meetingVersion(row), input: changed })).toEqual({ status: "ok", bodyKey: "gtp" });
    const [after] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, row.id));
    expect(after).toMatchObject({ title: changed.title, place: "Liévin" });
    expect(await audits()).toEqual([
      {
        action: "governance.update_meeting",
        subjectId: row.id,
        actorId: actor.id,
        changes: { title: { before: "GTP d'hiver", after: changed.title }, place: { before: "Lens", after: "Liévin" } },
      },
    ]);
    expect(await updateMeeting({ actor, meetingId: row.id, version: meetingVersion(after!), input: changed })).toEqual({ status: "unchanged", bodyKey: "gtp" });
    expect(await audits()).toHaveLength(1);
  });

  test("two coordinators editing from the same version: the first wins, the second is told (conflict), nothing of theirs written", async () => {
    const [a, b] = [await coordinator(), await coordinator()];
    const row = await meeting({ startsAt: new Date(Date.now() + 48 * HOUR) });
    const version = meetingVersion(row);
    const results = await Promise.all([
      updateMeeting({ actor: a, meetingId: row.id, version, input: { bodyKey: "gtp", title: "Titre de A", startsAt: row.startsAt, place: "Lens" } }),
      updateMeeting({ actor: b, meetingId: row.id, version, input: { bodyKey: "gtp", title: "Titre de B", startsAt: row.startsAt, place: "Lens" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    const [after] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, row.id));
    expect(after!.title).toBe(results[0]!.status === "ok" ? "Titre de A" : "Titre de B");
    expect(await audits()).toHaveLength(1);
  });

  test("a published meeting is not edited here; a held one cannot move into the future; an unknown body is refused", async () => {
    const actor = await coordinator();
    const published = await meeting({ status: "published", publishedAt: new Date() });
    expect(await updateMeeting({ actor, meetingId: published.id, version: meetingVersion(published), input: input({ bodyKey: "gtp" }) })).toEqual({ status: "published" });
    const held = await meeting({ status: "held" });
    expect(await updateMeeting({ actor, meetingId: held.id, version: meetingVersion(held), input: input({ bodyKey: "gtp", startsAt: new Date(Date.now() + HOUR) }) })).toEqual({
      status: "invalid",
      errors: { date: "instances:errors.heldInFuture" },
    });
    const planned = await meeting();
    expect(await updateMeeting({ actor, meetingId: planned.id, version: meetingVersion(planned), input: input({ bodyKey: "atlantide" }) })).toEqual({
      status: "invalid",
      errors: { bodyKey: "instances:errors.bodyUnknown" },
    });
    expect(await updateMeeting({ actor, meetingId: "00000000-0000-4000-8000-000000000000", version: 1, input: input() })).toEqual({ status: "not_found" });
    expect(await audits()).toEqual([]);
  });
});

describe("markMeetingHeld", () => {
  test("a meeting that has not started cannot be marked held; once started it can, once", async () => {
    const actor = await coordinator();
    const now = new Date();
    const upcoming = await meeting({ startsAt: new Date(now.getTime() + HOUR) });
    expect(await markMeetingHeld({ actor, meetingId: upcoming.id, now })).toEqual({ status: "not_started" });
    // At its start time exactly, it has started.
    expect(await markMeetingHeld({ actor, meetingId: upcoming.id, now: upcoming.startsAt })).toEqual({ status: "ok", bodyKey: "gtp" });
    const [row] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, upcoming.id));
    expect(row!.status).toBe("held");
    expect(await markMeetingHeld({ actor, meetingId: upcoming.id })).toEqual({ status: "not_planned" });
    expect(await audits()).toEqual([{ action: "governance.mark_meeting_held", subjectId: upcoming.id, actorId: actor.id, changes: { status: { before: "planned", after: "held" } } }]);
  });

  test("two coordinators at once: one marks it held, the other is told it already is", async () => {
    const [a, b] = [await coordinator(), await coordinator()];
    const row = await meeting();
    const results = await Promise.all([markMeetingHeld({ actor: a, meetingId: row.id }), markMeetingHeld({ actor: b, meetingId: row.id })]);
    expect(results.map((r) => r.status).sort()).toEqual(["not_planned", "ok"]);
    expect(await audits()).toHaveLength(1);
  });
});
