import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { laboSessions } from "./labo.ts";
import { proposals } from "./proposals.ts";
import { governanceBodies } from "./referential.ts";

/** Public members of a governance body (name and institution only: never a contact). */
export const governanceMembers = pgTable(
  "governance_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyKey: text("body_key")
      .notNull()
      .references(() => governanceBodies.key, { onDelete: "cascade" }),
    name: text("name").notNull(),
    institution: text("institution").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("governance_members_body_idx").on(t.bodyKey, t.position)],
);

/** planned → held (it took place) → published (its relevé de décisions is public). */
export const MEETING_STATUSES = ["planned", "held", "published"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const governanceMeetings = pgTable(
  "governance_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyKey: text("body_key")
      .notNull()
      .references(() => governanceBodies.key),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    status: text("status").$type<MeetingStatus>().notNull().default("planned"),
    /** The relevé's introduction, written for residents. */
    summary: text("summary").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("governance_meetings_body_starts_idx").on(t.bodyKey, t.startsAt.desc()), index("governance_meetings_status_starts_idx").on(t.status, t.startsAt)],
);

/** The partners and services that instruct proposals for the GTP (a list kept by coordinators). */
export const instructingPartners = pgTable("instructing_partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const FEASIBILITIES = ["feasible", "conditional", "not_feasible"] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];
export const COST_RANGES = ["none", "under_10k", "10k_100k", "over_100k"] as const;
export type CostRange = (typeof COST_RANGES)[number];

/**
 * The GTP's instruction of a qualified proposal: who instructs it and their analysis. `publicAnalysis`
 * and `existingMeans` are shown on the proposal's page; `internalNotes` only to coordinators.
 */
export const proposalReviews = pgTable(
  "proposal_reviews",
  {
    proposalId: uuid("proposal_id")
      .primaryKey()
      .references(() => proposals.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id").references(() => instructingPartners.id, { onDelete: "set null" }),
    feasibility: text("feasibility").$type<Feasibility>(),
    costRange: text("cost_range").$type<CostRange>(),
    existingMeans: text("existing_means").notNull().default(""),
    publicAnalysis: text("public_analysis").notNull().default(""),
    internalNotes: text("internal_notes").notNull().default(""),
    updatedById: text("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_reviews_partner_idx").on(t.partnerId)],
);

export const AGENDA_ITEM_KINDS = ["proposal", "labo_followup", "free"] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/**
 * One line of a meeting's agenda: a proposal put forward by the GTP, a follow-up from a rendez-vous du
 * Labo's minutes, or a free item. After the meeting it carries the decision and its public reasons.
 */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    kind: text("kind").$type<AgendaItemKind>().notNull(),
    proposalId: uuid("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
    laboSessionId: uuid("labo_session_id").references(() => laboSessions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    decision: text("decision").$type<"retained" | "partly_retained" | "not_retained" | "postponed">(),
    publicReasons: text("public_reasons"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agenda_items_meeting_idx").on(t.meetingId, t.position),
    index("agenda_items_proposal_idx").on(t.proposalId),
    uniqueIndex("agenda_items_meeting_proposal_unique").on(t.meetingId, t.proposalId),
  ],
);

/** A published decision is never edited silently: a correction adds a visible, dated note. */
export const decisionCorrections = pgTable(
  "decision_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_corrections_item_idx").on(t.agendaItemId, t.createdAt)],
);

export type FunderShare = { name: string; amountEur: number };

/** How a retained proposal is carried out: who is in charge, and the funded action if there is one. */
export const proposalFollowups = pgTable("proposal_followups", {
  proposalId: uuid("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  bodyInCharge: text("body_in_charge").notNull(),
  /** The funded action (as in the yearly programmation table): its porteur, amount and funders' shares. */
  actionTitle: text("action_title"),
  porteur: text("porteur"),
  amountEur: integer("amount_eur"),
  funders: jsonb("funders").$type<FunderShare[]>().notNull().default(sql`'[]'::jsonb`),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const followupMilestones = pgTable(
  "followup_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references((): AnyPgColumn => proposalFollowups.proposalId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("followup_milestones_proposal_idx").on(t.proposalId, t.dueOn)],
);
