import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { every, type ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { emailableRecipients, sendReminderEmail } from "./registration-emails.server.ts";

const HOUR = 3600_000;
/**
 * "The day before": a reminder is due once the session is less than 36 hours away, and no later than
 * 12 hours before it (a job run missed overnight still reminds in the morning). People who registered
 * (or got their seat) after the window opened just had their confirmation and get no reminder.
 */
export const REMINDER_WINDOW = { opensHoursBefore: 36, closesHoursBefore: 12 } as const;
const EVERY_MS = 10 * 60_000;

/**
 * Sends the reminders that are due. Each registration is claimed with one atomic update
 * (`reminder_sent_at` set only where it is still null) before its email is built, so a restart, a second
 * run or a second app instance never sends it twice. The email is queued: the outbox retries its delivery.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<{ sent: number }> {
  const opens = new Date(now.getTime() + REMINDER_WINDOW.opensHoursBefore * HOUR);
  const closes = new Date(now.getTime() + REMINDER_WINDOW.closesHoursBefore * HOUR);
  const due = await db
    .select({ id: laboRegistrations.id, sessionId: laboRegistrations.sessionId })
    .from(laboRegistrations)
    .innerJoin(laboSessions, eq(laboSessions.id, laboRegistrations.sessionId))
    .where(
      and(
        eq(laboRegistrations.status, "confirmed"),
        isNull(laboRegistrations.reminderSentAt),
        sql`${laboSessions.status} in ('announced', 'full')`,
        gt(laboSessions.startsAt, closes),
        lte(laboSessions.startsAt, opens),
        sql`coalesce(${laboRegistrations.promotedAt}, ${laboRegistrations.createdAt}) <= ${laboSessions.startsAt} - interval '${sql.raw(String(REMINDER_WINDOW.opensHoursBefore))} hours'`,
      ),
    );
  let sent = 0;
  for (const candidate of due) {
    const [claimed] = await db
      .update(laboRegistrations)
      .set({ reminderSentAt: now })
      .where(and(eq(laboRegistrations.id, candidate.id), isNull(laboRegistrations.reminderSentAt)))
      .returning({ id: laboRegistrations.id });
    if (!claimed) continue; // another run took it
    const [session] = await db.select().from(laboSessions).where(eq(laboSessions.id, candidate.sessionId));
    const [recipient] = await emailableRecipients({ sessionId: candidate.sessionId, registrationIds: [candidate.id] }, db);
    // Phone-only registrants: claimed all the same, there is nothing to send them.
    if (!session || !recipient) continue;
    const result = await sendReminderEmail(session, recipient);
    if (result.status === "queued") sent += 1;
  }
  return { sent };
}

/** The reminder run, every 10 minutes, once across all app instances (app/modules/jobs). */
export const reminderJob: ScheduledJob = { name: "labo-reminders", next: every(EVERY_MS), run: (db, now) => sendDueReminders(db, now) };
