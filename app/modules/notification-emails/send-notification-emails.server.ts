/**
 * « Immédiatement »: each new notice of a category on that rhythm leaves as its own email within seconds
 * of the fan-out. One select per batch reads the notices with everything their emails need; each email is
 * queued and its notice stamped in that same transaction, so a notice is emailed once (and the outbox's
 * dedupe key `notification:<id>` makes a replay harmless).
 */
import { sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { every, type ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { noticeDescriber, preferencesUrl } from "./notice-email-content.server.ts";
import { LOOK_BACK_MS, rowsOf, selectNotices, stampEmailed, type NoticeRow } from "./notice-selection.server.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.server.ts";

export const IMMEDIATE_BATCH = 50;
/** Batches per run: a backlog drains over a few runs rather than holding one run for long. */
const BATCHES_PER_RUN = 20;

export type ImmediateResult = { emailed: number; toldElsewhere: number };

/** Emails one batch of immediate notices, oldest first; the rows are locked so two runs never share one. */
export async function sendImmediateNotificationBatch(db: Db, { now = new Date(), batch = IMMEDIATE_BATCH }: { now?: Date; batch?: number } = {}): Promise<ImmediateResult & { selected: number }> {
  const describe = noticeDescriber();
  return db.transaction(async (tx) => {
    const rows = await rowsOf<NoticeRow>(
      tx,
      selectNotices({
        rhythm: "immediate",
        now,
        since: new Date(now.getTime() - LOOK_BACK_MS.immediate),
        // Notices are stamped with the database's clock; a little slack keeps one from waiting a run.
        until: new Date(now.getTime() + 60_000),
        tail: sql`order by n.created_at, n.id limit ${batch} for update of n skip locked`,
      }),
    );
    const stamped: string[] = [];
    let emailed = 0;
    let toldElsewhere = 0;
    for (const row of rows) {
      // The author's step email, the registrants' email or the moderation decision already told them.
      if (row.toldByOwnEmail || row.toldByModeration) {
        stamped.push(row.id);
        toldElsewhere += 1;
        continue;
      }
      const notice = await describe(row);
      const unsubscribe = unsubscribeUrl(row.userId, row.category);
      try {
        // A savepoint: one message that cannot be written leaves the others of the batch going.
        await tx.transaction((savepoint) =>
          queueEmail(
            {
              to: row.email,
              locale: notice.lang,
              template: "notification",
              data: { displayName: row.displayName, sentence: notice.sentence, detail: notice.detail, why: notice.why, url: notice.url, unsubscribeUrl: unsubscribe, preferencesUrl: preferencesUrl() },
              headers: unsubscribeHeaders(unsubscribe),
              dedupeKey: `notification:${row.id}`,
            },
            { tx: savepoint },
          ),
        );
      } catch (error) {
        // Left unstamped: tried again at the next run, until its look-back window closes.
        console.error(`The email of notification ${row.id} could not be queued:`, error);
        continue;
      }
      stamped.push(row.id);
      emailed += 1;
    }
    await stampEmailed(tx, stamped, now);
    return { emailed, toldElsewhere, selected: rows.length };
  });
}

/** Every pending immediate notice, batch after batch (up to a bound per run). Tests call it directly. */
export async function sendImmediateNotificationEmails(db: Db, { now = new Date(), batch = IMMEDIATE_BATCH }: { now?: Date; batch?: number } = {}): Promise<ImmediateResult> {
  const total: ImmediateResult = { emailed: 0, toldElsewhere: 0 };
  for (let i = 0; i < BATCHES_PER_RUN; i++) {
    const { selected, ...done } = await sendImmediateNotificationBatch(db, { now, batch });
    total.emailed += done.emailed;
    total.toldElsewhere += done.toldElsewhere;
    if (selected < batch) break;
  }
  return total;
}

/** Every 5 seconds, once across all app instances, after the fan-out has made the notices. */
export const notificationEmailJob: ScheduledJob = { name: "notification-emails", next: every(5_000), run: (db, now) => sendImmediateNotificationEmails(db, { now }) };
