/**
 * Records that something happened that people may want to hear about. Called inside the transaction that
 * makes the change, so the event exists exactly when the change does; the fan-out job turns it into
 * notifications afterwards, in the background (fan-out-notifications.server.ts).
 */
import type { Db } from "#app/db.server.ts";
import { notificationEvents, type NotificationEventKind } from "#db/schema/index.ts";

export type NotificationEventInput = {
  kind: NotificationEventKind;
  proposalId?: string | null;
  /** contribution_reply: the reply. */
  contributionId?: string | null;
  laboSessionId?: string | null;
  /** interpellation_answered: the interpellation. */
  interpellationId?: string | null;
  /** Whoever made the change: never notified of their own action. Null when the platform did it. */
  actorId?: string | null;
  /** What the notice will say (proposal_step: `step`, the timeline event's kind, with its payload). */
  payload?: Record<string, unknown> | null;
};

export async function recordNotificationEvents(tx: Db, events: NotificationEventInput[]) {
  if (!events.length) return;
  await tx.insert(notificationEvents).values(
    events.map((event) => ({
      kind: event.kind,
      proposalId: event.proposalId ?? null,
      contributionId: event.contributionId ?? null,
      laboSessionId: event.laboSessionId ?? null,
      interpellationId: event.interpellationId ?? null,
      actorId: event.actorId ?? null,
      payload: event.payload ?? {},
    })),
  );
}

export async function recordNotificationEvent(tx: Db, event: NotificationEventInput) {
  await recordNotificationEvents(tx, [event]);
}
