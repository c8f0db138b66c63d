import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { laboSessions } from "./labo.ts";
import { interpellations } from "./councils.ts";
import { contributions, proposals } from "./proposals.ts";

/**
 * What happened that people may want to hear about. Written in the same transaction as the change; the
 * fan-out job turns each row into notifications afterwards, in the background, and stamps `fanned_out_at`.
 */
export const NOTIFICATION_EVENT_KINDS = [
  // A step of a proposal's life (payload: the proposal_events row's kind and payload).
  "proposal_step",
  "proposal_hidden",
  "proposal_restored",
  // A reply under a contribution (contribution_id: the reply).
  "contribution_reply",
  "labo_session_changed",
  "labo_session_cancelled",
  "labo_minutes_published",
  // The GTP answered a conseil citoyen's or an actor's interpellation (interpellation_id).
  "interpellation_answered",
] as const;
export type NotificationEventKind = (typeof NOTIFICATION_EVENT_KINDS)[number];

export const notificationEvents = pgTable(
  "notification_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<NotificationEventKind>().notNull(),
    proposalId: uuid("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
    contributionId: uuid("contribution_id").references(() => contributions.id, { onDelete: "cascade" }),
    laboSessionId: uuid("labo_session_id").references(() => laboSessions.id, { onDelete: "cascade" }),
    interpellationId: uuid("interpellation_id").references(() => interpellations.id, { onDelete: "cascade" }),
    /** Whoever made the change: never notified of their own action. */
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
  },
  (t) => [index("notification_events_pending_idx").on(t.createdAt).where(sql`${t.fannedOutAt} is null`)],
);

/**
 * The kinds a person chooses a rhythm for on /compte/notifications. One notification has one category:
 * the closest tie wins (author over supporter over follower).
 */
export const NOTIFICATION_CATEGORIES = ["own_proposal", "supported_proposal", "followed_proposal", "contribution_reply", "labo_session", "council"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const NOTIFICATION_FREQUENCIES = ["immediate", "daily", "weekly", "none"] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];
/** Why this person hears about it, said on the notice ("vous soutenez cette proposition"). */
export const NOTIFICATION_REASONS = ["author", "supporter", "follower", "contribution_author", "registrant", "council_member"] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => notificationEvents.id, { onDelete: "cascade" }),
    category: text("category").$type<NotificationCategory>().notNull(),
    reason: text("reason").$type<NotificationReason>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set when the notice left by email, alone (immediate) or in a digest; null: not yet, or never. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    // One notice per person per event, however many ties they have to it; the fan-out relies on it.
    uniqueIndex("notifications_user_event_unique").on(t.userId, t.eventId),
    index("notifications_user_idx").on(t.userId, t.createdAt.desc()),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_undigested_idx").on(t.userId, t.createdAt).where(sql`${t.emailedAt} is null`),
    // The email jobs look back a few days among notices not emailed yet; notices never emailed (« jamais »)
    // stay behind, so the window must be found by date, not by scanning them all.
    index("notifications_unemailed_recent_idx").on(t.createdAt).where(sql`${t.emailedAt} is null`),
  ],
);

/** A person's rhythm per category; no row means the category's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").$type<NotificationCategory>().notNull(),
    frequency: text("frequency").$type<NotificationFrequency>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
