/**
 * For the emails that already tell people about an event themselves (the registrants' change, cancellation
 * and minutes emails of a rendez-vous du Labo): they are that notice's « immédiatement », so they follow
 * the person's rhythm for its category like the notification emails do, and carry the same links.
 */
import { and, eq, inArray } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { notificationPreferences, type NotificationCategory } from "#db/schema/index.ts";
import type { UnsubscribeLinks } from "#emails/components/email-layout.tsx";
import { DEFAULT_FREQUENCIES } from "./notification-preferences.ts";
import { preferencesUrl } from "./notice-email-content.server.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.server.ts";

/**
 * The recipients to email at once: guests (no account, no choice to respect) and account holders whose
 * rhythm for the category is « immédiatement »; the others hear about it in their digest, or not at all.
 * One query for the whole list.
 */
export async function immediateRecipients<R extends { userId: string | null }>(category: NotificationCategory, recipients: R[]): Promise<R[]> {
  const userIds = [...new Set(recipients.flatMap((r) => (r.userId ? [r.userId] : [])))];
  if (!userIds.length) return recipients;
  const chosen = await db
    .select({ userId: notificationPreferences.userId, frequency: notificationPreferences.frequency })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.category, category), inArray(notificationPreferences.userId, userIds)));
  const rhythm = new Map(chosen.map((row) => [row.userId, row.frequency]));
  return recipients.filter((r) => !r.userId || (rhythm.get(r.userId) ?? DEFAULT_FREQUENCIES[category]) === "immediate");
}

/** The unsubscribe and preferences links of an account holder's email, and its RFC 8058 headers; none for a guest. */
export function notificationLinks(userId: string | null, category: NotificationCategory): { links: UnsubscribeLinks | null; headers: Record<string, string> | undefined } {
  if (!userId) return { links: null, headers: undefined };
  const url = unsubscribeUrl(userId, category);
  return { links: { unsubscribeUrl: url, preferencesUrl: preferencesUrl() }, headers: unsubscribeHeaders(url) };
}
