import type { Db } from "#db/client.ts";
import { notificationEvents, notifications, type NotificationCategory, type NotificationEventKind, type NotificationReason } from "#db/schema/index.ts";

export type NoticeFactoryInput = {
  userId: string;
  kind?: NotificationEventKind;
  payload?: Record<string, unknown>;
  proposalId?: string | null;
  contributionId?: string | null;
  laboSessionId?: string | null;
  category?: NotificationCategory;
  reason?: NotificationReason;
  createdAt?: Date;
  readAt?: Date | null;
};

/**
 * Inserts a fanned-out event and one person's notice of it, as the fan-out leaves them (by default a
 * proposal step « under_review », told to a follower). For reads and pages; the fan-out's own tests go
 * through the use cases that record events.
 */
export async function insertNotice(db: Db, input: NoticeFactoryInput) {
  const createdAt = input.createdAt ?? new Date();
  const [event] = await db
    .insert(notificationEvents)
    .values({
      kind: input.kind ?? "proposal_step",
      proposalId: input.proposalId ?? null,
      contributionId: input.contributionId ?? null,
      laboSessionId: input.laboSessionId ?? null,
      payload: input.payload ?? { step: "under_review" },
      createdAt,
      fannedOutAt: createdAt,
    })
    .returning();
  const [notice] = await db
    .insert(notifications)
    .values({
      userId: input.userId,
      eventId: event!.id,
      category: input.category ?? "followed_proposal",
      reason: input.reason ?? "follower",
      createdAt,
      readAt: input.readAt ?? null,
    })
    .returning();
  return { event: event!, notice: notice! };
}
