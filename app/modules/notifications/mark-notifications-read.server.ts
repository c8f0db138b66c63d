/**
 * Marking notices read. Each statement is bounded by the person's id: another person's notice id is
 * « not found », and nothing changes.
 */
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { notificationEvents, notifications } from "#db/schema/index.ts";
import { notificationPlace } from "./notification-text.ts";

export type MarkReadResult = { status: "ok"; href: string } | { status: "not_found" };

/**
 * Marks one of the person's notices read (again: no change) and says where it leads, for « open ».
 * The first reading time is kept.
 */
export async function markNotificationRead({ userId, notificationId }: { userId: string; notificationId: string }): Promise<MarkReadResult> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .from(notificationEvents)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId), eq(notificationEvents.id, notifications.eventId)))
    .returning({
      kind: notificationEvents.kind,
      proposalId: notificationEvents.proposalId,
      contributionId: notificationEvents.contributionId,
      laboSessionId: notificationEvents.laboSessionId,
    });
  return row ? { status: "ok", href: notificationPlace(row) } : { status: "not_found" };
}

/**
 * Marks all the person's unread notices read, up to `until` (when the page was shown): one that arrived
 * after it, not seen yet, stays unread. Returns how many changed.
 */
export async function markAllNotificationsRead({ userId, until }: { userId: string; until: Date }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), lte(notifications.createdAt, until)))
    .returning({ id: notifications.id });
  return rows.length;
}
