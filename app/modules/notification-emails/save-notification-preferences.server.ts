import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { notificationPreferences, users, type NotificationCategory } from "#db/schema/index.ts";
import { CATEGORIES, type NotificationPreferences } from "./notification-preferences.ts";
import { frequencyDefaults } from "./preference-queries.server.ts";
import { isCategoryScope, scopeRhythm, type UnsubscribeScope } from "./unsubscribe-token.server.ts";

const upsertFrequency = { target: [notificationPreferences.userId, notificationPreferences.category], set: { frequency: sql`excluded.frequency`, updatedAt: sql`now()` } };

/**
 * Records a person's rhythm for every category at once: one statement, so a half-saved form never
 * exists. Every category is written, defaults included: what the person confirmed stays theirs even if a
 * default changes later.
 */
export async function saveNotificationPreferences(userId: string, preferences: NotificationPreferences) {
  await db
    .insert(notificationPreferences)
    .values(CATEGORIES.map((category) => ({ userId, category, frequency: preferences[category] })))
    .onConflictDoUpdate(upsertFrequency);
}

export type UnsubscribeResult = { status: "ok"; categories: NotificationCategory[] } | { status: "unknown_user" };

/**
 * What an unsubscribe link does: « jamais » for its category, or for every category the person has on
 * the digest's rhythm. Idempotent (a second click changes nothing and says the same). The link was
 * checked before (verifyUnsubscribe); a deleted account has nothing left to stop.
 */
export async function unsubscribe(userId: string, scope: UnsubscribeScope): Promise<UnsubscribeResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("share");
    if (!user) return { status: "unknown_user" } as const;
    if (isCategoryScope(scope)) {
      await tx.insert(notificationPreferences).values({ userId, category: scope, frequency: "none" }).onConflictDoUpdate(upsertFrequency);
      return { status: "ok", categories: [scope] } as const;
    }
    const rows = (await tx.execute(sql`
      insert into notification_preferences (user_id, category, frequency)
      select ${userId}, d.category, 'none'
      from ${frequencyDefaults("d")}
      left join notification_preferences p on p.user_id = ${userId} and p.category = d.category
      where coalesce(p.frequency, d.frequency) = ${scopeRhythm(scope)}
      on conflict (user_id, category) do update set frequency = excluded.frequency, updated_at = now()
      returning category`)) as unknown as { category: NotificationCategory }[] | { rows: { category: NotificationCategory }[] };
    const categories = (Array.isArray(rows) ? rows : rows.rows).map((r) => r.category);
    return { status: "ok", categories } as const;
  });
}
