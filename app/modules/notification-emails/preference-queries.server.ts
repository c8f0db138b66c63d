import { eq, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, type Db } from "#app/db.server.ts";
import { notificationPreferences } from "#db/schema/index.ts";
import { CATEGORIES, DEFAULT_FREQUENCIES, type NotificationPreferences } from "./notification-preferences.ts";

/**
 * The defaults as a table for SQL, `(values ('own_proposal', 'immediate'), …) as <alias>(category, frequency)`,
 * built from DEFAULT_FREQUENCIES: the email jobs compute each notice's rhythm in the query
 * (`coalesce(preference.frequency, default.frequency)`) without writing the rule a second time.
 */
export function frequencyDefaults(alias: string): SQL {
  const rows = CATEGORIES.map((category) => sql`(${category}::text, ${DEFAULT_FREQUENCIES[category]}::text)`);
  return sql`(values ${sql.join(rows, sql`, `)}) as ${sql.identifier(alias)}(category, frequency)`;
}

/** A person's rhythm for every category: what they chose, else the default. */
export async function getNotificationPreferences(userId: string, executor: Db = defaultDb): Promise<NotificationPreferences> {
  const rows = await executor
    .select({ category: notificationPreferences.category, frequency: notificationPreferences.frequency })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = Object.fromEntries(rows.map((r) => [r.category, r.frequency]));
  return Object.fromEntries(CATEGORIES.map((category) => [category, chosen[category] ?? DEFAULT_FREQUENCIES[category]])) as NotificationPreferences;
}
