import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { emailOutbox, laboRegistrations } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as cancelLoader, action as cancelAction } from "./labo.inscription.$token.tsx";
import { action, loader } from "./labo.$id_.inscription.tsx";

const page = (id: string) => `/labo/${id}/inscription`;
const post = (id: string, form: Record<string, string>, cookie?: string) => settle(action(actionArgs(postRequest(page(id), form, { cookie }), { id })));
const open = (id: string, query = "", cookie?: string) => settle(loader(loaderArgs(getRequest(page(id) + query, { cookie }), { id })));
const guest = { name: "Nadia", email: "nadia@example.org", phone: "", isNewcomer: "on", consent: "on" };

describe("registration page, without an account", () => {
  test("shows the session in words and the seats left; registering redirects to the thank-you state", async () => {
    const { session } = await insertLaboSession(db, { title: "Bus et horaires", capacity: 3 });
    const data = await (await open(session.id)).json();
    expect(data).toMatchObject({ title: "S'inscrire : Bus et horaires", availability: "open", seatsLeft: 3, signedIn: false, done: null, retentionMonths: 6 });
    expect(data.session.place).toBe("Salle des fêtes, Place de la République, 62210 Avion");
    expect(data.session.when).toMatch(/^[a-z]+ \d{1,2} [a-zéû]+ \d{4}/);

    const response = await post(session.id, guest);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${page(session.id)}?fait=confirmed`);
    const [row] = await db.select().from(laboRegistrations);
    expect(row).toMatchObject({ name: "Nadia", email: "nadia@example.org", isNewcomer: true, status: "confirmed" });
    expect((await (await open(session.id, "?fait=confirmed")).json()).done).toEqual({ outcome: "confirmed", emailed: true });
  });

  test("errors come back with what was typed, and nothing is stored", async () => {
    const { session } = await insertLaboSession(db);
    const response = await post(session.id, { name: "Nadia", email: "", phone: "", isNewcomer: "on" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ email: "laboRegistrations:validation.contactRequired", consent: "laboRegistrations:validation.consentRequired" });
    expect(body.values).toMatchObject({ name: "Nadia", isNewcomer: "on" });
    expect(await db.select().from(laboRegistrations)).toHaveLength(0);
  });

  test("phone only: registered, told that no email will come", async () => {
    const { session } = await insertLaboSession(db);
    const response = await post(session.id, { ...guest, email: "", phone: "06 12 34 56 78" });
    expect(response.headers.get("Location")).toBe(`${page(session.id)}?fait=confirmed&contact=telephone`);
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  test("the same person twice gets a friendly answer and no duplicate; a honeypot stores nothing", async () => {
    const { session } = await insertLaboSession(db);
    await post(session.id, guest);
    expect((await post(session.id, { ...guest, email: "NADIA@example.org" })).headers.get("Location")).toBe(`${page(session.id)}?fait=already`);
    expect((await post(session.id, { ...guest, email: "robot@example.org", website: "http://spam.example" })).status).toBe(302);
    expect(await db.select().from(laboRegistrations)).toHaveLength(1);
  });

  test("a past or cancelled session says so with 409, and refuses registrations", async () => {
    const past = (await insertLaboSession(db, { startsAt: new Date(Date.now() - 86_400_000) })).session;
    const cancelled = (await insertLaboSession(db, { status: "cancelled" })).session;
    expect((await open(past.id)).status).toBe(409);
    expect(await (await open(cancelled.id)).json()).toMatchObject({ availability: "cancelled" });
    const refused = await post(past.id, guest);
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors).toEqual({ form: "laboRegistrations:closed.past" });
    expect(await db.select().from(laboRegistrations)).toHaveLength(0);
  });

  test("too many registrations from one address: 429, what was typed kept", async () => {
    const { session } = await insertLaboSession(db, { capacity: 100 });
    for (let n = 0; n < 40; n++) await post(session.id, { ...guest, email: `p${n}@example.org` });
    const refused = await post(session.id, { ...guest, email: "one.more@example.org" });
    expect(refused.status).toBe(429);
    expect((await refused.json()).values).toMatchObject({ email: "one.more@example.org" });
  });
});

describe("registration page, signed in", () => {
  test("one click registers (no fields), the page then shows the registration and cancels it", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1 });
    const user = await insertUser(db, { password: null });
    const cookie = await sessionCookieFor(user.id);
    const registered = await post(session.id, {}, cookie);
    expect(registered.headers.get("Location")).toBe(page(session.id));
    expect(await flashSetBy(registered)).toBe("laboRegistrations:flash.registered");
    expect(await (await open(session.id, "", cookie)).json()).toMatchObject({ signedIn: true, mine: "confirmed", seatsLeft: 0 });
    expect(await flashSetBy(await post(session.id, {}, cookie))).toBe("laboRegistrations:flash.already");

    const cancelled = await post(session.id, { intent: "cancel" }, cookie);
    expect(await flashSetBy(cancelled)).toBe("laboRegistrations:flash.cancelled");
    expect(await (await open(session.id, "", cookie)).json()).toMatchObject({ mine: null, seatsLeft: 1 });
  });
});

describe("the cancel link", () => {
  test("shows what will be cancelled without changing anything, cancels on the button, then says so", async () => {
    const { session } = await insertLaboSession(db, { title: "Jeunes et emploi" });
    await post(session.id, guest);
    const [mail] = await emailsTo("nadia@example.org");
    const link = new URL(mail!.text.match(/http:\/\/localhost:3000\/labo\/inscription\/\S+/)![0]).pathname;
    const token = link.split("/").at(-1)!;
    const shown = await settle(cancelLoader(loaderArgs(getRequest(link), { token })));
    expect(shown.headers.get("Cache-Control")).toBe("no-store");
    expect(await shown.json()).toMatchObject({ found: { state: "confirmed", name: "Nadia", session: { title: "Jeunes et emploi" } } });
    expect((await db.select().from(laboRegistrations))[0]!.status).toBe("confirmed");

    const done = await settle(cancelAction(actionArgs(postRequest(link, {}), { token })));
    expect(done.headers.get("Location")).toBe(link);
    expect((await db.select().from(laboRegistrations).where(eq(laboRegistrations.sessionId, session.id)))[0]!.status).toBe("cancelled");
    expect(await (await settle(cancelLoader(loaderArgs(getRequest(link), { token })))).json()).toMatchObject({ found: { state: "cancelled" } });
  });

  test("an unknown token: 404 with an explanation", async () => {
    const response = await settle(cancelLoader(loaderArgs(getRequest("/labo/inscription/x"), { token: "x" })));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ title: "Ce lien ne marche pas", found: null });
  });
});
