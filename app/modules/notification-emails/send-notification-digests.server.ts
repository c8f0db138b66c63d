/**
 * « Un résumé par jour / par semaine »: at 07:00 Paris time (Mondays for the weekly one), one email per
 * person with the notices of their categories on that rhythm made before the slot, grouped by proposal,
 * then the rest; the notices are stamped in the transaction that queues the digest. Batched: one query
 * picks the next recipients, one reads all their notices; no query per recipient.
 */
import { sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import type { ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import type { NotificationDigestData } from "#emails/notification-digest.tsx";
import { latestDigestSlot, nextDigestSlot, type DigestRhythm } from "./digest-schedule.ts";
import { centreUrl, noticeDescriber, preferencesUrl } from "./notice-email-content.server.ts";
import { LOOK_BACK_MS, rowsOf, selectNotices, stampEmailed, type NoticeRow } from "./notice-selection.server.ts";
import { digestScope, unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.server.ts";

export const DIGEST_USERS_PER_BATCH = 100;

// The steps of a proposal's life, and its hiding and restoring, are grouped under its title.
const PROPOSAL_KINDS = new Set(["proposal_step", "proposal_hidden", "proposal_restored"]);

export type DigestResult = { digests: number; notices: number };

/** Builds one person's digest from their notices (oldest first). */
async function digestOf(rows: NoticeRow[], rhythm: DigestRhythm, describe: ReturnType<typeof noticeDescriber>) {
  const proposals = new Map<string, NotificationDigestData["proposals"][number]>();
  const others: NotificationDigestData["others"] = [];
  for (const row of rows) {
    const notice = await describe(row);
    if (row.proposalId && PROPOSAL_KINDS.has(row.kind)) {
      const group = proposals.get(row.proposalId);
      if (group) group.changes.push(notice.change);
      else proposals.set(row.proposalId, { title: row.proposalTitle ?? "", url: `${appUrl}${proposalPath(row.proposalId)}`, why: notice.why, changes: [notice.change] });
    } else {
      others.push({ sentence: notice.sentence, url: notice.url });
    }
  }
  const first = rows[0]!;
  const unsubscribe = unsubscribeUrl(first.userId, digestScope(rhythm));
  const data: NotificationDigestData = {
    displayName: first.displayName,
    rhythm,
    proposals: [...proposals.values()],
    others,
    centreUrl: centreUrl(),
    unsubscribeUrl: unsubscribe,
    preferencesUrl: preferencesUrl(),
  };
  return { data, unsubscribe };
}

/** Sends the digests of the slot `now` falls in (the last 07:00 passed), to every person who has news. */
export async function sendNotificationDigests(db: Db, rhythm: DigestRhythm, { now = new Date(), usersPerBatch = DIGEST_USERS_PER_BATCH }: { now?: Date; usersPerBatch?: number } = {}): Promise<DigestResult> {
  const slot = latestDigestSlot(rhythm, now);
  const since = new Date(slot.at.getTime() - LOOK_BACK_MS[rhythm]);
  const describe = noticeDescriber();
  const total: DigestResult = { digests: 0, notices: 0 };
  let after = "";
  for (;;) {
    // The next people with notices not yet emailed in the window (the partial index on unemailed notices
    // serves it in user order); whether their rhythm fits is the next query's business.
    const users = await rowsOf<{ userId: string }>(
      db,
      sql`select distinct user_id as "userId" from notifications
           where emailed_at is null and user_id > ${after}
             and created_at >= ${since.toISOString()}::timestamptz and created_at < ${slot.at.toISOString()}::timestamptz
           order by user_id limit ${usersPerBatch}`,
    );
    if (!users.length) break;
    after = users.at(-1)!.userId;
    const rows = await rowsOf<NoticeRow>(
      db,
      selectNotices({
        rhythm,
        now,
        since,
        until: slot.at,
        scope: sql`and n.user_id in (${sql.join(users.map((u) => sql`${u.userId}`), sql`, `)})`,
        tail: sql`order by n.user_id, n.created_at, n.id`,
      }),
    );
    const byUser = new Map<string, NoticeRow[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    for (const [userId, notices] of byUser) {
      // A moderation decision has its own email, always sent: it is not told again.
      const shown = notices.filter((row) => !row.toldByModeration);
      const sent = await db.transaction(async (tx) => {
        if (shown.length) {
          const { data, unsubscribe } = await digestOf(shown, rhythm, describe);
          const queued = await queueEmail(
            { to: shown[0]!.email, locale: shown[0]!.locale, template: "notification-digest", data, headers: unsubscribeHeaders(unsubscribe), dedupeKey: `digest:${userId}:${rhythm}:${slot.date}` },
            { tx },
          );
          // Already sent for this slot: these notices were not in it, they wait for the next one.
          if (queued.status === "duplicate") return false;
        }
        await stampEmailed(tx, notices.map((row) => row.id), now);
        return shown.length > 0;
      });
      if (sent) {
        total.digests += 1;
        total.notices += shown.length;
      }
    }
    if (users.length < usersPerBatch) break;
  }
  return total;
}

const digestJob = (rhythm: DigestRhythm): ScheduledJob => ({
  name: `notification-digest-${rhythm}`,
  next: (now) => nextDigestSlot(rhythm, now),
  run: (db, now) => sendNotificationDigests(db, rhythm, { now }),
});

/** Every day at 07:00 Paris time. */
export const dailyDigestJob = digestJob("daily");
/** Mondays at 07:00 Paris time. */
export const weeklyDigestJob = digestJob("weekly");
