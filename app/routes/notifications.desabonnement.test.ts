import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { DEFAULT_FREQUENCIES } from "#app/modules/notification-emails/notification-preferences.ts";
import { getNotificationPreferences } from "#app/modules/notification-emails/preference-queries.server.ts";
import { notificationPreferences, users } from "#db/schema/index.ts";
import { setRhythm, unsubscribePath } from "#tests/factories/notification-emails.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./notifications.desabonnement.tsx";

const visit = (path: string, cookie?: string) => settle(loader(loaderArgs(getRequest(path, { cookie }))));

/** What a mail client sends for its own unsubscribe button (RFC 8058): no cookie, no Origin, no Referer. */
function oneClick(path: string) {
  return settle(
    action(
      actionArgs(
        new Request(new URL(path, "http://localhost:3000"), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
      ),
    ),
  );
}

describe("/notifications/desabonnement", () => {
  test("the link shows what will stop and a button, without sign-in, and changes nothing by itself (mail scanners open links)", async () => {
    const nadia = await insertUser(db, { password: null });
    const response = await visit(unsubscribePath(nadia.id, "followed_proposal"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const data = await response.json();
    expect(data).toMatchObject({ title: "Ne plus recevoir ces messages", page: { state: "confirm", scope: "followed_proposal", rhythm: null, covers: [] } });
    expect(await db.select().from(notificationPreferences)).toEqual([]);
  });

  test("a digest's link names what the digest carries today", async () => {
    const nadia = await insertUser(db, { password: null });
    await setRhythm(db, nadia.id, "supported_proposal", "weekly");
    const data = await (await visit(unsubscribePath(nadia.id, "weekly_digest"))).json();
    expect(data.page).toMatchObject({ scope: "weekly_digest", rhythm: "weekly" });
    expect([...data.page.covers].sort()).toEqual(["council", "followed_proposal", "supported_proposal"]);
  });

  test("the page's button sets that category to « jamais » for that person, and says so", async () => {
    const nadia = await insertUser(db, { password: null });
    const sam = await insertUser(db, { password: null });
    const path = unsubscribePath(nadia.id, "supported_proposal");
    const response = await settle(action(actionArgs(postRequest(path, {}))));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ title: "C'est fait", done: { state: "done" } });
    expect(await getNotificationPreferences(nadia.id)).toEqual({ ...DEFAULT_FREQUENCIES, supported_proposal: "none" });
    expect(await getNotificationPreferences(sam.id)).toEqual(DEFAULT_FREQUENCIES);
    // Twice is the same.
    expect((await settle(action(actionArgs(postRequest(path, {}))))).status).toBe(200);
  });

  test("a mail client's one-click POST works without cookie or Origin; a digest's stops every category on its rhythm", async () => {
    const nadia = await insertUser(db, { password: null });
    await setRhythm(db, nadia.id, "labo_session", "daily");
    expect((await oneClick(unsubscribePath(nadia.id, "daily_digest"))).status).toBe(200);
    expect(await getNotificationPreferences(nadia.id)).toEqual({ ...DEFAULT_FREQUENCIES, labo_session: "none" });
    expect((await oneClick(unsubscribePath(nadia.id, "own_proposal"))).status).toBe(200);
    expect((await getNotificationPreferences(nadia.id)).own_proposal).toBe("none");
  });

  test("a signed-in visitor unsubscribes the link's person, whoever is signed in (the link is the authority)", async () => {
    const nadia = await insertUser(db, { password: null });
    const sam = await insertUser(db, { password: null });
    const cookie = await sessionCookieFor(sam.id);
    expect((await settle(action(actionArgs(postRequest(unsubscribePath(nadia.id, "council"), {}, { cookie }))))).status).toBe(200);
    expect((await getNotificationPreferences(nadia.id)).council).toBe("none");
    expect(await getNotificationPreferences(sam.id)).toEqual(DEFAULT_FREQUENCIES);
  });

  test("a forged, tampered or borrowed link is a 400 with a translated message, and nothing changes", async () => {
    const nadia = await insertUser(db, { password: null });
    const sam = await insertUser(db, { password: null });
    const valid = new URL(unsubscribePath(nadia.id, "followed_proposal"), "http://localhost:3000");
    const s = valid.searchParams.get("s")!;
    const bad = [
      // Nadia's signature on Sam's id, on another category, on a digest.
      `/notifications/desabonnement?u=${sam.id}&c=followed_proposal&s=${s}`,
      `/notifications/desabonnement?u=${nadia.id}&c=own_proposal&s=${s}`,
      `/notifications/desabonnement?u=${nadia.id}&c=weekly_digest&s=${s}`,
      `/notifications/desabonnement?u=${nadia.id}&c=followed_proposal&s=${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`,
      // The last character's unused bits changed: the same bytes once decoded, but not the link that was sent.
      `/notifications/desabonnement?u=${nadia.id}&c=followed_proposal&s=${s.slice(0, -1)}${String.fromCharCode(s.charCodeAt(s.length - 1) ^ 1)}`,
      `/notifications/desabonnement?u=${nadia.id}&c=followed_proposal`,
      "/notifications/desabonnement",
    ];
    for (const path of bad) {
      const page = await visit(path);
      expect(page.status, path).toBe(400);
      expect(await page.json(), path).toEqual({ title: "Ce lien ne marche pas", page: { state: "invalid" } });
      expect((await oneClick(path)).status, path).toBe(400);
      expect((await settle(action(actionArgs(postRequest(path, {}))))).status, path).toBe(400);
    }
    expect(await db.select().from(notificationPreferences)).toEqual([]);
  });

  test("the link of a deleted account: nothing to stop, said plainly", async () => {
    const gone = await insertUser(db, { password: null });
    const path = unsubscribePath(gone.id, "own_proposal");
    await db.delete(users).where(eq(users.id, gone.id));
    const response = await oneClick(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ title: "Ce compte n'existe plus", done: { state: "gone" } });
  });

  test("English visitors read English", async () => {
    const nadia = await insertUser(db, { password: null });
    expect((await (await visit(unsubscribePath(nadia.id, "own_proposal"))).json()).title).toBe("Ne plus recevoir ces messages");
    const english = await settle(loader(loaderArgs(getRequest(unsubscribePath(nadia.id, "own_proposal"), { headers: { "Accept-Language": "en" } }))));
    expect((await english.json()).title).toBe("Stop these messages");
  });
});
