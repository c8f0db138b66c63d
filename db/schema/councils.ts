import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { proposals } from "./proposals.ts";
import { ambitions, quartiers } from "./referential.ts";

/**
 * A conseil citoyen (loi n°2014-173, art. 7). One per quartier prioritaire by default, seeded from the
 * referential, but one council may cover several quartiers (`council_quartiers`). `code` is the code of
 * the quartier it was seeded from, so `/conseils-citoyens/QP062019` reads naturally.
 */
export const councils = pgTable("councils", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** How to join: the réunion publique, the tirage au sort among volunteers, whom to ask. Plain French. */
  howToJoin: text("how_to_join").notNull().default(""),
  /** Where and how often it meets, in words ("le premier mardi du mois, maison de quartier…"). */
  meetingPattern: text("meeting_pattern").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which quartiers a council covers: a quartier has exactly one council. */
export const councilQuartiers = pgTable(
  "council_quartiers",
  {
    quartierCode: text("quartier_code")
      .primaryKey()
      .references(() => quartiers.code, { onDelete: "cascade" }),
    councilCode: text("council_code")
      .notNull()
      .references(() => councils.code, { onDelete: "cascade" }),
  },
  (t) => [index("council_quartiers_council_idx").on(t.councilCode)],
);

/** The two collèges of the law: residents (drawn by lot, parity) and associations and local actors. */
export const COUNCIL_COLLEGES = ["residents", "actors"] as const;
export type CouncilCollege = (typeof COUNCIL_COLLEGES)[number];

/**
 * A member of a council. A member may have no account (the collège is a public list); a member with an
 * account acts for this council only (the `council_member` role of the viewer comes from these rows).
 * `listed`: the person agreed to appear on the public page (name, collège, organisation; never a contact).
 * Leaving keeps the row (`left_at`) so the audit trail and past carries still name who acted.
 */
export const councilMembers = pgTable(
  "council_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilCode: text("council_code")
      .notNull()
      .references(() => councils.code, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    college: text("college").$type<CouncilCollege>().notNull(),
    /** For the actors' collège: the association or structure the member comes from. */
    organisation: text("organisation").notNull().default(""),
    listed: boolean("listed").notNull().default(false),
    addedById: text("added_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    index("council_members_council_idx").on(t.councilCode, t.college, t.displayName),
    // One current membership per account and council.
    uniqueIndex("council_members_current_user_unique").on(t.councilCode, t.userId).where(sql`${t.userId} is not null and ${t.leftAt} is null`),
    index("council_members_user_idx").on(t.userId).where(sql`${t.leftAt} is null`),
  ],
);

/** A council's own meetings (public): date, place, and afterwards a short public summary. */
export const councilMeetings = pgTable(
  "council_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilCode: text("council_code")
      .notNull()
      .references(() => councils.code, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    summary: text("summary").notNull().default(""),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("council_meetings_council_idx").on(t.councilCode, t.startsAt.desc())],
);

/** `carried`: the council carries it to the GTP (with a public statement); `followed`: it keeps an eye on it. */
export const COUNCIL_PROPOSAL_TIES = ["carried", "followed"] as const;
export type CouncilProposalTie = (typeof COUNCIL_PROPOSAL_TIES)[number];

/** The proposals a council carries or follows: its tracking board reads these rows. */
export const councilProposals = pgTable(
  "council_proposals",
  {
    councilCode: text("council_code")
      .notNull()
      .references(() => councils.code, { onDelete: "cascade" }),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    tie: text("tie").$type<CouncilProposalTie>().notNull(),
    /** Why the council carries it (public, shown on the proposal's timeline); empty for a follow. */
    statement: text("statement").notNull().default(""),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.councilCode, t.proposalId] }),
    // A proposal is carried by one council at most.
    uniqueIndex("council_proposals_carried_unique").on(t.proposalId).where(sql`${t.tie} = 'carried'`),
    index("council_proposals_proposal_idx").on(t.proposalId),
  ],
);

/** Where an interpellation comes from: a conseil citoyen, or a member of the réseau des acteurs. */
export const INTERPELLATION_SOURCES = ["council", "actor_network"] as const;
export type InterpellationSource = (typeof INTERPELLATION_SOURCES)[number];
/** A question (asks for information) or a request (asks for something to be done); not a proposal. */
export const INTERPELLATION_KINDS = ["question", "request"] as const;
export type InterpellationKind = (typeof INTERPELLATION_KINDS)[number];

/**
 * A question or a request addressed to the GTP. It enters the GTP's queue on the day it is sent and is
 * owed a public answer under the same droit de suite as a qualified proposal (same deadline setting).
 */
export const interpellations = pgTable(
  "interpellations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    source: text("source").$type<InterpellationSource>().notNull(),
    councilCode: text("council_code").references(() => councils.code, { onDelete: "set null" }),
    /** For the réseau des acteurs: the organisation the sender speaks for (public). */
    organisation: text("organisation").notNull().default(""),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<InterpellationKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    ambitionNumber: integer("ambition_number").references(() => ambitions.number),
    quartierCode: text("quartier_code").references(() => quartiers.code),
    /** The GTP's public answer (droit de suite). */
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredById: text("answered_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The GTP's queue: those still waiting for an answer, oldest first.
    index("interpellations_waiting_idx").on(t.createdAt, t.id).where(sql`${t.answeredAt} is null and ${t.hiddenAt} is null`),
    index("interpellations_council_idx").on(t.councilCode, t.createdAt.desc()),
    index("interpellations_author_idx").on(t.authorId, t.createdAt.desc()),
  ],
);
