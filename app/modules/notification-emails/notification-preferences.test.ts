import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { notificationPreferences } from "#db/schema/index.ts";
import { NOTIFICATION_CATEGORIES } from "#db/schema/notifications.ts";
import { insertUser } from "#tests/factories/users.ts";
import { setRhythm } from "#tests/factories/notification-emails.ts";
import { CATEGORIES, DEFAULT_FREQUENCIES, NotificationPreferencesSchema } from "./notification-preferences.ts";
import { frequencyDefaults, getNotificationPreferences } from "./preference-queries.server.ts";
import { saveNotificationPreferences, unsubscribe } from "./save-notification-preferences.server.ts";
import { rowsOf } from "./notice-selection.server.ts";

describe("notification rhythms", () => {
  test("defaults: at once for one's own proposals, supports, replies and rendez-vous; weekly for what one follows and the conseil citoyen", async () => {
    expect(DEFAULT_FREQUENCIES).toEqual({
      own_proposal: "immediate",
      supported_proposal: "immediate",
      followed_proposal: "weekly",
      contribution_reply: "immediate",
      labo_session: "immediate",
      council: "weekly",
    });
    expect([...CATEGORIES]).toEqual([...NOTIFICATION_CATEGORIES]);
    const user = await insertUser(db, { password: null });
    expect(await getNotificationPreferences(user.id)).toEqual(DEFAULT_FREQUENCIES);
  });

  test("SQL reads the same defaults as the code: one rule, written once", async () => {
    const rows = await rowsOf<{ category: string; frequency: string }>(db, sql`select category, frequency from ${frequencyDefaults("d")} order by category`);
    expect(Object.fromEntries(rows.map((r) => [r.category, r.frequency]))).toEqual(DEFAULT_FREQUENCIES);
  });

  test("a saved choice replaces the default for that person only, and saving again replaces it", async () => {
    const nadia = await insertUser(db, { password: null });
    const sam = await insertUser(db, { password: null });
    await saveNotificationPreferences(nadia.id, { ...DEFAULT_FREQUENCIES, followed_proposal: "daily", own_proposal: "none" });
    expect(await getNotificationPreferences(nadia.id)).toEqual({ ...DEFAULT_FREQUENCIES, followed_proposal: "daily", own_proposal: "none" });
    expect(await getNotificationPreferences(sam.id)).toEqual(DEFAULT_FREQUENCIES);
    await saveNotificationPreferences(nadia.id, { ...DEFAULT_FREQUENCIES, council: "immediate" });
    expect(await getNotificationPreferences(nadia.id)).toEqual({ ...DEFAULT_FREQUENCIES, council: "immediate" });
    expect(await db.select().from(notificationPreferences)).toHaveLength(CATEGORIES.length);
  });

  test("the form's schema wants one of the four rhythms for every category", () => {
    const valid = Object.fromEntries(CATEGORIES.map((c) => [c, "weekly"]));
    expect(NotificationPreferencesSchema.safeParse(valid).success).toBe(true);
    const result = NotificationPreferencesSchema.safeParse({ ...valid, council: "hourly", labo_session: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["council", "notificationSettings:validation.frequencyRequired"],
      ["labo_session", "notificationSettings:validation.frequencyRequired"],
    ]);
  });

  test("unsubscribing: one category goes to « jamais »; a digest's link stops every category on its rhythm", async () => {
    const nadia = await insertUser(db, { password: null });
    expect(await unsubscribe(nadia.id, "supported_proposal")).toEqual({ status: "ok", categories: ["supported_proposal"] });
    expect((await getNotificationPreferences(nadia.id)).supported_proposal).toBe("none");

    await setRhythm(db, nadia.id, "contribution_reply", "weekly");
    const result = await unsubscribe(nadia.id, "weekly_digest");
    expect(result.status === "ok" && [...result.categories].sort()).toEqual(["contribution_reply", "council", "followed_proposal"]);
    expect(await getNotificationPreferences(nadia.id)).toEqual({ ...DEFAULT_FREQUENCIES, supported_proposal: "none", contribution_reply: "none", council: "none", followed_proposal: "none" });
    // Again: nothing left on that rhythm, nothing changes.
    expect(await unsubscribe(nadia.id, "weekly_digest")).toEqual({ status: "ok", categories: [] });
  });

  test("a deleted account has nothing to unsubscribe from", async () => {
    expect(await unsubscribe("3f1c2a9e-7d4b-4e5f-8a6b-0c1d2e3f4a5b", "own_proposal")).toEqual({ status: "unknown_user" });
    expect(await db.select().from(notificationPreferences)).toEqual([]);
  });
});
