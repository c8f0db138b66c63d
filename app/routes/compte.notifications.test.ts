import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { DEFAULT_FREQUENCIES } from "#app/modules/notification-emails/notification-preferences.ts";
import { getNotificationPreferences } from "#app/modules/notification-emails/preference-queries.server.ts";
import { notificationPreferences } from "#db/schema/index.ts";
import { setRhythm } from "#tests/factories/notification-emails.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./compte.notifications.tsx";

async function signedIn() {
  const user = await insertUser(db, { password: null });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const save = (form: Record<string, string>, cookie?: string) => settle(action(actionArgs(postRequest("/compte/notifications", form, { cookie }))));

describe("/compte/notifications", () => {
  test("anonymous visitors are sent to sign in, and back here after", async () => {
    for (const response of [await settle(loader(loaderArgs(getRequest("/compte/notifications")))), await save({ ...DEFAULT_FREQUENCIES })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte%2Fnotifications");
    }
  });

  test("shows each category's rhythm: the person's choice, else the default", async () => {
    const { user, cookie } = await signedIn();
    await setRhythm(db, user.id, "followed_proposal", "daily");
    const response = await settle(loader(loaderArgs(getRequest("/compte/notifications", { cookie }))));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ title: "Mes e-mails de notification", preferences: { ...DEFAULT_FREQUENCIES, followed_proposal: "daily" } });
  });

  test("saves every category at once and says « Enregistré »", async () => {
    const { user, cookie } = await signedIn();
    const chosen = { ...DEFAULT_FREQUENCIES, own_proposal: "weekly", followed_proposal: "none", labo_session: "daily" } as const;
    const response = await save(chosen, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte/notifications");
    expect(await flashSetBy(response)).toBe("notificationSettings:flash.saved");
    expect(await getNotificationPreferences(user.id)).toEqual(chosen);
  });

  test("a missing or unknown rhythm: 400 with the errors and what was chosen, and nothing saved", async () => {
    const { user, cookie } = await signedIn();
    const form = { ...DEFAULT_FREQUENCIES, council: "hourly", own_proposal: "none" } as Record<string, string>;
    delete form.labo_session;
    const response = await save(form, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ council: "notificationSettings:validation.frequencyRequired", labo_session: "notificationSettings:validation.frequencyRequired" });
    expect(body.values).toEqual(form);
    expect(await db.select().from(notificationPreferences)).toEqual([]);
    expect(await getNotificationPreferences(user.id)).toEqual(DEFAULT_FREQUENCIES);
  });

  test("a body that is not a form is a 400, not a 500", async () => {
    const { cookie } = await signedIn();
    const request = new Request("http://localhost:3000/compte/notifications", { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json", Origin: "http://localhost:3000" }, body: "{}" });
    expect((await settle(action(actionArgs(request)))).status).toBe(400);
  });
});
