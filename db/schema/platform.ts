import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";

/**
 * Who changed what, and why. Written in the same transaction as the change it records
 * (referential edits, role grants; moderation decisions later).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId, t.createdAt),
    index("audit_log_created_at_idx").on(t.createdAt),
  ],
);

/** Every email the app sends. Without RESEND_API_KEY this table is the delivery: the dev mailbox reads it. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    template: text("template").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** Files sent with the message (an .ics invitation), kept so the development mailbox can offer them. */
    attachments: jsonb("attachments").$type<{ filename: string; contentType: string; content: string }[]>(),
    provider: text("provider").notNull(),
    providerId: text("provider_id"),
    /** The last delivery error (kept after a later success, for the administrators' page). */
    error: text("error"),
    /** pending → sending → sent, or failed once the dispatcher gives up (an administrator can retry). */
    status: text("status").$type<EmailStatus>().notNull().default("sent"),
    attempts: integer("attempts").notNull().default(0),
    /** When a pending message may be tried (again); a claimed one is reclaimable after `locked_until`. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Makes enqueueing idempotent ("notification:<id>", "digest:<user>:<day>"): a second enqueue is a no-op. */
    dedupeKey: text("dedupe_key").unique(),
    /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
    headers: jsonb("headers").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_created_at_idx").on(t.createdAt),
    index("email_outbox_to_idx").on(t.to, t.createdAt),
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("email_outbox_failed_idx").on(t.createdAt).where(sql`${t.status} = 'failed'`),
  ],
);

export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Recurring work (outbox dispatch, reminders, purges, digests). Every instance ticks; an instance runs a
 * job only when its conditional update of `next_run_at` succeeds, so each slot runs once across all of them.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  lastError: text("last_error"),
  /** Which process claimed the last run (host:pid), for the operators. */
  lastRunBy: text("last_run_by"),
});
