import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { readSessionUser } from "#app/modules/auth/session.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy, localeSetBy, setCookies, sessionFrom } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./connexion._index.tsx";

const PASSWORD = "motdepasse-solide-42";

function signIn(form: Record<string, string>, address = "127.0.0.1") {
  return settle(action({ ...actionArgs(postRequest("/connexion", form)), context: { clientAddress: address } }));
}

describe("/connexion loader", () => {
  test("anonymous: the form, with a same-site redirectTo kept and any other dropped", async () => {
    const ok = await settle(loader(loaderArgs(getRequest("/connexion?redirectTo=%2Fcompte%2Fprofil"))));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ title: "Se connecter", redirectTo: "/compte/profil" });
    for (const evil of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const response = await settle(loader(loaderArgs(getRequest(`/connexion?${new URLSearchParams({ redirectTo: evil })}`))));
      expect((await response.json()).redirectTo).toBe("");
    }
  });

  test("a signed-in person is sent to their account", async () => {
    const user = await insertUser(db);
    const response = await settle(loader(loaderArgs(getRequest("/connexion", { cookie: await sessionCookieFor(user.id) }))));
    expect(response.headers.get("Location")).toBe("/compte");
  });
});

describe("/connexion action", () => {
  test("the right email and password start a session, in the person's language, and go where they were going", async () => {
    const user = await insertUser(db, { email: "nadia@example.org", locale: "en" });
    const response = await signIn({ email: " Nadia@Example.ORG ", password: PASSWORD, redirectTo: "/compte/profil" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte/profil");
    expect((await readSessionUser(getRequest("/", { cookie: sessionFrom(response) })))?.id).toBe(user.id);
    expect(await localeSetBy(response)).toBe("en");
    expect(await flashSetBy(response)).toBe("auth:flash.signedIn");
  });

  test("redirectTo to another site is ignored", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    for (const redirectTo of ["https://evil.example/", "//evil.example/x", ""]) {
      const response = await signIn({ email: "nadia@example.org", password: PASSWORD, redirectTo });
      expect(response.headers.get("Location")).toBe("/");
    }
  });

  test("wrong password, unknown email, account without password: one generic answer, password never echoed", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    await insertUser(db, { email: "links-only@example.org", password: null });
    const answers = [];
    for (const email of ["nadia@example.org", "nobody@example.org", "links-only@example.org"]) {
      const response = await signIn({ email, password: "wrong-password-123" });
      expect(response.status).toBe(400);
      expect(setCookies(response).labo_session).toBeUndefined();
      const body = await response.json();
      expect(body.values.password).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain("wrong-password-123");
      answers.push({ ...body, values: { ...body.values, email: "…" } });
    }
    expect(answers[0]).toEqual({ errors: { form: "auth:signIn.invalid" }, values: { email: "…" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  test("bad input: 400 with field errors and the email kept", async () => {
    const response = await signIn({ email: "pas-une-adresse", password: "" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { email: "validation.email", password: "validation.required" }, values: { email: "pas-une-adresse" } });
  });

  test("hostile input: 10 000 characters, HTML and SQL are a 400, never a 500", async () => {
    const long = "x".repeat(10_000);
    expect((await signIn({ email: long, password: long })).status).toBe(400);
    expect((await signIn({ email: "' or 1=1 --@example.org", password: "' or '1'='1" })).status).toBe(400);
    expect((await signIn({ email: "<script>@example.org", password: "<b>x</b>" })).status).toBe(400);
  });

  test("after 5 wrong passwords for an account: 429, even with the right one, and the email is kept", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const { points } = RATE_LIMITS.signInFailure.account;
    for (let i = 0; i < points; i++) expect((await signIn({ email: "nadia@example.org", password: `wrong-${i}` }, `10.0.0.${i}`)).status).toBe(400);
    const response = await signIn({ email: "nadia@example.org", password: PASSWORD }, "10.0.1.1");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ errors: { form: "auth:signIn.tooMany" }, values: { email: "nadia@example.org" } });
  });

  test("after 20 failures from one client address: 429 for any account from there, not from elsewhere", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    const { points } = RATE_LIMITS.signInFailure.address;
    for (let i = 0; i < points; i++) await signIn({ email: `guess${i}@example.org`, password: "wrong-password" }, "203.0.113.50");
    expect((await signIn({ email: "nadia@example.org", password: PASSWORD }, "203.0.113.50")).status).toBe(429);
    expect((await signIn({ email: "nadia@example.org", password: PASSWORD }, "203.0.113.51")).status).toBe(302);
  });

  test("the limit looks the same for an unknown email", async () => {
    const { points } = RATE_LIMITS.signInFailure.account;
    for (let i = 0; i < points; i++) await signIn({ email: "nobody@example.org", password: "wrong-password" }, `10.0.2.${i}`);
    expect((await signIn({ email: "nobody@example.org", password: "wrong-password" }, "10.0.3.1")).status).toBe(429);
  });

  test("successful sign-ins are not counted", async () => {
    await insertUser(db, { email: "nadia@example.org" });
    for (let i = 0; i < RATE_LIMITS.signInFailure.account.points + 2; i++) expect((await signIn({ email: "nadia@example.org", password: PASSWORD })).status).toBe(302);
  });

  test("a signed-in person posting it is sent to their account", async () => {
    const user = await insertUser(db);
    const response = await settle(action(actionArgs(postRequest("/connexion", { email: user.email, password: PASSWORD }, { cookie: await sessionCookieFor(user.id) }))));
    expect(response.headers.get("Location")).toBe("/compte");
  });
});
