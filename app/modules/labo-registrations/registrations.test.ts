import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { emailOutbox, laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { cancelRegistration } from "./cancel-registration.server.ts";
import { fillFreeSeats } from "./fill-free-seats.server.ts";
import { registerForSession, type Registrant } from "./register-for-session.server.ts";
import { GuestRegistrationSchema } from "./registration.schema.ts";
import { notifyRegistrantsOfChange } from "./registration-emails.server.ts";

const guest = (n: number, extra: Partial<Extract<Registrant, { kind: "guest" }>> = {}): Registrant => ({
  kind: "guest",
  name: `Invité ${n}`,
  email: `invite${n}@example.org`,
  phone: null,
  isNewcomer: false,
  ...extra,
});
const register = (sessionId: string, registrant: Registrant, locale = "fr") => registerForSession({ sessionId, registrant, locale });
const statusOf = async (sessionId: string) => (await db.select({ status: laboSessions.status }).from(laboSessions).where(eq(laboSessions.id, sessionId)))[0]!.status;
const registrations = (sessionId: string) => db.select().from(laboRegistrations).where(eq(laboRegistrations.sessionId, sessionId));
/** The cancel token from the last registration email to `to`. */
async function cancelTokenFor(to: string) {
  const last = (await emailsTo(to)).at(-1)!;
  return last.text.match(/\/labo\/inscription\/([A-Za-z0-9_-]{43})/)![1]!;
}

describe("registering", () => {
  test("~30 concurrent sign-ups for 10 seats: exactly 10 confirmed, the rest waitlisted, the session full", async () => {
    const { session } = await insertLaboSession(db, { capacity: 10 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => register(session.id, guest(i))));
    expect(results.every((r) => r.status === "registered")).toBe(true);
    const rows = await registrations(session.id);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(20);
    expect(await statusOf(session.id)).toBe("full");
  });

  test("a guest is confirmed with consent recorded, and emailed a confirmation with the cancel link and an .ics", async () => {
    const { session } = await insertLaboSession(db, { title: "Se déplacer sans voiture", capacity: 5 });
    const result = await register(session.id, guest(1, { isNewcomer: true, phone: "06 12 34 56 78" }));
    expect(result).toMatchObject({ status: "registered", placement: "confirmed", emailed: true });
    const [row] = await registrations(session.id);
    expect(row).toMatchObject({ name: "Invité 1", email: "invite1@example.org", phone: "06 12 34 56 78", isNewcomer: true, status: "confirmed", source: "online" });
    expect(row!.consentAt).toBeInstanceOf(Date);
    expect(row!.cancelTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [mail] = await emailsTo("invite1@example.org");
    expect(mail!.subject).toBe("Votre inscription est confirmée : Se déplacer sans voiture");
    expect(mail!.text).toContain("Bonjour Invité 1,");
    expect(mail!.text).toContain("Salle des fêtes, Place de la République, 62210 Avion");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/labo\/inscription\/[A-Za-z0-9_-]{43}/);
    expect(mail!.attachments).toHaveLength(1);
    const ics = Buffer.from(mail!.attachments![0]!.content, "base64").toString("utf8");
    expect(mail!.attachments![0]!.filename).toBe("rendez-vous-du-labo.ics");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("SUMMARY:Se déplacer sans voiture");
    expect(ics).toContain(`UID:labo-session-${session.id}@labo-participation`);
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(ics).toContain(`DTSTART:${stamp(session.startsAt)}`);
    expect(ics).toContain(`DTEND:${stamp(session.endsAt!)}`);
  });

  test("a signed-in person registers with one click; the email goes to the account's address, in its language", async () => {
    const { session } = await insertLaboSession(db);
    const user = await insertUser(db, { password: null, locale: "en", displayName: "Sam" });
    expect(await register(session.id, { kind: "user", userId: user.id })).toMatchObject({ status: "registered", placement: "confirmed" });
    const [mail] = await emailsTo(user.email);
    expect(mail!.subject).toMatch(/^Your registration is confirmed/);
    expect(mail!.text).toContain("Hello Sam,");
  });

  test("no duplicates: the same account, the same email in other case, the same phone typed differently", async () => {
    const { session } = await insertLaboSession(db);
    const user = await insertUser(db, { password: null });
    await register(session.id, { kind: "user", userId: user.id });
    expect(await register(session.id, { kind: "user", userId: user.id })).toEqual({ status: "already", placement: "confirmed" });
    await register(session.id, guest(1));
    expect(await register(session.id, guest(2, { email: "INVITE1@example.org" }))).toEqual({ status: "already", placement: "confirmed" });
    await register(session.id, guest(3, { email: null, phone: "06 12 34 56 78" }));
    expect(await register(session.id, guest(4, { email: null, phone: "06.12.34.56.78" }))).toEqual({ status: "already", placement: "confirmed" });
    expect(await registrations(session.id)).toHaveLength(3);
  });

  test("a phone-only guest is registered and gets no email", async () => {
    const { session } = await insertLaboSession(db);
    expect(await register(session.id, guest(1, { email: null, phone: "0612345678" }))).toMatchObject({ status: "registered", emailed: false });
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  test("draft, cancelled and past sessions refuse registrations", async () => {
    const draft = (await insertLaboSession(db, { status: "draft" })).session;
    const cancelled = (await insertLaboSession(db, { status: "cancelled" })).session;
    const past = (await insertLaboSession(db, { startsAt: new Date(Date.now() - 3600_000) })).session;
    expect(await register(draft.id, guest(1))).toEqual({ status: "unavailable", reason: "draft" });
    expect(await register(cancelled.id, guest(1))).toEqual({ status: "unavailable", reason: "cancelled" });
    expect(await register(past.id, guest(1))).toEqual({ status: "unavailable", reason: "past" });
    expect(await db.select().from(laboRegistrations)).toHaveLength(0);
  });
});

describe("the guest form's schema", () => {
  const base = { name: "Nadia", email: "nadia@example.org", phone: "", consent: "on" };
  test("consent is required", () => {
    const result = GuestRegistrationSchema.safeParse({ ...base, consent: undefined });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["consent", "laboRegistrations:validation.consentRequired"]]);
  });
  test("an email or a phone number is required; a malformed one is refused", () => {
    const none = GuestRegistrationSchema.safeParse({ ...base, email: "" });
    expect(none.error!.issues.map((i) => i.message)).toEqual(["laboRegistrations:validation.contactRequired"]);
    expect(GuestRegistrationSchema.safeParse({ ...base, email: "", phone: "12" }).error!.issues.map((i) => i.message)).toContain("laboRegistrations:validation.phone");
    expect(GuestRegistrationSchema.safeParse({ ...base, email: "pas-un-email" }).success).toBe(false);
    expect(GuestRegistrationSchema.parse({ ...base, email: "", phone: "+33 6 12 34 56 78", isNewcomer: "on" })).toMatchObject({ email: null, phone: "+33 6 12 34 56 78", isNewcomer: true, consent: true });
  });
});

describe("cancelling", () => {
  test("the link from the email cancels; the oldest waitlisted person gets the seat and an email", async () => {
    const { session } = await insertLaboSession(db, { capacity: 2, title: "Petit atelier" });
    for (const n of [1, 2, 3, 4]) await register(session.id, guest(n));
    expect(await statusOf(session.id)).toBe("full");
    const token = await cancelTokenFor("invite1@example.org");
    const result = await cancelRegistration({ token });
    expect(result).toMatchObject({ status: "cancelled", promoted: [expect.any(String)] });
    const rows = await registrations(session.id);
    const by = (email: string) => rows.find((r) => r.email === email)!;
    expect(by("invite1@example.org")).toMatchObject({ status: "cancelled", cancelledAt: expect.any(Date) });
    expect(by("invite3@example.org")).toMatchObject({ status: "confirmed", promotedAt: expect.any(Date) });
    expect(by("invite4@example.org").status).toBe("waitlisted");
    expect(await statusOf(session.id)).toBe("full");
    const promotion = (await emailsTo("invite3@example.org")).at(-1)!;
    expect(promotion.template).toBe("labo-promoted");
    expect(promotion.subject).toBe("Une place s'est libérée pour vous : Petit atelier");
    expect(promotion.attachments).toHaveLength(1);
    // The link works once: the page then says it is already cancelled.
    expect(await cancelRegistration({ token })).toEqual({ status: "alreadyCancelled" });
  });

  test("with nobody waiting, a full session opens again; a signed-in person cancels without a link", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1 });
    const user = await insertUser(db, { password: null });
    await register(session.id, { kind: "user", userId: user.id });
    expect(await statusOf(session.id)).toBe("full");
    expect(await cancelRegistration({ sessionId: session.id, userId: user.id })).toMatchObject({ status: "cancelled", promoted: [] });
    expect(await statusOf(session.id)).toBe("announced");
    // Registering again after cancelling is allowed.
    expect(await register(session.id, { kind: "user", userId: user.id })).toMatchObject({ status: "registered", placement: "confirmed" });
  });

  test("an unknown or malformed token finds nothing; leaving the waiting list promotes no one", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1 });
    await register(session.id, guest(1));
    await register(session.id, guest(2));
    expect(await cancelRegistration({ token: "nope" })).toEqual({ status: "notFound" });
    expect(await cancelRegistration({ token: "A".repeat(43) })).toEqual({ status: "notFound" });
    expect(await cancelRegistration({ token: await cancelTokenFor("invite2@example.org") })).toMatchObject({ status: "cancelled", promoted: [] });
    expect((await registrations(session.id)).find((r) => r.email === "invite1@example.org")!.status).toBe("confirmed");
  });
});

