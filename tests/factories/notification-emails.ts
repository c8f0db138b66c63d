import { eq, inArray } from "drizzle-orm";
import { unsubscribeQuery, type UnsubscribeScope } from "#app/modules/notification-emails/unsubscribe-token.server.ts";
import type { Db } from "#db/client.ts";
import { emailOutbox, notificationPreferences, notifications, type NotificationCategory, type NotificationFrequency } from "#db/schema/index.ts";

/** Records a person's rhythm for one category, as the preferences page does. */
export async function setRhythm(db: Db, userId: string, category: NotificationCategory, frequency: NotificationFrequency) {
  await db
    .insert(notificationPreferences)
    .values({ userId, category, frequency })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.category], set: { frequency } });
}

/** The path and query of a valid unsubscribe link (as emailed). */
export function unsubscribePath(userId: string, scope: UnsubscribeScope) {
  return `/notifications/desabonnement?${unsubscribeQuery(userId, scope)}`;
}

/** When each notice left by email (null: not yet, or never). */
export async function emailedAt(db: Db, ids: string[]) {
  const rows = await db.select({ id: notifications.id, emailedAt: notifications.emailedAt }).from(notifications).where(inArray(notifications.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.emailedAt]));
}

/** The outbox rows of one template sent to an address. */
export async function outboxOf(db: Db, to: string, template: string) {
  return (await db.select().from(emailOutbox).where(eq(emailOutbox.to, to))).filter((row) => row.template === template);
}
