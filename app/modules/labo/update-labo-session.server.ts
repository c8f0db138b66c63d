import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { canRunLaboSession } from "#app/modules/auth/permissions.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { laboSessionAnimators, laboSessions, type LaboSessionStatus } from "#db/schema/index.ts";
import type { LaboSessionInput } from "./labo-session.schema.ts";
import { checkSessionReferences, saveSessionLinks, sessionColumns, type SessionActor } from "./labo-session-writes.server.ts";
import { fillFreeSeats } from "#app/modules/labo-registrations/fill-free-seats.server.ts";
import { notifyRegistrantsOfChange } from "#app/modules/labo-registrations/registration-emails.server.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";

/** Which message the registrants are owed: a change of date, time or place, or a cancellation. */
export type RegistrantNotice = "changed" | "cancelled" | null;

export type UpdateLaboSessionResult =
  | { status: "ok"; announced: boolean; notify: RegistrantNotice }
  | { status: "not_found" }
  | { status: "forbidden" }
  | { status: "not_editable" }
  | { status: "invalid"; errors: Record<string, string> };

/** Sessions still ahead can be edited; held, published or cancelled ones are history. */
export const EDITABLE_STATUSES: readonly LaboSessionStatus[] = ["draft", "announced", "full"];
/** Sessions people may have registered for. */
const OPEN_STATUSES: readonly LaboSessionStatus[] = ["announced", "full"];

/** The session row and its animators, locked until the transaction ends. */
export async function lockSession(tx: typeof db, sessionId: string) {
  const [session] = await tx.select().from(laboSessions).where(eq(laboSessions.id, sessionId)).for("update");
  if (!session) return null;
  const animators = await tx.select({ userId: laboSessionAnimators.userId }).from(laboSessionAnimators).where(eq(laboSessionAnimators.sessionId, sessionId));
  return { ...session, animatorIds: animators.map((a) => a.userId) };
}

/**
 * A runner edits a session; a draft may be announced. A full session stays full (the registrations
 * keep that status). When an open session's date, time or place changes, the result says the
 * registrants are told after the commit (`notify: "changed"` in the result), and seats added by a higher
 * capacity go to the waiting list at once.
 */
export async function updateLaboSession({
  actor,
  sessionId,
  input,
  announce,
}: {
  actor: SessionActor;
  sessionId: string;
  input: LaboSessionInput;
  announce: boolean;
}): Promise<UpdateLaboSessionResult> {
  const result: UpdateLaboSessionResult = await db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return { status: "not_found" } as const;
    if (!canRunLaboSession(actor, session)) return { status: "forbidden" } as const;
    if (!EDITABLE_STATUSES.includes(session.status)) return { status: "not_editable" } as const;
    const errors = await checkSessionReferences(tx, actor, input, session.communeSlug);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;

    const columns = sessionColumns(input);
    const announcing = session.status === "draft" && announce;
    const status: LaboSessionStatus = announcing ? "announced" : session.status;
    await tx
      .update(laboSessions)
      .set({ ...columns, status, announcedAt: announcing ? sql`now()` : session.announcedAt, updatedAt: sql`now()` })
      .where(eq(laboSessions.id, sessionId));
    await saveSessionLinks(tx, sessionId, input);

    const changes = diffFields(session as Record<string, unknown>, { ...columns, status });
    await recordAudit(tx, { actorId: actor.id, action: announcing ? "labo_session.announce" : "labo_session.update", subjectType: "labo_session", subjectId: sessionId, changes });
    const moved = ["startsAt", "endsAt", "communeSlug", "placeName", "placeAddress"].filter((field) => field in changes);
    const notify = OPEN_STATUSES.includes(session.status) && moved.length ? "changed" : null;
    if (notify) await recordNotificationEvent(tx, { kind: "labo_session_changed", laboSessionId: sessionId, actorId: actor.id, payload: { fields: moved } });
    return { status: "ok", announced: status !== "draft", notify } as const;
  });
  if (result.status === "ok") {
    if (result.notify) await notifyRegistrantsOfChange(sessionId, result.notify);
    // The session is "full" or "announced" as its seats now say.
    await fillFreeSeats(sessionId);
  }
  return result;
}
