import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, flashSetBy, localeSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as accountAction, loader as accountLoader } from "./compte._index.tsx";
import { action as profileAction, loader as profileLoader } from "./compte.profil.tsx";

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, input);
  return { user, cookie: await sessionCookieFor(user.id) };
}

function saveProfile(form: Record<string, string>, cookie?: string) {
  return settle(profileAction(actionArgs(postRequest("/compte/profil", form, { cookie }))));
}

async function row(userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user!;
}

describe("/compte", () => {
  test("anonymous visitors are sent to sign in, and back here after", async () => {
    for (const response of [await settle(accountLoader(loaderArgs(getRequest("/compte")))), await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }))))]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte");
    }
  });

  test("shows the person's own data with the names of their places, never the password hash", async () => {
    const { cookie } = await signedIn({ email: "nadia@example.org", displayName: "Nadia", communeSlug: "lens", quartierCode: "QP062024", locale: "en" });
    const response = await settle(accountLoader(loaderArgs(getRequest("/compte", { cookie }))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Mon compte");
    expect(data.account).toMatchObject({ email: "nadia@example.org", displayName: "Nadia", emailVerified: true, hasPassword: true, communeSlug: "lens", communeName: "Lens", quartierCode: "QP062024", locale: "en" });
    expect(data.account.quartierName).toEqual(expect.any(String));
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  test("an unverified person can ask for a new verification email", async () => {
    const { user, cookie } = await signedIn({ verified: false });
    const response = await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
    expect(await flashSetBy(response)).toBe("account:flash.verificationSent");
    const [email] = await emailsTo(user.email);
    expect(email!.template).toBe("verify-email");
  });

  test("a verified person is told so, and no email is sent", async () => {
    const { user, cookie } = await signedIn();
    const response = await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    expect(await flashSetBy(response)).toBe("account:flash.alreadyVerified");
    expect(await emailsTo(user.email)).toHaveLength(0);
  });

  test("asking too often: 429 with a message", async () => {
    const { user, cookie } = await signedIn({ verified: false });
    for (let i = 0; i < RATE_LIMITS.verificationEmail.account.points; i++) await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    const response = await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    expect(response.status).toBe(429);
    expect((await response.json()).errors).toEqual({ form: "auth:requests.tooMany" });
    expect(await emailsTo(user.email)).toHaveLength(RATE_LIMITS.verificationEmail.account.points);
  });

  test("an unknown intent is a 400", async () => {
    const { cookie } = await signedIn();
    expect((await settle(accountAction(actionArgs(postRequest("/compte", { intent: "delete-everything" }, { cookie }))))).status).toBe(400);
    expect((await settle(accountAction(actionArgs(postRequest("/compte", {}, { cookie }))))).status).toBe(400);
  });
});

describe("/compte/profil", () => {
  test("anonymous visitors are sent to sign in", async () => {
    expect((await settle(profileLoader(loaderArgs(getRequest("/compte/profil"))))).headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte%2Fprofil");
    const response = await saveProfile({ displayName: "X", locale: "fr" });
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte%2Fprofil");
  });

  test("the form starts from the current profile, with the place choices", async () => {
    const { cookie } = await signedIn({ displayName: "Nadia", communeSlug: "avion" });
    const data = await (await settle(profileLoader(loaderArgs(getRequest("/compte/profil", { cookie }))))).json();
    expect(data.current).toEqual({ displayName: "Nadia", communeSlug: "avion", quartierCode: "", locale: "fr" });
    expect(data.communes).toHaveLength(36);
    expect(data.quartiers).toHaveLength(21);
  });

  test("saves the profile; a new language also becomes the interface's", async () => {
    const { user, cookie } = await signedIn({ displayName: "Nadia" });
    const response = await saveProfile({ displayName: "  Nadia B.  ", communeSlug: "lievin", quartierCode: "QP062028", locale: "en" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
    expect(await localeSetBy(response)).toBe("en");
    expect(await row(user.id)).toMatchObject({ displayName: "Nadia B.", communeSlug: "lievin", quartierCode: "QP062028", locale: "en" });
  });

  test("the commune and quartier can be cleared", async () => {
    const { user, cookie } = await signedIn({ communeSlug: "lens", quartierCode: "QP062024" });
    await saveProfile({ displayName: "Nadia", communeSlug: "", quartierCode: "", locale: "fr" }, cookie);
    expect(await row(user.id)).toMatchObject({ communeSlug: null, quartierCode: null });
  });

  test("bad input: 400 with errors by field, what was typed kept, nothing saved", async () => {
    const { user, cookie } = await signedIn({ displayName: "Nadia", communeSlug: "lens" });
    const response = await saveProfile({ displayName: "", communeSlug: "atlantis", quartierCode: "", locale: "fr" }, cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { displayName: "validation.required" }, values: { displayName: "", communeSlug: "atlantis", quartierCode: "", locale: "fr" } });
    const unknownPlace = await saveProfile({ displayName: "Nadia", communeSlug: "atlantis", quartierCode: "QP999999", locale: "fr" }, cookie);
    expect(unknownPlace.status).toBe(400);
    expect((await unknownPlace.json()).errors).toEqual({ communeSlug: "auth:validation.unknownCommune", quartierCode: "auth:validation.unknownQuartier" });
    expect(await row(user.id)).toMatchObject({ displayName: "Nadia", communeSlug: "lens" });
  });

  test("hostile input: 10 000 characters refused; HTML and SQL stored as text", async () => {
    const { user, cookie } = await signedIn({ displayName: "Nadia" });
    const long = await saveProfile({ displayName: "x".repeat(10_000), communeSlug: "y".repeat(10_000), quartierCode: "", locale: "z".repeat(10_000) }, cookie);
    expect(long.status).toBe(400);
    expect(Object.keys((await long.json()).errors).sort()).toEqual(["communeSlug", "displayName", "locale"]);
    expect((await row(user.id)).displayName).toBe("Nadia");
    const hostile = `<img src=x onerror=alert(1)>'); delete from users; --`;
    expect((await saveProfile({ displayName: hostile, communeSlug: "", quartierCode: "", locale: "fr" }, cookie)).status).toBe(302);
    expect((await row(user.id)).displayName).toBe(hostile);
  });

  test("one person cannot change another's profile: the session decides whose", async () => {
    const { cookie } = await signedIn({ displayName: "Nadia" });
    const other = await insertUser(db, { displayName: "Karim" });
    await saveProfile({ displayName: "Changed", locale: "fr", id: other.id, userId: other.id }, cookie);
    expect((await row(other.id)).displayName).toBe("Karim");
  });
});
