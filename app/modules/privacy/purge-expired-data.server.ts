import { and, inArray, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import { env } from "#app/env.server.ts";
import type { Db } from "#db/client.ts";
import { every, type ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { auditLog, authTokens, emailOutbox, laboCaptures, laboRegistrations, laboSessions, rateLimits, sessions } from "#db/schema/index.ts";

const DAY = 24 * 60 * 60 * 1000;
/** What the privacy notice (/confidentialite) promises; change both together. */
export const RETENTION = {
  emailsDays: 365,
  auditDays: 365,
  rateLimitCountersHours: 24,
  usedTokensDays: 7,
  /** After a rendez-vous du Labo: its registrants' names and contacts, and those left with captures. */
  laboPersonalDataMonths: env.LABO_PERSONAL_DATA_MONTHS,
} as const;

function monthsBefore(date: Date, months: number) {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Deletes what we promised not to keep. Safe to run at any time, on any number of instances. */
export async function purgeExpiredData(db: Db, now = new Date(), retention: { laboPersonalDataMonths: number } = RETENTION) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return db.transaction(async (tx) => {
    // A message still to be delivered is kept, however old: the dispatcher holds it.
    const emails = await tx
      .delete(emailOutbox)
      .where(and(lt(emailOutbox.createdAt, ago(RETENTION.emailsDays * DAY)), notInArray(emailOutbox.status, ["pending", "sending"])))
      .returning({ id: emailOutbox.id });
    const audit = await tx.delete(auditLog).where(lt(auditLog.createdAt, ago(RETENTION.auditDays * DAY))).returning({ id: auditLog.id });
    const counters = await tx
      .delete(rateLimits)
      // Limits' windows are at most RETENTION.rateLimitCountersHours long: an expired counter is useless.
      .where(lt(rateLimits.expire, now))
      .returning({ key: rateLimits.key });
    const tokens = await tx
      .delete(authTokens)
      .where(or(lt(authTokens.expiresAt, ago(RETENTION.usedTokensDays * DAY)), lt(authTokens.usedAt, ago(RETENTION.usedTokensDays * DAY))))
      .returning({ id: authTokens.id });
    const expiredSessions = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    // Rendez-vous du Labo: who registered and who left a contact is erased; rows, counts and texts stay.
    const laboDone = await tx
      .update(laboSessions)
      .set({ personalDataPurgedAt: now })
      .where(and(isNull(laboSessions.personalDataPurgedAt), lt(sql`coalesce(${laboSessions.endsAt}, ${laboSessions.startsAt})`, monthsBefore(now, retention.laboPersonalDataMonths).toISOString())))
      .returning({ id: laboSessions.id });
    const laboIds = laboDone.map((s) => s.id);
    if (laboIds.length) {
      await tx.update(laboRegistrations).set({ name: null, email: null, phone: null, cancelTokenHash: null }).where(inArray(laboRegistrations.sessionId, laboIds));
      await tx.update(laboCaptures).set({ participantName: null, participantContact: null }).where(inArray(laboCaptures.sessionId, laboIds));
    }
    return { emails: emails.length, audit: audit.length, counters: counters.length, tokens: tokens.length, sessions: expiredSessions.length, laboSessions: laboIds.length };
  });
}

/** The purge, daily, once across all app instances (app/modules/jobs). */
export const purgeJob: ScheduledJob = { name: "purge-expired-data", next: every(DAY), run: (db, now) => purgeExpiredData(db, now) };
