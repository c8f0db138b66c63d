import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { quartiers } from "./referential.ts";

/** What can be reported and moderated. `profile` is a users.id; the others are uuids of their tables. */
export const MODERATION_SUBJECT_TYPES = ["proposal", "contribution", "profile", "labo_capture"] as const;
export type ModerationSubjectType = (typeof MODERATION_SUBJECT_TYPES)[number];

export const REPORT_REASONS = ["spam", "harassment", "discrimination", "personal_data", "off_topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** One report per person per item (unique), kept after the decision so the reporter can be told the outcome. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").$type<ModerationSubjectType>().notNull(),
    subjectId: text("subject_id").notNull(),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").$type<ReportReason>().notNull(),
    details: text("details"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the reporter was told the outcome. */
    reporterNotifiedAt: timestamp("reporter_notified_at", { withTimezone: true }),
  },
  (t) => [
    unique("reports_one_per_person").on(t.subjectType, t.subjectId, t.reporterId),
    index("reports_case_idx").on(t.caseId, t.createdAt),
    index("reports_reporter_idx").on(t.reporterId, t.createdAt),
  ],
);

/** Why a case was opened: reports, the automatic hide at the threshold, or pre-moderation of a first proposal. */
export const MODERATION_TRIGGERS = ["reports", "premoderation"] as const;
export type ModerationTrigger = (typeof MODERATION_TRIGGERS)[number];
/**
 * pending: waits for a moderator (possibly already hidden automatically);
 * hidden / restored / dismissed: decided; contested: the author contests a hiding, waits for another moderator.
 */
export const MODERATION_CASE_STATUSES = ["pending", "hidden", "restored", "dismissed", "contested"] as const;
export type ModerationCaseStatus = (typeof MODERATION_CASE_STATUSES)[number];

/**
 * One case per moderated item: the queue is the cases that wait. Decisions are also written to audit_log
 * (who, when, what, why) in the same transaction.
 */
export const moderationCases = pgTable(
  "moderation_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: text("subject_type").$type<ModerationSubjectType>().notNull(),
    subjectId: text("subject_id").notNull(),
    /** The item's author (denormalised for the queue and for "cannot moderate own content"). */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The item's quartier, for the queue's filter. */
    quartierCode: text("quartier_code").references(() => quartiers.code, { onDelete: "set null" }),
    trigger: text("trigger").$type<ModerationTrigger>().notNull().default("reports"),
    status: text("status").$type<ModerationCaseStatus>().notNull().default("pending"),
    reportCount: integer("report_count").notNull().default(0),
    /** Reports received after the decision: shown to moderators, they do not reopen the case. */
    reportsSinceDecision: integer("reports_since_decision").notNull().default(0),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    autoHiddenAt: timestamp("auto_hidden_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The reason shown publicly when hidden (a REPORT_REASONS value). */
    hideReason: text("hide_reason").$type<ReportReason>(),
    /** The moderator's note to the author. */
    decisionNote: text("decision_note"),
    contestedAt: timestamp("contested_at", { withTimezone: true }),
    contestText: text("contest_text"),
    contestDecidedAt: timestamp("contest_decided_at", { withTimezone: true }),
    contestDecidedById: text("contest_decided_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("moderation_cases_subject_unique").on(t.subjectType, t.subjectId),
    index("moderation_cases_queue_idx").on(t.status, t.openedAt),
    index("moderation_cases_author_idx").on(t.authorId, t.openedAt),
    index("moderation_cases_decided_idx").on(t.decidedAt),
  ],
);

/** Warnings sent to authors by moderators (also in audit_log). */
export const moderationWarnings = pgTable(
  "moderation_warnings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => moderationCases.id, { onDelete: "set null" }),
    moderatorId: text("moderator_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("moderation_warnings_user_idx").on(t.userId, t.createdAt)],
);

/** Every version of the charter a person accepted. */
export const charterAcceptances = pgTable(
  "charter_acceptances",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("charter_acceptances_unique").on(t.userId, t.version)],
);

/**
 * Administrator settings that are not part of the referential (moderation thresholds, pre-moderation…).
 * Read through app/modules/platform/settings.server.ts, which knows each key's type and default.
 */
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedById: text("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
