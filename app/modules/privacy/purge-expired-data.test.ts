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
