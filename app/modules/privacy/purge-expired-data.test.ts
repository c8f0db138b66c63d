import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, emailOutbox, rateLimits, sessions } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { purgeExpiredData } from "./purge-expired-data.server.ts";

const DAY = 86_400_000;

test("deletes old emails, old audit entries, stale counters and expired sessions, and keeps the rest", async () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const old = new Date(now.getTime() - 400 * DAY);
  const recent = new Date(now.getTime() - 10 * DAY);
  const user = await insertUser(db);
  const email = { to: "a@example.org", subject: "s", template: "t", html: "h", text: "t", provider: "outbox" };
  await db.insert(emailOutbox).values([{ ...email, createdAt: old }, { ...email, subject: "kept", createdAt: recent }]);
  await db.insert(auditLog).values([
    { action: "x", subjectType: "t", subjectId: "1", createdAt: old },
    { action: "kept", subjectType: "t", subjectId: "2", createdAt: recent },
  ]);
  await db.insert(rateLimits).values([
    { key: "old", points: 3, expire: new Date(now.getTime() - DAY) },
    { key: "live", points: 1, expire: new Date(now.getTime() + 60_000) },
  ]);
  await db.insert(sessions).values([
    { id: "expired", userId: user.id, expiresAt: new Date(now.getTime() - 1000) },
    { id: "live", userId: user.id, expiresAt: new Date(now.getTime() + DAY) },
  ]);

  const purged = await purgeExpiredData(db, now);

  expect(purged).toMatchObject({ emails: 1, audit: 1, counters: 1, sessions: 1 });
  expect((await db.select().from(emailOutbox)).map((e) => e.subject)).toEqual(["kept"]);
  expect((await db.select().from(auditLog)).map((e) => e.action)).toEqual(["kept"]);
  expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual(["live"]);
  expect(await db.select().from(sessions).where(eq(sessions.id, "live"))).toHaveLength(1);
  expect(await db.select().from(sessions).where(eq(sessions.id, "expired"))).toHaveLength(0);
});

test("never deletes an old message still waiting to be delivered, and deletes old failed ones", async () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const old = new Date(now.getTime() - 400 * DAY);
  const email = { to: "a@example.org", subject: "s", template: "t", html: "h", text: "t", provider: "resend", createdAt: old };
  await db.insert(emailOutbox).values([
    { ...email, subject: "pending", status: "pending" },
    { ...email, subject: "sending", status: "sending" },
    { ...email, subject: "failed", status: "failed" },
    { ...email, subject: "sent", status: "sent" },
  ]);
  expect(await purgeExpiredData(db, now)).toMatchObject({ emails: 2 });
  expect((await db.select().from(emailOutbox)).map((e) => e.subject).sort()).toEqual(["pending", "sending"]);
});

test("erases the names and contacts of a rendez-vous du Labo once its retention period has passed, and keeps its counts", async () => {
  const { laboCaptures, laboRegistrations, laboSessions } = await import("#db/schema/index.ts");
  const { insertLaboSession } = await import("#tests/factories/labo-sessions.ts");
  const now = new Date("2026-06-01T12:00:00Z");
  const old = (await insertLaboSession(db, { startsAt: new Date("2025-11-20T17:00:00Z"), endsAt: new Date("2025-11-20T19:00:00Z"), status: "held" })).session;
  const recent = (await insertLaboSession(db, { startsAt: new Date("2026-03-10T17:00:00Z"), endsAt: new Date("2026-03-10T19:00:00Z"), status: "held" })).session;
  const person = { name: "Nadia", email: "nadia@example.org", phone: "0612345678", status: "confirmed" as const, cancelTokenHash: null, consentAt: now };
  await db.insert(laboRegistrations).values([
    { ...person, sessionId: old.id, cancelTokenHash: "a".repeat(64) },
    { ...person, sessionId: old.id, status: "cancelled", email: "karim@example.org" },
    { ...person, sessionId: recent.id },
  ]);
  const capture = { clientId: "c1", kind: "idea" as const, body: "Un bus le dimanche.", participantName: "Nadia", participantContact: "0612345678", consentAt: now };
  await db.insert(laboCaptures).values([
    { ...capture, sessionId: old.id },
    { ...capture, sessionId: recent.id },
  ]);

  // Six months by default; the old session ended more than six months before `now`, the recent one not.
  // (The seeded history of past rendez-vous is older still: it is marked purged too, having nothing to erase.)
  await purgeExpiredData(db, now, { laboPersonalDataMonths: 6 });

  const registrations = await db.select().from(laboRegistrations);
  const ofOld = registrations.filter((r) => r.sessionId === old.id);
  expect(ofOld).toHaveLength(2);
  expect(ofOld.every((r) => r.name === null && r.email === null && r.phone === null && r.cancelTokenHash === null)).toBe(true);
  expect(ofOld.map((r) => r.status).sort()).toEqual(["cancelled", "confirmed"]);
  expect(registrations.find((r) => r.sessionId === recent.id)).toMatchObject({ name: "Nadia", email: "nadia@example.org" });
  const captures = await db.select().from(laboCaptures);
  expect(captures.find((c) => c.sessionId === old.id)).toMatchObject({ participantName: null, participantContact: null, body: "Un bus le dimanche." });
  expect(captures.find((c) => c.sessionId === recent.id)).toMatchObject({ participantName: "Nadia" });
  const sessionsAfter = await db.select().from(laboSessions);
  expect(sessionsAfter.find((s) => s.id === old.id)!.personalDataPurgedAt).toEqual(now);
  expect(sessionsAfter.find((s) => s.id === recent.id)!.personalDataPurgedAt).toBeNull();

  // A shorter period (LABO_PERSONAL_DATA_MONTHS=2) reaches the recent one too; the others are not touched again.
  expect(await purgeExpiredData(db, now, { laboPersonalDataMonths: 2 })).toMatchObject({ laboSessions: 1 });
  expect((await db.select().from(laboRegistrations)).every((r) => r.email === null)).toBe(true);
});
