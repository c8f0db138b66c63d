import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { charterAcceptances, emailOutbox, users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, localeSetBy, setCookies } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./inscription._index.tsx";

const valid = {
  displayName: "Nadia B.",
  email: "Nadia.Benali@Example.org",
  password: "une phrase facile à retenir",
  communeSlug: "lens",
  quartierCode: "QP062024",
  locale: "fr",
  charter: "accepted",
  website: "",
};

function signUp(form: Record<string, string>, address = "127.0.0.1") {
  return settle(action({ ...actionArgs(postRequest("/inscription", form)), context: { clientAddress: address } }));
}

describe("/inscription loader", () => {
  test("an anonymous visitor gets the form with the 36 communes and 21 quartiers", async () => {
    const response = await settle(loader(loaderArgs(getRequest("/inscription"))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Créer un compte");
    expect(data.communes).toHaveLength(36);
    expect(data.quartiers).toHaveLength(21);
    expect(data.quartiers[0]).toEqual({ code: expect.any(String), name: expect.any(String), communes: expect.any(Array) });
  });

  test("a signed-in person is sent to their account", async () => {
    const user = await insertUser(db);
    const response = await settle(loader(loaderArgs(getRequest("/inscription", { cookie: await sessionCookieFor(user.id) }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
  });
});

describe("/inscription action", () => {
  test("creates the account and emails the verification link, without signing anyone in", async () => {
    const response = await signUp(valid);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/inscription/confirmation");
    expect(await localeSetBy(response)).toBe("fr");

    const [user] = await db.select().from(users).where(eq(users.email, "nadia.benali@example.org"));
    expect(user).toMatchObject({ displayName: "Nadia B.", communeSlug: "lens", quartierCode: "QP062024", locale: "fr", emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(valid.password);

    // Signing in here would tell a new address from a taken one (by the session cookie).
    expect(setCookies(response).labo_session).toBeUndefined();

    const [email] = await emailsTo("nadia.benali@example.org");
    expect(email).toMatchObject({ template: "verify-email", subject: "Confirmez votre adresse e-mail" });
    expect(email!.text).toMatch(/http:\/\/localhost:3000\/verification\?token=[\w-]{43}/);

    // The charter ticked at sign-up is the one in force, recorded on the account and in the history.
    expect(user).toMatchObject({ charterVersion: CHARTER_VERSION, charterAcceptedAt: expect.any(Date) });
    expect(await db.select({ version: charterAcceptances.version }).from(charterAcceptances).where(eq(charterAcceptances.userId, user!.id))).toEqual([{ version: CHARTER_VERSION }]);
  });

  test("the charter must be accepted: without the box ticked, a clear error and everything typed kept (but the password)", async () => {
    const { charter: _ticked, ...unticked } = valid;
    const response = await signUp(unticked);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ charter: "charter:signUp.required" });
    expect(body.values).toMatchObject({ displayName: "Nadia B.", email: "Nadia.Benali@Example.org", communeSlug: "lens", quartierCode: "QP062024" });
    expect(body.values.password).toBeUndefined();
    expect(await db.select().from(users)).toHaveLength(0);
  });

  test("the commune, the quartier and the language are optional", async () => {
    const response = await signUp({ displayName: "Karim", email: "karim@example.org", password: "motdepasse-tres-long", locale: "en", charter: "accepted" });
    expect(response.status).toBe(302);
    const [user] = await db.select().from(users).where(eq(users.email, "karim@example.org"));
    expect(user).toMatchObject({ communeSlug: null, quartierCode: null, locale: "en" });
    const [email] = await emailsTo("karim@example.org");
    expect(email!.subject).toBe("Confirm your email address");
  });

  test("an address that already has an account gets the same answer; its owner is told by email", async () => {
    const owner = await insertUser(db, { email: "claire@example.org", displayName: "Claire", locale: "en" });
    const fresh = await signUp({ ...valid, email: "someone.new@example.org" });
    const taken = await signUp({ ...valid, email: "CLAIRE@example.org", password: "un-autre-mot-de-passe" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers.get("Location")).toBe(fresh.headers.get("Location"));
    expect(await taken.text()).toBe(await fresh.text());
    expect(await localeSetBy(taken)).toBe(await localeSetBy(fresh));

    const accounts = await db.select().from(users).where(eq(users.email, "claire@example.org"));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.passwordHash).toBe((await db.select().from(users).where(eq(users.id, owner.id)))[0]!.passwordHash);
    expect(accounts[0]!.displayName).toBe("Claire");
    // The visitor is not signed in to the owner's account.
    expect(setCookies(taken).labo_session).toBeUndefined();

    const [notice] = await emailsTo("claire@example.org");
    expect(notice).toMatchObject({ template: "sign-up-attempt", subject: "Someone tried to create an account with your address" });
    expect(notice!.text).toContain("http://localhost:3000/mot-de-passe-oublie");
  });

  test("bad input: 400, each error by its field, what was typed is kept except the password", async () => {
    const response = await signUp({ displayName: "", email: "pas-une-adresse", password: "court", communeSlug: "", quartierCode: "", locale: "fr", charter: "accepted" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ displayName: "validation.required", email: "validation.email", password: "auth:validation.passwordTooShort" });
    expect(body.values).toMatchObject({ email: "pas-une-adresse", locale: "fr" });
    expect(body.values.password).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("court\"");
    expect(await db.select().from(users)).toHaveLength(0);
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  test("a password over 200 characters and an unknown language are refused", async () => {
    const response = await signUp({ ...valid, password: "x".repeat(201), locale: "de" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ password: "auth:validation.passwordTooLong", locale: "validation.invalid" });
  });

  test("a commune or quartier that does not exist is refused by its field, nothing is created", async () => {
    const response = await signUp({ ...valid, communeSlug: "paris", quartierCode: "QP000000" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ communeSlug: "auth:validation.unknownCommune", quartierCode: "auth:validation.unknownQuartier" });
    expect(body.values.communeSlug).toBe("paris");
    expect(await db.select().from(users)).toHaveLength(0);
  });

  test("hostile input: 10 000-character fields are refused with 400, never a 500, no half-written user", async () => {
    const long = "é".repeat(10_000);
    const response = await signUp({ displayName: long, email: `${long}@example.org`, password: long, communeSlug: long, quartierCode: long, locale: long, charter: long, website: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.errors).sort()).toEqual(["charter", "communeSlug", "displayName", "email", "locale", "password", "quartierCode"]);
    expect(await db.select().from(users)).toHaveLength(0);
  });

  test("HTML and SQL in the fields are stored as plain text", async () => {
    const displayName = `<script>alert("x")</script>'; drop table users; --`;
    const response = await signUp({ ...valid, displayName, email: "o'brien+test@example.org" });
    expect(response.status).toBe(302);
    const [user] = await db.select().from(users).where(eq(users.email, "o'brien+test@example.org"));
    expect(user!.displayName).toBe(displayName);
    const [email] = await emailsTo("o'brien+test@example.org");
    expect(email!.html).not.toContain("<script>");
  });

  test("a filled honeypot gets the usual answer, and nothing is created or sent", async () => {
    const response = await signUp({ ...valid, website: "https://spam.example" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/inscription/confirmation");
    expect(setCookies(response).labo_session).toBeUndefined();
    expect(await db.select().from(users)).toHaveLength(0);
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  test("a body that is not a form is a 400, not a 500", async () => {
    const request = new Request("http://localhost:3000/inscription", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
    const response = await settle(action(actionArgs(request)));
    expect(response.status).toBe(400);
  });

  test("rate limited per address: 429, a clear message, what was typed kept", async () => {
    const { points } = RATE_LIMITS.signUp.address;
    for (let i = 0; i < points; i++) expect((await signUp({ ...valid, email: `p${i}@example.org` }, "203.0.113.7")).status).toBe(302);
    const response = await signUp({ ...valid, email: "one.more@example.org" }, "203.0.113.7");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.errors).toEqual({ form: "auth:signUp.tooMany" });
    expect(body.values).toMatchObject({ email: "one.more@example.org", displayName: "Nadia B." });
    expect(body.values.password).toBeUndefined();
    expect(await db.select().from(users).where(eq(users.email, "one.more@example.org"))).toHaveLength(0);
    // Someone elsewhere is not affected.
    expect((await signUp({ ...valid, email: "one.more@example.org" }, "198.51.100.2")).status).toBe(302);
  });

  test("rate limited per email, whether or not it has an account (so its owner is not flooded)", async () => {
    await insertUser(db, { email: "sylvie@example.org" });
    const { points } = RATE_LIMITS.signUp.account;
    for (let i = 0; i < points; i++) await signUp({ ...valid, email: "sylvie@example.org" }, `192.0.2.${i}`);
    const response = await signUp({ ...valid, email: "sylvie@example.org" }, "192.0.2.200");
    expect(response.status).toBe(429);
    expect(await emailsTo("sylvie@example.org")).toHaveLength(points);
  });

  test("a signed-in person cannot post it", async () => {
    const user = await insertUser(db);
    const response = await settle(action(actionArgs(postRequest("/inscription", valid, { cookie: await sessionCookieFor(user.id) }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
    expect(await db.select().from(users)).toHaveLength(1);
  });
});
