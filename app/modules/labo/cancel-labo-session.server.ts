import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { canRunLaboSession } from "#app/modules/auth/permissions.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { laboSessions } from "#db/schema/index.ts";
import { EDITABLE_STATUSES, lockSession, type RegistrantNotice } from "./update-labo-session.server.ts";
import { notifyRegistrantsOfChange } from "#app/modules/labo-registrations/registration-emails.server.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";

export type CancelLaboSessionResult = { status: "ok"; notify: RegistrantNotice } | { status: "not_found" } | { status: "forbidden" } | { status: "not_cancellable" };

/**
 * A runner cancels a session that has not taken place, with a reason shown on its page. Registrants of
 * an announced (or full) session are emailed after the commit (`notify: "cancelled"`); a draft had none.
 */
export async function cancelLaboSession({ actor, sessionId, reason }: { actor: { id: string } & Parameters<typeof canRunLaboSession>[0]; sessionId: string; reason: string }): Promise<CancelLaboSessionResult> {
  const result: CancelLaboSessionResult = await db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return { status: "not_found" } as const;
    if (!canRunLaboSession(actor, session)) return { status: "forbidden" } as const;
    if (!EDITABLE_STATUSES.includes(session.status)) return { status: "not_cancellable" } as const;
    await tx.update(laboSessions).set({ status: "cancelled", cancelledAt: sql`now()`, cancellationReason: reason, updatedAt: sql`now()` }).where(eq(laboSessions.id, sessionId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "labo_session.cancel",
      subjectType: "labo_session",
      subjectId: sessionId,
      changes: { status: { before: session.status, after: "cancelled" } },
      reason,
    });
    // A draft had no registrants to tell.
    if (session.status !== "draft") await recordNotificationEvent(tx, { kind: "labo_session_cancelled", laboSessionId: sessionId, actorId: actor.id, payload: { reason } });
    return { status: "ok", notify: session.status === "draft" ? null : "cancelled" } as const;
  });
  if (result.status === "ok" && result.notify) await notifyRegistrantsOfChange(sessionId, result.notify);
  return result;
}
