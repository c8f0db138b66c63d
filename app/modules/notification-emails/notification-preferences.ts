/**
 * How often a person hears by email about each kind of notice, and the form that changes it. Pure: shared
 * by the preferences page (browser) and the server. The lists repeat db/schema/notifications.ts (the
 * browser must not load the schema modules); `satisfies` and the check below keep them equal.
 */
import { z } from "zod";
import type { NotificationCategory, NotificationFrequency } from "#db/schema/notifications.ts";

export const CATEGORIES = ["own_proposal", "supported_proposal", "followed_proposal", "contribution_reply", "labo_session", "council"] as const satisfies readonly NotificationCategory[];
export const FREQUENCIES = ["immediate", "daily", "weekly", "none"] as const satisfies readonly NotificationFrequency[];
export const listsAreComplete: [NotificationCategory, NotificationFrequency] extends [(typeof CATEGORIES)[number], (typeof FREQUENCIES)[number]] ? true : never = true;

/**
 * The rhythm of a category nobody chose for: at once for what is yours or what you asked for, a weekly
 * digest for what you merely follow. The only place this rule is written: the email jobs read it in SQL
 * through `frequencyDefaults` (preference-queries.server.ts).
 */
export const DEFAULT_FREQUENCIES: Record<NotificationCategory, NotificationFrequency> = {
  own_proposal: "immediate",
  supported_proposal: "immediate",
  followed_proposal: "weekly",
  contribution_reply: "immediate",
  labo_session: "immediate",
  council: "weekly",
};

export type NotificationPreferences = Record<NotificationCategory, NotificationFrequency>;

const frequency = z.enum(FREQUENCIES, { errorMap: () => ({ message: "notificationSettings:validation.frequencyRequired" }) });

/** One radio group per category, every one answered. */
export const NotificationPreferencesSchema = z.object(Object.fromEntries(CATEGORIES.map((category) => [category, frequency])) as Record<NotificationCategory, typeof frequency>);

export const isCategory = (value: unknown): value is NotificationCategory => typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);
