import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { Resend } from "resend";
import type { Db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { every, type ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { maskAddresses } from "./mask-email.ts";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
/** After this many failed tries a message is `failed`: it waits for an administrator (/admin/courriels). */
export const MAX_ATTEMPTS = 8;
/**
 * A claimed message may be claimed again once its lease is over (its dispatcher died). The lease outlasts
 * the slowest batch: BATCH messages, CONCURRENCY at a time, each cut off after SEND_TIMEOUT_MS (5 × 10 s).
 */
export const LEASE_MS = 60 * SECOND;
export const SEND_TIMEOUT_MS = 10 * SECOND;
/** Per tick of the job (every 5 s), at the rate Resend allows (EMAIL_SEND_PER_SECOND, 2 by default). */
const BATCH = env.EMAIL_SEND_PER_SECOND * 5;
// Five rounds per batch whatever the rate, so a batch always ends within its lease (5 × SEND_TIMEOUT_MS).
const CONCURRENCY = env.EMAIL_SEND_PER_SECOND;

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type SendOutcome =
  | { kind: "sent"; providerId: string }
  /** `counts: false`: the provider asked us to slow down; that try is not held against the message. */
  | { kind: "retry"; error: string; counts: boolean; retryAfterMs?: number }
  | { kind: "give_up"; error: string };

/** 30 s, 1 min, 2 min… doubling up to 6 h, plus up to 10 % so that messages failed together spread out. */
export function backoffMs(attempts: number, random = Math.random) {
  const base = Math.min(30 * SECOND * 2 ** Math.max(attempts - 1, 0), 6 * HOUR);
  return Math.round(base * (1 + 0.1 * random()));
}

/**
 * Claims up to `batch` due messages (or, with `ids`, those of them that are due): pending ones whose time
 * has come, and claimed ones whose dispatcher let the lease lapse. Rows another dispatcher is claiming are
 * skipped, not waited for. Each claim counts as an attempt.
 */
export async function claimDueEmails(db: Db, { now, batch = BATCH, ids }: { now: Date; batch?: number; ids?: string[] }): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          inArray(emailOutbox.status, ["pending", "sending"]),
          lte(emailOutbox.nextAttemptAt, now),
          or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now)),
          ids ? inArray(emailOutbox.id, ids) : undefined,
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(emailOutbox)
      .set({ status: "sending", lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due.map((row) => row.id)))
      .returning();
  });
}

/**
 * Hands one claimed message to Resend. The outbox id is the idempotency key: if an earlier try was
 * accepted but its answer was lost (a timeout, a crash before the row was marked), Resend answers that
 * first send again instead of sending a second message. Never throws.
 */
export async function sendClaimedEmail(client: Resend, row: OutboxRow, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await client.emails.send(
      {
        from: env.EMAIL_FROM,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        ...(row.attachments ? { attachments: row.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
        ...(row.headers ? { headers: row.headers } : {}),
      },
      { idempotencyKey: row.id, signal },
    );
    if (!response.error) return { kind: "sent", providerId: response.data.id };
    // The client turns an abort into an ordinary "could not fetch" error: say what happened.
    if (signal.aborted) return { kind: "retry", error: `timeout: no answer within ${timeoutMs / SECOND} s`, counts: true };
    const { statusCode, name, message } = response.error;
    const error = `${name}${statusCode ? ` (${statusCode})` : ""}: ${message}`;
    if (statusCode === 429) {
      const retryAfter = Number(response.headers?.["retry-after"]);
      return { kind: "retry", error, counts: false, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * SECOND } : {}) };
    }
    // Refused as it stands (invalid address, unverified domain, wrong key): trying again cannot help.
    // 408 (timeout) and 409 (the same key still in progress) may pass later.
    if (statusCode && statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 409) return { kind: "give_up", error };
    return { kind: "retry", error, counts: true };
  } catch (cause) {
    return { kind: "retry", error: cause instanceof Error ? cause.message : String(cause), counts: true };
  }
}

/**
 * Records how a try went, only if the row is still ours: claimed, by this very claim (a row reclaimed
 * after our lease lapsed has more attempts). Returns the row's new status, or null when it was not ours.
 */
export async function recordOutcome(db: Db, row: OutboxRow, outcome: SendOutcome, now: Date): Promise<"sent" | "pending" | "failed" | null> {
  const ours = and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.attempts, row.attempts));
  if (outcome.kind === "sent") {
    const [marked] = await db.update(emailOutbox).set({ status: "sent", providerId: outcome.providerId, sentAt: now, lockedUntil: null }).where(ours).returning({ id: emailOutbox.id });
    return marked ? "sent" : null;
  }
  const error = maskAddresses(outcome.error).slice(0, 1000);
  const attempts = outcome.kind === "retry" && !outcome.counts ? row.attempts - 1 : row.attempts;
  const givesUp = outcome.kind === "give_up" || attempts >= MAX_ATTEMPTS;
  const waitMs = outcome.kind === "retry" && outcome.retryAfterMs ? outcome.retryAfterMs : backoffMs(Math.max(attempts, 1));
  const nextAttemptAt = new Date(now.getTime() + waitMs);
  const [marked] = await db
    .update(emailOutbox)
    .set(givesUp ? { status: "failed", error, attempts, lockedUntil: null } : { status: "pending", error, attempts, lockedUntil: null, nextAttemptAt })
    .where(ours)
    .returning({ id: emailOutbox.id });
  if (!marked) return null;
  // One line, the address masked: logs are read by more people than the administrators' page.
  console.error(`Email ${row.id} ("${row.template}"), attempt ${row.attempts}: ${error}; ${givesUp ? "given up" : `next try at ${nextAttemptAt.toISOString()}`}`);
  return givesUp ? "failed" : "pending";
}

export type DispatchOptions = {
  now?: Date;
  batch?: number;
  /** Only these messages (the one just queued). */
  ids?: string[];
  /** A client of one's own (tests point one at a local server); by default RESEND_API_KEY's, at RESEND_BASE_URL if set. */
  resend?: Resend;
  timeoutMs?: number;
  /** Messages in flight at once (default: from EMAIL_SEND_PER_SECOND). */
  concurrency?: number;
};

/**
 * Sends one batch of due messages: claims them in a short transaction, sends them outside it (a few at a
 * time), then marks each. Any number of dispatchers may run at once, in one process or many.
 */
export async function dispatchOutbox(db: Db, options: DispatchOptions = {}): Promise<{ claimed: number; sent: number; retried: number; failed: number }> {
  const result = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const client = options.resend ?? (env.RESEND_API_KEY ? new Resend(env.RESEND_API_KEY) : null);
  if (!client) return result;
  const now = options.now ?? new Date();
  const rows = await claimDueEmails(db, { now, batch: options.batch, ids: options.ids });
  result.claimed = rows.length;
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const status = await recordOutcome(db, row, await sendClaimedEmail(client, row, options.timeoutMs), now);
      if (status === "sent") result.sent += 1;
      else if (status === "failed") result.failed += 1;
      else if (status === "pending") result.retried += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? CONCURRENCY }, worker));
  return result;
}

/**
 * The outbox, every 5 s, once across all app instances: a batch of 5 × EMAIL_SEND_PER_SECOND per tick keeps
 * within Resend's rate (2 requests a second by default). Messages queued outside a transaction do not wait for it.
 */
export const outboxDispatchJob: ScheduledJob = { name: "email-outbox", next: every(5 * SECOND), run: (db, now) => dispatchOutbox(db, { now }) };