describe("notifyRegistrantsOfChange", () => {
  test("emails every live registrant with an address (accounts at theirs), with the new .ics when changed", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1, title: "Rendez-vous déplacé" });
    const user = await insertUser(db, { password: null });
    await register(session.id, { kind: "user", userId: user.id });
    await register(session.id, guest(1)); // waitlisted
    await register(session.id, guest(2, { email: null, phone: "0612345678" }));
    await register(session.id, guest(3));
    await cancelRegistration({ token: await cancelTokenFor("invite3@example.org") });
    await db.delete(emailOutbox);

    expect(await notifyRegistrantsOfChange(session.id, "changed")).toEqual({ notified: 2 });
    const changed = await db.select().from(emailOutbox);
    expect(changed.map((m) => m.to).sort()).toEqual([user.email, "invite1@example.org"].sort());
    expect(changed[0]!.subject).toBe("Le rendez-vous a changé : Rendez-vous déplacé");
    expect(changed[0]!.attachments).toHaveLength(1);

    await db.delete(emailOutbox);
    await db.update(laboSessions).set({ status: "cancelled", cancellationReason: "La salle est indisponible." }).where(eq(laboSessions.id, session.id));
    expect(await notifyRegistrantsOfChange(session.id, "cancelled")).toEqual({ notified: 2 });
    const [cancelled] = await emailsTo("invite1@example.org");
    expect(cancelled!.subject).toBe("Rendez-vous annulé : Rendez-vous déplacé");
    expect(cancelled!.text).toContain("La salle est indisponible.");
    expect(cancelled!.attachments).toBeNull();
  });
});

describe("fillFreeSeats (after the capacity of a session is raised)", () => {
  test("gives the new seats to the waiting list, oldest first, emails them, and opens or fills the session", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1 });
    for (const n of [1, 2, 3, 4]) await register(session.id, guest(n));
    await db.update(laboSessions).set({ capacity: 3 }).where(eq(laboSessions.id, session.id));
    expect(await fillFreeSeats(session.id)).toEqual({ promoted: 2 });
    const rows = await registrations(session.id);
    expect(rows.filter((r) => r.status === "confirmed").map((r) => r.email).sort()).toEqual(["invite1@example.org", "invite2@example.org", "invite3@example.org"]);
    expect((await emailsTo("invite2@example.org")).at(-1)!.template).toBe("labo-promoted");
    expect((await emailsTo("invite4@example.org")).at(-1)!.template).toBe("labo-registration");
    expect(await statusOf(session.id)).toBe("full");

    await db.update(laboSessions).set({ capacity: 10 }).where(eq(laboSessions.id, session.id));
    expect(await fillFreeSeats(session.id)).toEqual({ promoted: 1 });
    expect(await statusOf(session.id)).toBe("announced");
  });
});
