/**
 * Reading a person's notices: the unread count for the bell, and the list, newest first, a page at a time.
 * Every read is bounded by the person's id: nobody reads anyone else's notices. A notice about something
 * hidden since it was made (a proposal hidden by moderation, a reply hidden or deleted, a hidden
 * interpellation) is left out, as
 * the fan-out would have left it out: only a proposal's author still sees the notices about it.
 */
import { and, desc, eq, isNull, lt, lte, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { contributions, interpellations, laboSessions, notificationEvents, notifications, proposals, type NotificationCategory, type NotificationEventKind, type NotificationReason } from "#db/schema/index.ts";
import { UNREAD_COUNT_CAP } from "./notification-text.ts";

export const NOTIFICATIONS_PAGE_SIZE = 20;

const stillVisible = and(
  or(isNull(notificationEvents.proposalId), isNull(proposals.hiddenAt), eq(notifications.reason, "author")),
  or(isNull(notificationEvents.contributionId), and(isNull(contributions.hiddenAt), isNull(contributions.deletedAt))),
  or(isNull(notificationEvents.interpellationId), isNull(interpellations.hiddenAt)),
);

/** The count's statement: up to UNREAD_COUNT_CAP + 1 unread notices (the partial index on unread notices serves it). */
export function unreadCountQuery(userId: string | Placeholder) {
  const shown = db
    .select({ one: sql`1` })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .leftJoin(proposals, eq(proposals.id, notificationEvents.proposalId))
    .leftJoin(contributions, eq(contributions.id, notificationEvents.contributionId))
    .leftJoin(interpellations, eq(interpellations.id, notificationEvents.interpellationId))
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), stillVisible))
    .limit(UNREAD_COUNT_CAP + 1)
    .as("shown");
  return db.select({ n: sql<number>`count(*)::int` }).from(shown);
}

// Every signed-in page runs it (the header's bell): built once (see prepared-queries.server.ts).
const unreadCountRuns = preparedByShape<Awaited<ReturnType<typeof unreadCountQuery>>[number]>("notifications_unread");

export async function countUnreadNotifications(userId: string): Promise<number> {
  const [row] = await unreadCountRuns("", () => unreadCountQuery(sql.placeholder("userId"))).execute({ userId });
  return Number(row?.n ?? 0);
}

/**
 * A position in the list: microseconds since the epoch (exact, unlike a JavaScript Date) and the notice's
 * id, which breaks ties between notices made by one fan-out.
 */
export type NotificationCursor = { micros: string; id: string };

const CURSOR = /^(\d{1,17})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseNotificationCursor(value: string): NotificationCursor | null {
  const match = CURSOR.exec(value);
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

export function formatNotificationCursor(cursor: NotificationCursor) {
  return `${cursor.micros}_${cursor.id}`;
}

export type NotificationItem = {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  category: NotificationCategory;
  reason: NotificationReason;
  kind: NotificationEventKind;
  payload: Record<string, unknown>;
  proposalId: string | null;
  proposalTitle: string | null;
  contributionId: string | null;
  laboSessionId: string | null;
  laboSessionTitle: string | null;
  interpellationId: string | null;
  interpellationTitle: string | null;
};

/** One page of the person's notices with what they are about, in one query, newest first. */
export async function listNotifications(userId: string, { before = null, limit = NOTIFICATIONS_PAGE_SIZE }: { before?: NotificationCursor | null; limit?: number } = {}) {
  const rows = await notificationPageQuery(userId, before, limit + 1);
  const items: NotificationItem[] = rows.slice(0, limit).map(({ micros: _micros, ...item }) => item);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? formatNotificationCursor({ micros: last.micros, id: last.id }) : null };
}

/** The page's statement: the (user_id, created_at) index walked backwards from the cursor. */
export function notificationPageQuery(userId: string, before: NotificationCursor | null, limit: number) {
  const conditions: (SQL | undefined)[] = [eq(notifications.userId, userId), stillVisible];
  if (before) {
    const at = sql`(timestamptz 'epoch' + ${before.micros}::bigint * interval '1 microsecond')`;
    // The first condition alone is what the index ranges over.
    conditions.push(lte(notifications.createdAt, at), or(lt(notifications.createdAt, at), lt(notifications.id, before.id)));
  }
  return db
    .select({
      id: notifications.id,
      createdAt: notifications.createdAt,
      micros: sql<string>`(extract(epoch from ${notifications.createdAt}) * 1000000)::bigint::text`,
      readAt: notifications.readAt,
      category: notifications.category,
      reason: notifications.reason,
      kind: notificationEvents.kind,
      payload: notificationEvents.payload,
      proposalId: notificationEvents.proposalId,
      proposalTitle: proposals.title,
      contributionId: notificationEvents.contributionId,
      laboSessionId: notificationEvents.laboSessionId,
      laboSessionTitle: laboSessions.title,
      interpellationId: notificationEvents.interpellationId,
      interpellationTitle: interpellations.title,
    })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .leftJoin(proposals, eq(proposals.id, notificationEvents.proposalId))
    .leftJoin(contributions, eq(contributions.id, notificationEvents.contributionId))
    .leftJoin(laboSessions, eq(laboSessions.id, notificationEvents.laboSessionId))
    .leftJoin(interpellations, eq(interpellations.id, notificationEvents.interpellationId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
