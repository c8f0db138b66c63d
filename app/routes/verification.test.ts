import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { expireAllTokens, lastLinkTo } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as accountAction } from "./compte._index.tsx";
import { action as requestLink } from "./connexion.lien._index.tsx";
import { action as signUpAction } from "./inscription._index.tsx";
import { loader as confirmationLoader } from "./inscription.confirmation.tsx";
import { loader } from "./verification.tsx";

async function signUp(email: string) {
  await settle(signUpAction(actionArgs(postRequest("/inscription", { displayName: "Nadia", email, password: "motdepasse-solide-42", locale: "fr", charter: "accepted" }))));
  return lastLinkTo(email, "/verification");
}

async function open(path: string, cookie?: string) {
  const response = await settle(loader(loaderArgs(getRequest(path, { cookie }))));
  return { status: response.status, data: await response.json() };
}

async function verifiedAt(email: string) {
  const [user] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.email, email));
  return user!.at;
}

describe("/verification", () => {
  test("the emailed link confirms the address, without needing a session", async () => {
    const link = await signUp("nadia@example.org");
    expect(await verifiedAt("nadia@example.org")).toBeNull();
    const { status, data } = await open(link);
    expect(status).toBe(200);
    expect(data).toMatchObject({ result: "verified", title: "Votre adresse est confirmée", signedIn: false });
    expect(await verifiedAt("nadia@example.org")).toBeInstanceOf(Date);
  });

  test("a second click still reads as a success, and changes nothing", async () => {
    const link = await signUp("nadia@example.org");
    await open(link);
    const first = await verifiedAt("nadia@example.org");
    const { status, data } = await open(link);
    expect(status).toBe(200);
    expect(data.result).toBe("already_verified");
    expect(await verifiedAt("nadia@example.org")).toEqual(first);
  });

  test("an expired link: 410 and a way to ask for a new one; the address stays unverified", async () => {
    const link = await signUp("nadia@example.org");
    await expireAllTokens();
    const { status, data } = await open(link);
    expect(status).toBe(410);
    expect(data).toMatchObject({ result: "expired", title: "Ce lien ne marche pas" });
    expect(await verifiedAt("nadia@example.org")).toBeNull();
  });

  test("a link already used while the address is still unverified reads as used", async () => {
    const user = await insertUser(db, { verified: false });
    const cookie = await sessionCookieFor(user.id);
    await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    const link = await lastLinkTo(user.email, "/verification");
    await open(link);
    // The address is made unverified again (say an administrator reset it): the used link does not re-verify it.
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    const { status, data } = await open(link);
    expect(status).toBe(410);
    expect(data.result).toBe("used");
  });

  test("wrong, missing or tampered tokens: 400, never a 500", async () => {
    const link = await signUp("nadia@example.org");
    const token = new URL(link, "http://x").searchParams.get("token")!;
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const path of ["/verification", "/verification?token=", `/verification?token=${tampered}`, `/verification?token=${"x".repeat(10_000)}`, "/verification?token=%27%3B%20drop%20table%20users%3B--"]) {
      const { status, data } = await open(path);
      expect(status, path).toBe(400);
      expect(data.result).toBe("invalid");
    }
    expect(await verifiedAt("nadia@example.org")).toBeNull();
  });

  test("a sign-in link cannot be used to verify an address", async () => {
    const user = await insertUser(db, { verified: false });
    await settle(requestLink(actionArgs(postRequest("/connexion/lien", { email: user.email }))));
    const magic = await lastLinkTo(user.email, "/connexion/lien/verifier");
    const { status } = await open(magic.replace("/connexion/lien/verifier", "/verification"));
    expect(status).toBe(400);
  });

  test("a signed-in person is offered their account page", async () => {
    const user = await insertUser(db, { verified: false });
    const cookie = await sessionCookieFor(user.id);
    await settle(accountAction(actionArgs(postRequest("/compte", { intent: "resend-verification" }, { cookie }))));
    const { data } = await open(await lastLinkTo(user.email, "/verification"), cookie);
    expect(data).toMatchObject({ result: "verified", signedIn: true });
  });
});

describe("/inscription/confirmation", () => {
  test("says the same to everyone", async () => {
    const anonymous = await settle(confirmationLoader(loaderArgs(getRequest("/inscription/confirmation"))));
    const user = await insertUser(db);
    const signedIn = await settle(confirmationLoader(loaderArgs(getRequest("/inscription/confirmation", { cookie: await sessionCookieFor(user.id) }))));
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual(await signedIn.json());
  });
});
