import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { emailOutbox, laboRegistrations } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { registerForSession } from "./register-for-session.server.ts";
import { sendDueReminders } from "./send-reminders.server.ts";

const HOUR = 3600_000;
const guest = (n: number) => ({ kind: "guest" as const, name: `Invité ${n}`, email: `invite${n}@example.org`, phone: null, isNewcomer: false });

/** A session `hoursAway` from `now`, with people registered three days before it. */
async function sessionWithRegistrants(now: Date, hoursAway: number, count: number, capacity = 10) {
  const { session } = await insertLaboSession(db, { startsAt: new Date(now.getTime() + hoursAway * HOUR), capacity });
  for (let n = 0; n < count; n++) await registerForSession({ sessionId: session.id, registrant: guest(n + hoursAway * 100), locale: "fr", now: new Date(now.getTime() - 48 * HOUR) });
  await db.delete(emailOutbox); // the confirmations
  return session;
}

const reminders = () => db.select().from(emailOutbox).where(eq(emailOutbox.template, "labo-reminder"));

test("the day before, each confirmed registrant gets one reminder, even when the job runs twice at once and again later", async () => {
  const now = new Date(Date.now() + 5 * 24 * HOUR);
  const session = await sessionWithRegistrants(now, 30, 3, 2); // 2 confirmed, 1 waitlisted
  const [first, second] = await Promise.all([sendDueReminders(db, now), sendDueReminders(db, now)]);
  expect(first!.sent + second!.sent).toBe(2);
  expect(await sendDueReminders(db, new Date(now.getTime() + 10 * 60_000))).toEqual({ sent: 0 });
  const sent = await reminders();
  expect(sent.map((m) => m.to).sort()).toEqual(["invite3000@example.org", "invite3001@example.org"]);
  expect(sent[0]!.subject).toBe(`C'est demain : ${session.title}`);
  const rows = await db.select().from(laboRegistrations).where(eq(laboRegistrations.sessionId, session.id));
  expect(rows.filter((r) => r.reminderSentAt !== null)).toHaveLength(2);
});

test("nothing is sent too early, too late, or to someone who registered once the window was open", async () => {
  const now = new Date(Date.now() + 5 * 24 * HOUR);
  await sessionWithRegistrants(now, 40, 1); // more than 36 h away
  await sessionWithRegistrants(now, 6, 1); // less than 12 h away
  const { session } = await insertLaboSession(db, { startsAt: new Date(now.getTime() + 30 * HOUR) });
  await registerForSession({ sessionId: session.id, registrant: guest(999), locale: "fr", now: new Date(now.getTime() - HOUR) });
  expect(await sendDueReminders(db, now)).toEqual({ sent: 0 });
  expect(await reminders()).toHaveLength(0);
});
