import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { ambitions, communes, quartiers } from "./referential.ts";

export const LABO_SESSION_STATUSES = ["draft", "announced", "full", "held", "minutes_published", "cancelled"] as const;
export type LaboSessionStatus = (typeof LABO_SESSION_STATUSES)[number];

/**
 * A rendez-vous du Labo: a nomadic session in one commune, animated by ambassadors, with ateliers,
 * registrations, captures made on the day and the minutes published afterwards.
 * `full` is kept in step with the registrations (set when the last seat is taken, cleared on a cancellation).
 */
export const laboSessions = pgTable(
  "labo_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    theme: text("theme"),
    description: text("description"),
    communeSlug: text("commune_slug").references(() => communes.slug),
    placeName: text("place_name").notNull(),
    placeAddress: text("place_address"),
    /** How to get there (bus lines, parking). */
    accessInfo: text("access_info"),
    /** Step-free access, hearing loop, childcare… */
    accessibilityInfo: text("accessibility_info"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** Null for the seeded history; required (≥ 1) for sessions created in the app. */
    capacity: integer("capacity"),
    status: text("status").$type<LaboSessionStatus>().notNull().default("draft"),
    /** People present as reported by the minutes (for the seeded history: the known figure). */
    attendance: integer("attendance"),
    /** Newcomers as reported by the minutes (null when unknown). */
    newcomers: integer("newcomers"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancellationReason: text("cancellation_reason"),
    // The compte-rendu, written by an ambassador and published once.
    minutesSummary: text("minutes_summary"),
    minutesDecisions: text("minutes_decisions"),
    minutesOpinions: text("minutes_opinions"),
    minutesFollowUps: text("minutes_follow_ups"),
    minutesAuthorId: text("minutes_author_id").references(() => users.id, { onDelete: "set null" }),
    minutesPublishedAt: timestamp("minutes_published_at", { withTimezone: true }),
    /** When the registrants' personal data was erased (retention period after the session). */
    personalDataPurgedAt: timestamp("personal_data_purged_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("labo_sessions_starts_at_idx").on(t.startsAt),
    index("labo_sessions_commune_starts_idx").on(t.communeSlug, t.startsAt),
    index("labo_sessions_status_starts_idx").on(t.status, t.startsAt),
  ],
);

export const laboSessionAmbitions = pgTable(
  "labo_session_ambitions",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id, { onDelete: "cascade" }),
    ambitionNumber: integer("ambition_number")
      .notNull()
      .references(() => ambitions.number),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.ambitionNumber] }), index("labo_session_ambitions_ambition_idx").on(t.ambitionNumber, t.sessionId)],
);

/** The ambassadors (or coordinators) who animate a session. */
export const laboSessionAnimators = pgTable(
  "labo_session_animators",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("labo_session_animators_user_idx").on(t.userId)],
);

export const laboAteliers = pgTable(
  "labo_ateliers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    question: text("question").notNull(),
    /** The facilitator's public name (an ambassador, a partner, a resident). */
    facilitatorName: text("facilitator_name"),
  },
  (t) => [index("labo_ateliers_session_idx").on(t.sessionId, t.position)],
);

export const LABO_REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type LaboRegistrationStatus = (typeof LABO_REGISTRATION_STATUSES)[number];
/** online: from the session page; walk_in: added by an ambassador on the day. */
export const LABO_REGISTRATION_SOURCES = ["online", "walk_in"] as const;
export type LaboRegistrationSource = (typeof LABO_REGISTRATION_SOURCES)[number];

/**
 * A registration: a signed-in person (user_id), or a person without an account (name + email or phone,
 * with consent). Personal data (name, email, phone) is visible only to the session's ambassadors and
 * coordinators, and erased after the retention period (the row and its counts stay).
 */
export const laboRegistrations = pgTable(
  "labo_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    source: text("source").$type<LaboRegistrationSource>().notNull().default("online"),
    status: text("status").$type<LaboRegistrationStatus>().notNull(),
    /** First time at a rendez-vous du Labo (asked at registration or at check-in). */
    isNewcomer: boolean("is_newcomer").notNull().default(false),
    /** SHA-256 of the secret in the cancel link. */
    cancelTokenHash: text("cancel_token_hash").unique(),
    locale: text("locale").notNull().default("fr"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Claimed atomically by the reminder job, so a reminder is never sent twice. */
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("labo_registrations_session_idx").on(t.sessionId, t.status, t.createdAt),
    uniqueIndex("labo_registrations_user_unique").on(t.sessionId, t.userId).where(sql`${t.userId} is not null and ${t.status} <> 'cancelled'`),
    uniqueIndex("labo_registrations_email_unique").on(t.sessionId, sql`lower(${t.email})`).where(sql`${t.email} is not null and ${t.status} <> 'cancelled'`),
    index("labo_registrations_user_idx").on(t.userId),
  ],
);

export const LABO_CAPTURE_KINDS = ["idea", "opinion", "question", "testimony"] as const;
export type LaboCaptureKind = (typeof LABO_CAPTURE_KINDS)[number];

/**
 * What a participant said during a session, typed by an ambassador on their behalf. `client_id` is made by
 * the console when the capture is typed, so a capture re-sent after a network failure is stored once.
 * An idea turned into a Labo proposal is found by proposals.origin_capture_id.
 */
export const laboCaptures = pgTable(
  "labo_captures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id, { onDelete: "cascade" }),
    clientId: text("client_id").notNull(),
    atelierId: uuid("atelier_id").references(() => laboAteliers.id, { onDelete: "set null" }),
    kind: text("kind").$type<LaboCaptureKind>().notNull(),
    ambitionNumber: integer("ambition_number").references(() => ambitions.number),
    quartierCode: text("quartier_code").references(() => quartiers.code),
    body: text("body").notNull(),
    // Optional, with the participant's consent; erased with the registrations' data.
    participantName: text("participant_name"),
    participantContact: text("participant_contact"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    capturedById: text("captured_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Shown in the published minutes. */
    inMinutes: boolean("in_minutes").notNull().default(true),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("labo_captures_client_unique").on(t.sessionId, t.clientId),
    index("labo_captures_session_idx").on(t.sessionId, t.createdAt),
  ],
);
