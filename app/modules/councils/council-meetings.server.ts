/** A council's public meetings: announced by a coordinator, then given a short public summary. */
import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { councilMeetings } from "#db/schema/index.ts";
import type { AddMeetingInput, MeetingSummaryInput } from "./council.schema.ts";
import { lockCouncil } from "./council-membership.server.ts";

type Actor = { id: string };

export async function addCouncilMeeting({ actor, councilCode, input }: { actor: Actor; councilCode: string; input: AddMeetingInput }): Promise<{ status: "ok"; meetingId: string } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockCouncil(tx, councilCode))) return { status: "not_found" } as const;
    const [meeting] = await tx
      .insert(councilMeetings)
      .values({ councilCode, title: input.title, startsAt: input.startsAt, place: input.place, createdById: actor.id })
      .returning({ id: councilMeetings.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "council.meeting_add",
      subjectType: "council",
      subjectId: councilCode,
      changes: { meeting: { before: null, after: { id: meeting!.id, title: input.title, startsAt: input.startsAt.toISOString(), place: input.place } } },
    });
    return { status: "ok", meetingId: meeting!.id } as const;
  });
}

/**
 * The public summary of a meeting that has taken place (an empty one takes it away). A meeting still to
 * come has nothing to sum up yet: it is refused rather than shown as if it had happened.
 */
export async function setCouncilMeetingSummary({
  actor,
  councilCode,
  input,
  now = new Date(),
}: {
  actor: Actor;
  councilCode: string;
  input: MeetingSummaryInput;
  now?: Date;
}): Promise<{ status: "ok" | "unchanged" | "not_held_yet" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: councilMeetings.id, title: councilMeetings.title, startsAt: councilMeetings.startsAt, summary: councilMeetings.summary })
      .from(councilMeetings)
      .where(and(eq(councilMeetings.id, input.meetingId), eq(councilMeetings.councilCode, councilCode)))
      .for("update");
    if (!meeting) return { status: "not_found" } as const;
    if (meeting.startsAt.getTime() > now.getTime()) return { status: "not_held_yet" } as const;
    if (meeting.summary === input.summary) return { status: "unchanged" } as const;
    await tx.update(councilMeetings).set({ summary: input.summary }).where(eq(councilMeetings.id, meeting.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "council.meeting_summary",
      subjectType: "council",
      subjectId: councilCode,
      changes: { summary: { before: meeting.summary, after: input.summary } },
      reason: meeting.title,
    });
    return { status: "ok" } as const;
  });
}
