import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { readSessionUser } from "#app/modules/auth/session.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { emailOutbox, users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, expireAllTokens, flashSetBy, lastLinkTo, sessionFrom, setCookies } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as accountAction } from "./compte._index.tsx";
import { action as pressMagicLinkButton } from "./connexion.lien.verifier.tsx";
import { action as requestMagicLink } from "./connexion.lien._index.tsx";
import { action as forgotAction, loader as forgotLoader } from "./mot-de-passe-oublie.tsx";
import { action as resetAction, loader as resetLoader } from "./mot-de-passe.nouveau.tsx";

const NEW_PASSWORD = "un tout nouveau mot de passe";

function forgot(email: string, address = "127.0.0.1", cookie?: string) {
  return settle(forgotAction({ ...actionArgs(postRequest("/mot-de-passe-oublie", { email }, { cookie })), context: { clientAddress: address } }));
}

async function resetLink(email: string) {
  await forgot(email);
  return lastLinkTo(email, "/mot-de-passe/nouveau");
}

function reset(link: string, password: string, confirmation = password, cookie?: string) {
  return settle(resetAction(actionArgs(postRequest(link, { password, passwordConfirmation: confirmation }, { cookie }))));
}

async function passwordHashOf(userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row!.hash;
}

describe("/mot-de-passe-oublie", () => {
  test("the page, for anyone", async () => {
    const response = await settle(forgotLoader(loaderArgs(getRequest("/mot-de-passe-oublie"))));
    expect(await response.json()).toEqual({ title: "Mot de passe oublié", sent: false });
    const user = await insertUser(db);
    const signedIn = await settle(forgotLoader(loaderArgs(getRequest("/mot-de-passe-oublie?envoye=1", { cookie: await sessionCookieFor(user.id) }))));
    expect(await signedIn.json()).toEqual({ title: "Mot de passe oublié", sent: true });
  });

  test("always the same answer; only an existing account gets an email", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const known = await forgot("nadia@example.org");
    const unknown = await forgot("nobody@example.org");
    expect(known.status).toBe(302);
    expect(known.headers.get("Location")).toBe("/mot-de-passe-oublie?envoye=1");
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get("Location")).toBe(known.headers.get("Location"));
    expect(await unknown.text()).toBe(await known.text());
    const [email] = await emailsTo("nadia@example.org");
    expect(email).toMatchObject({ template: "password-reset", subject: "Choisir un nouveau mot de passe" });
    expect(await db.select().from(emailOutbox)).toHaveLength(1);
  });

  test("bad input: 400, the email kept", async () => {
    const response = await forgot("nadia");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { email: "validation.email" }, values: { email: "nadia" } });
  });

  test("rate limited: 429 after 3 requests for an address", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    for (let i = 0; i < RATE_LIMITS.passwordReset.account.points; i++) expect((await forgot("nadia@example.org", `10.2.0.${i}`)).status).toBe(302);
    const response = await forgot("nadia@example.org", "10.2.0.99");
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ errors: { form: "auth:requests.tooMany" }, values: { email: "nadia@example.org" } });
    expect(await emailsTo("nadia@example.org")).toHaveLength(3);
  });
});

describe("/mot-de-passe/nouveau", () => {
  test("the emailed link shows the form", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const link = await resetLink("nadia@example.org");
    const response = await settle(resetLoader(loaderArgs(getRequest(link))));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ title: "Choisir un nouveau mot de passe", problem: null });
  });

  test("a new password: saved, every other session ended, a new one started, other emailed links revoked", async () => {
    const user = await insertUser(db, { email: "nadia@example.org", verified: false });
    const laptop = await sessionCookieFor(user.id);
    const phone = await sessionCookieFor(user.id);
    await settle(requestMagicLink(actionArgs(postRequest("/connexion/lien", { email: "nadia@example.org" }))));
    const magic = await lastLinkTo("nadia@example.org", "/connexion/lien/verifier");
    const link = await resetLink("nadia@example.org");

    const response = await reset(link, NEW_PASSWORD, NEW_PASSWORD, laptop);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
    expect(await flashSetBy(response)).toBe("auth:flash.passwordChanged");
    expect(await verifyPassword((await passwordHashOf(user.id))!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword((await passwordHashOf(user.id))!, user.password!)).toBe(false);

    expect(await readSessionUser(getRequest("/", { cookie: laptop }))).toBeNull();
    expect(await readSessionUser(getRequest("/", { cookie: phone }))).toBeNull();
    const fresh = await readSessionUser(getRequest("/", { cookie: sessionFrom(response) }));
    expect(fresh).toMatchObject({ id: user.id, emailVerified: true });

    expect((await settle(pressMagicLinkButton(actionArgs(postRequest(magic, {}))))).status).toBe(410);
  });

  test("the two passwords differ, or the rule is not met: 400, nothing changes, nothing echoed", async () => {
    const user = await insertUser(db, { email: "nadia@example.org" });
    const before = await passwordHashOf(user.id);
    const link = await resetLink("nadia@example.org");
    const differ = await reset(link, NEW_PASSWORD, "autre chose de long");
    expect(differ.status).toBe(400);
    const body = await differ.json();
    expect(body.errors).toEqual({ passwordConfirmation: "auth:validation.passwordsDiffer" });
    expect(body.values).toEqual({});
    expect(JSON.stringify(body)).not.toContain(NEW_PASSWORD);
    const short = await reset(link, "court");
    expect((await short.json()).errors.password).toBe("auth:validation.passwordTooShort");
    const long = await reset(link, "x".repeat(10_000));
    expect(long.status).toBe(400);
    expect(await passwordHashOf(user.id)).toBe(before);
    // The link still works after a form error.
    expect((await reset(link, NEW_PASSWORD)).status).toBe(302);
  });

  test("a link works once", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const link = await resetLink("nadia@example.org");
    expect((await reset(link, NEW_PASSWORD)).status).toBe(302);
    const again = await reset(link, "encore un autre mot de passe");
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ problem: "used" });
    expect((await settle(resetLoader(loaderArgs(getRequest(link))))).status).toBe(410);
  });

  test("an expired link is refused, nothing changes", async () => {
    const user = await insertUser(db, { email: "nadia@example.org" });
    const before = await passwordHashOf(user.id);
    const link = await resetLink("nadia@example.org");
    await expireAllTokens();
    const page = await settle(resetLoader(loaderArgs(getRequest(link))));
    expect(page.status).toBe(410);
    expect(await page.json()).toEqual({ title: "Ce lien ne marche pas", problem: "expired" });
    const response = await reset(link, NEW_PASSWORD);
    expect(response.status).toBe(410);
    expect(setCookies(response).labo_session).toBeUndefined();
    expect(await passwordHashOf(user.id)).toBe(before);
  });

  test("a wrong token, or a token of another kind, is refused with 400", async () => {
    const user = await insertUser(db, { email: "nadia@example.org", verified: false });
    await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie: await sessionCookieFor(user.id) }))));
    const verification = await lastLinkTo("nadia@example.org", "/verification");
    const borrowed = verification.replace("/verification", "/mot-de-passe/nouveau");
    for (const link of ["/mot-de-passe/nouveau", "/mot-de-passe/nouveau?token=nope", borrowed]) {
      expect((await settle(resetLoader(loaderArgs(getRequest(link))))).status).toBe(400);
      expect((await reset(link, NEW_PASSWORD)).status).toBe(400);
    }
  });
});
