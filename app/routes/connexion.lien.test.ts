import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { readSessionUser } from "#app/modules/auth/session.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { emailOutbox, users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, expireAllTokens, lastLinkTo, localeSetBy, setCookies, sessionFrom } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as requestAction, loader as requestLoader } from "./connexion.lien._index.tsx";
import { action as pressButton, loader as openLink } from "./connexion.lien.verifier.tsx";

function requestLink(email: string, address = "127.0.0.1") {
  return settle(requestAction({ ...actionArgs(postRequest("/connexion/lien", { email })), context: { clientAddress: address } }));
}

async function emailedLink(email: string) {
  await requestLink(email);
  return lastLinkTo(email, "/connexion/lien/verifier");
}

describe("/connexion/lien (asking for a sign-in link)", () => {
  test("the page; after sending, it says so", async () => {
    const page = await settle(requestLoader(loaderArgs(getRequest("/connexion/lien"))));
    expect(await page.json()).toEqual({ title: "Recevoir un lien de connexion", sent: false });
    const sent = await settle(requestLoader(loaderArgs(getRequest("/connexion/lien?envoye=1"))));
    expect((await sent.json()).sent).toBe(true);
  });

  test("the same answer for an address with or without an account; only the account gets an email", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const known = await requestLink("Nadia@example.org");
    const unknown = await requestLink("nobody@example.org");
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get("Location")).toBe(known.headers.get("Location"));
    expect(known.headers.get("Location")).toBe("/connexion/lien?envoye=1");
    expect(await unknown.text()).toBe(await known.text());
    expect(await emailsTo("nadia@example.org")).toHaveLength(1);
    expect(await db.select().from(emailOutbox)).toHaveLength(1);
  });

  test("bad and hostile input: 400 with the email kept", async () => {
    const response = await requestLink("pas une adresse <b>");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { email: "validation.email" }, values: { email: "pas une adresse <b>" } });
    expect((await requestLink(`${"a".repeat(10_000)}@example.org`)).status).toBe(400);
  });

  test("rate limited per email (known or not) and per client address", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    for (const email of ["nadia@example.org", "nobody@example.org"]) {
      for (let i = 0; i < RATE_LIMITS.magicLink.account.points; i++) expect((await requestLink(email, `10.1.0.${i}`)).status).toBe(302);
      const limited = await requestLink(email, "10.1.1.1");
      expect(limited.status).toBe(429);
      expect(await limited.json()).toEqual({ errors: { form: "auth:requests.tooMany" }, values: { email } });
    }
    for (let i = 0; i < RATE_LIMITS.magicLink.address.points; i++) await requestLink(`p${i}@example.org`, "10.1.2.1");
    expect((await requestLink("fresh@example.org", "10.1.2.1")).status).toBe(429);
  });

  test("a signed-in person does not need it", async () => {
    const user = await insertUser(db);
    const response = await settle(requestLoader(loaderArgs(getRequest("/connexion/lien", { cookie: await sessionCookieFor(user.id) }))));
    expect(response.headers.get("Location")).toBe("/compte");
  });
});

describe("/connexion/lien/verifier (using the link)", () => {
  test("opening the link only shows a button: it does not use the link", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const link = await emailedLink("nadia@example.org");
    for (let i = 0; i < 2; i++) {
      const page = await settle(openLink(loaderArgs(getRequest(link))));
      expect(page.status).toBe(200);
      expect(await page.json()).toEqual({ title: "Se connecter", problem: null });
    }
  });

  test("the button signs in, in the person's language, and marks the address verified", async () => {
    const user = await insertUser(db, { email: "nadia@example.org", verified: false, password: null, locale: "en" });
    const link = await emailedLink("nadia@example.org");
    const response = await settle(pressButton(actionArgs(postRequest(link, {}))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect((await readSessionUser(getRequest("/", { cookie: sessionFrom(response) })))?.id).toBe(user.id);
    expect(await localeSetBy(response)).toBe("en");
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.emailVerifiedAt).toBeInstanceOf(Date);
  });

  test("a link works once: the second use is refused with 410", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const link = await emailedLink("nadia@example.org");
    expect((await settle(pressButton(actionArgs(postRequest(link, {}))))).status).toBe(302);
    const again = await settle(pressButton(actionArgs(postRequest(link, {}))));
    expect(again.status).toBe(410);
    expect(await again.json()).toEqual({ problem: "used" });
    expect(setCookies(again).labo_session).toBeUndefined();
    const page = await settle(openLink(loaderArgs(getRequest(link))));
    expect(page.status).toBe(410);
    expect(await page.json()).toEqual({ title: "Ce lien ne marche pas", problem: "used" });
  });

  test("an expired link is refused with 410", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const link = await emailedLink("nadia@example.org");
    await expireAllTokens();
    expect((await settle(openLink(loaderArgs(getRequest(link))))).status).toBe(410);
    const response = await settle(pressButton(actionArgs(postRequest(link, {}))));
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({ problem: "expired" });
  });

  test("a wrong or missing token is refused with 400", async () => {
    for (const path of ["/connexion/lien/verifier", "/connexion/lien/verifier?token=abc", `/connexion/lien/verifier?token=${"A".repeat(43)}`]) {
      expect((await settle(openLink(loaderArgs(getRequest(path))))).status).toBe(400);
      const response = await settle(pressButton(actionArgs(postRequest(path, {}))));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ problem: "invalid" });
    }
  });

  test("used while someone else is signed in on the browser: their session ends, the link's owner is signed in", async () => {
    const other = await insertUser(db);
    const owner = await insertUser(db, { email: "nadia@example.org" });
    const otherCookie = await sessionCookieFor(other.id);
    const link = await emailedLink("nadia@example.org");
    const response = await settle(pressButton(actionArgs(postRequest(link, {}, { cookie: otherCookie }))));
    expect((await readSessionUser(getRequest("/", { cookie: sessionFrom(response) })))?.id).toBe(owner.id);
    expect(await readSessionUser(getRequest("/", { cookie: otherCookie }))).toBeNull();
  });
});
