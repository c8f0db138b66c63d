/**
 * Coordinators create and edit the meetings of the governance bodies, and mark them held once they have
 * taken place. Each change is written with its audit entry in one transaction, under a lock on the
 * meeting's row, so two coordinators acting at once never half-overwrite each other.
 */
import { eq } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { governanceBodies, governanceMeetings } from "#db/schema/index.ts";
import type { MeetingInput } from "./meeting.schema.ts";

type Actor = { id: string };
export type MeetingRefusal = { status: "not_found" } | { status: "published" } | { status: "conflict" } | { status: "invalid"; errors: Record<string, string> };

async function bodyExists(tx: Db, key: string) {
  const [row] = await tx.select({ key: governanceBodies.key }).from(governanceBodies).where(eq(governanceBodies.key, key)).limit(1);
  return Boolean(row);
}

const auditValues = (m: { bodyKey: string; title: string; startsAt: Date; place: string }) => ({ bodyKey: m.bodyKey, title: m.title, startsAt: m.startsAt.toISOString(), place: m.place });

export async function createMeeting({ actor, input }: { actor: Actor; input: MeetingInput }): Promise<{ status: "ok"; meetingId: string; bodyKey: string } | MeetingRefusal> {
  return db.transaction(async (tx): Promise<{ status: "ok"; meetingId: string; bodyKey: string } | MeetingRefusal> => {
    if (!(await bodyExists(tx, input.bodyKey))) return { status: "invalid", errors: { bodyKey: "instances:errors.bodyUnknown" } } as const;
    const [meeting] = await tx
      .insert(governanceMeetings)
      .values({ bodyKey: input.bodyKey, title: input.title, startsAt: input.startsAt, place: input.place, createdById: actor.id })
      .returning({ id: governanceMeetings.id });
    const after = auditValues(input);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.create_meeting",
      subjectType: "meeting",
      subjectId: meeting!.id,
      changes: Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: null, after: v }])),
    });
    return { status: "ok", meetingId: meeting!.id, bodyKey: input.bodyKey } as const;
  });
}

async function lockMeeting(tx: Db, meetingId: string) {
  const [row] = await tx.select().from(governanceMeetings).where(eq(governanceMeetings.id, meetingId)).for("update");
  return row ?? null;
}

/** The meeting's version, as the edit form carries it: its last change, in milliseconds. */
export const meetingVersion = (meeting: { updatedAt: Date }) => meeting.updatedAt.getTime();
// Every change moves the version forward, even two changes within the same millisecond.
const nextVersion = (meeting: { updatedAt: Date }) => new Date(Math.max(Date.now(), meetingVersion(meeting) + 1));

/**
 * Edits a meeting that is not published (a published relevé is corrected on the agenda page, with a
 * visible note). A held meeting keeps a start in the past: it has taken place.
 */
export async function updateMeeting({
  actor,
  meetingId,
  version,
  input,
  now = new Date(),
}: {
  actor: Actor;
  meetingId: string;
  version: number;
  input: MeetingInput;
  now?: Date;
}): Promise<{ status: "ok" | "unchanged"; bodyKey: string } | MeetingRefusal> {
  return db.transaction(async (tx): Promise<{ status: "ok" | "unchanged"; bodyKey: string } | MeetingRefusal> => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { status: "not_found" } as const;
    if (meeting.status === "published") return { status: "published" } as const;
    if (meetingVersion(meeting) !== version) return { status: "conflict" } as const;
    if (input.bodyKey !== meeting.bodyKey && !(await bodyExists(tx, input.bodyKey))) return { status: "invalid", errors: { bodyKey: "instances:errors.bodyUnknown" } } as const;
    if (meeting.status === "held" && input.startsAt.getTime() > now.getTime()) return { status: "invalid", errors: { date: "instances:errors.heldInFuture" } } as const;
    const changes = diffFields(auditValues(meeting), auditValues(input));
    if (Object.keys(changes).length === 0) return { status: "unchanged", bodyKey: meeting.bodyKey } as const;
    await tx
      .update(governanceMeetings)
      .set({ bodyKey: input.bodyKey, title: input.title, startsAt: input.startsAt, place: input.place, updatedAt: nextVersion(meeting) })
      .where(eq(governanceMeetings.id, meetingId));
    await recordAudit(tx, { actorId: actor.id, action: "governance.update_meeting", subjectType: "meeting", subjectId: meetingId, changes });
    return { status: "ok", bodyKey: input.bodyKey } as const;
  });
}

/** planned → held, once its start has passed: a meeting that has not taken place cannot have been held. */
export async function markMeetingHeld({
  actor,
  meetingId,
  now = new Date(),
}: {
  actor: Actor;
  meetingId: string;
  now?: Date;
}): Promise<{ status: "ok"; bodyKey: string } | { status: "not_found" } | { status: "not_started" } | { status: "not_planned" }> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { status: "not_found" } as const;
    if (meeting.status !== "planned") return { status: "not_planned" } as const;
    if (meeting.startsAt.getTime() > now.getTime()) return { status: "not_started" } as const;
    await tx.update(governanceMeetings).set({ status: "held", updatedAt: nextVersion(meeting) }).where(eq(governanceMeetings.id, meetingId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.mark_meeting_held",
      subjectType: "meeting",
      subjectId: meetingId,
      changes: { status: { before: "planned", after: "held" } },
    });
    return { status: "ok", bodyKey: meeting.bodyKey } as const;
  });
}
