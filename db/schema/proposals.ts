import { sql } from "drizzle-orm";
import { type AnyPgColumn, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { laboCaptures, laboSessions } from "./labo.ts";
import { ambitions, communes, quartiers, transversalAxes } from "./referential.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The whole life of a proposal. The first steps are reached by residents and supports; the later ones
 * by the GTP / COPIL secretariat (coordinators). `decided` carries a `decision`.
 */
export const PROPOSAL_STATUSES = [
  "draft",
  "published",
  "qualified",
  "under_review",
  "on_copil_agenda",
  "decided",
  "in_progress",
  "done",
  "withdrawn",
  // The GTP answered it directly (already done, in progress elsewhere, outside the contract).
  "answered",
  // Merged by the GTP into a similar proposal, which carries its supports and followers on.
  "merged",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_DECISIONS = ["retained", "partly_retained", "not_retained", "postponed"] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];
/** How a qualified proposal got its public answer (droit de suite). */
export const ANSWER_KINDS = ["copil_decision", "already_done", "in_progress_elsewhere", "outside_contract"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
/** Who carries it: a resident, a rendez-vous du Labo, a conseil citoyen, or a member of the réseau des acteurs. */
export const PROPOSAL_ORIGINS = ["resident", "labo_session", "conseil_citoyen", "actor_network"] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    ambitionNumber: integer("ambition_number")
      .notNull()
      .references(() => ambitions.number),
    quartierCode: text("quartier_code").references(() => quartiers.code),
    communeSlug: text("commune_slug").references(() => communes.slug),
    placeDescription: text("place_description"),
    status: text("status").$type<ProposalStatus>().notNull().default("draft"),
    decision: text("decision").$type<ProposalDecision>(),
    origin: text("origin").$type<ProposalOrigin>().notNull().default("resident"),
    originLaboSessionId: uuid("origin_labo_session_id").references(() => laboSessions.id, { onDelete: "set null" }),
    originQuartierCode: text("origin_quartier_code").references(() => quartiers.code),
    /** The idea captured at a rendez-vous du Labo that this proposal comes from. */
    originCaptureId: uuid("origin_capture_id").references(() => laboCaptures.id, { onDelete: "set null" }),
    // Exact counters, updated in the same transaction as the rows they count.
    supportCount: integer("support_count").notNull().default(0),
    contributionCount: integer("contribution_count").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    qualifiedAt: timestamp("qualified_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    /** When it got its public answer (a direct answer or a published COPIL decision): the droit de suite is kept. */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answerKind: text("answer_kind").$type<AnswerKind>(),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => proposals.id, { onDelete: "set null" }),
    /** Bumped by every governance step: a form sent with an older one was overtaken by another coordinator. */
    governanceVersion: integer("governance_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('french', coalesce(body, '')), 'B')`,
    ),
  },
  (t) => [
    // Public lists never show drafts: every list index covers published_at ordering with id as tie-breaker.
    index("proposals_recent_idx").on(t.publishedAt.desc(), t.id.desc()),
    index("proposals_ambition_recent_idx").on(t.ambitionNumber, t.publishedAt.desc(), t.id.desc()),
    index("proposals_quartier_recent_idx").on(t.quartierCode, t.publishedAt.desc(), t.id.desc()),
    index("proposals_commune_recent_idx").on(t.communeSlug, t.publishedAt.desc(), t.id.desc()),
    index("proposals_supported_idx").on(t.supportCount.desc(), t.id.desc()),
    index("proposals_ambition_supported_idx").on(t.ambitionNumber, t.supportCount.desc(), t.id.desc()),
    index("proposals_discussed_idx").on(t.contributionCount.desc(), t.id.desc()),
    index("proposals_origin_session_idx").on(t.originLaboSessionId),
    index("proposals_status_idx").on(t.status),
    index("proposals_author_idx").on(t.authorId, t.createdAt.desc()),
    index("proposals_search_idx").using("gin", t.search),
    // Counts per filter on the public list (finding): an index-only scan over the public rows, instead
    // of reading the whole table. Its WHERE is the public condition, written the same way by the queries.
    index("proposals_public_facets_idx")
      .on(t.ambitionNumber, t.status, t.origin, t.quartierCode, t.communeSlug)
      .where(sql`${t.status} <> 'draft' and ${t.hiddenAt} is null and ${t.publishedAt} is not null`),
    // Droit de suite counters and the GTP queue: only the qualified proposals that still count (a small
    // part of the table). The WHERE is the "counted" rule of app/modules/governance/answer-deadline.ts.
    index("proposals_due_idx")
      .on(t.qualifiedAt, t.answeredAt)
      .where(sql`${t.qualifiedAt} is not null and ${t.hiddenAt} is null and ${t.status} not in ('withdrawn', 'merged')`),
    index("proposals_ambition_due_idx")
      .on(t.ambitionNumber, t.qualifiedAt, t.answeredAt)
      .where(sql`${t.qualifiedAt} is not null and ${t.hiddenAt} is null and ${t.status} not in ('withdrawn', 'merged')`),
    // The GTP's queue: qualified, counted, not answered and not on an agenda (a decided proposal without an
    // answer is one the COPIL postponed). Its count and its pages read this index alone.
    index("proposals_gtp_queue_idx")
      .on(t.qualifiedAt, t.id)
      .where(sql`${t.qualifiedAt} is not null and ${t.hiddenAt} is null and ${t.answeredAt} is null and ${t.status} in ('qualified', 'under_review', 'decided')`),
    index("proposals_quartier_due_idx")
      .on(t.quartierCode, t.qualifiedAt, t.answeredAt)
      .where(sql`${t.qualifiedAt} is not null and ${t.hiddenAt} is null and ${t.status} not in ('withdrawn', 'merged')`),
  ],
);

export const proposalAmbitions = pgTable(
  "proposal_ambitions",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    ambitionNumber: integer("ambition_number")
      .notNull()
      .references(() => ambitions.number),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.ambitionNumber] }), index("proposal_ambitions_ambition_idx").on(t.ambitionNumber)],
);

export const proposalAxes = pgTable(
  "proposal_axes",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    axisKey: text("axis_key")
      .notNull()
      .references(() => transversalAxes.key),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.axisKey] })],
);

export const PROPOSAL_EVENT_KINDS = [
  "created",
  "published",
  "edited",
  "updated", // the author added an update after the first support
  "qualified",
  // A conseil citoyen carries it (payload: councilCode, councilName, statement).
  "carried",
  "withdrawn",
  "under_review",
  "on_copil_agenda",
  "decided",
  "in_progress",
  "done",
  // Governance steps (GTP, COPIL, follow-up): one row per step, read by the timeline and by notifications.
  "answered",
  "merged",
  "merged_in",
  "decision_corrected",
  "milestone_added",
  "milestone_reached",
  "progress",
] as const;
export type ProposalEventKind = (typeof PROPOSAL_EVENT_KINDS)[number];

/** The timeline shown on a proposal's page: every change of state, with who and when. */
export const proposalEvents = pgTable(
  "proposal_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ProposalEventKind>().notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_events_proposal_idx").on(t.proposalId, t.createdAt)],
);

export const supports = pgTable(
  "supports",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("supports_user_idx").on(t.userId, t.createdAt.desc())],
);

export const proposalFollows = pgTable(
  "proposal_follows",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("proposal_follows_user_idx").on(t.userId, t.createdAt.desc())],
);

export const CONTRIBUTION_STANCES = ["for", "against", "question", "testimony"] as const;
export type ContributionStance = (typeof CONTRIBUTION_STANCES)[number];

export const contributions = pgTable(
  "contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    // Replies go one level deep: a reply's parent is always a top-level contribution.
    parentId: uuid("parent_id").references((): AnyPgColumn => contributions.id, { onDelete: "cascade" }),
    stance: text("stance").$type<ContributionStance>(),
    body: text("body").notNull(),
    usefulCount: integer("useful_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [
    index("contributions_proposal_idx").on(t.proposalId, t.createdAt),
    index("contributions_proposal_useful_idx").on(t.proposalId, t.usefulCount.desc(), t.createdAt),
    index("contributions_parent_idx").on(t.parentId),
    index("contributions_author_idx").on(t.authorId, t.createdAt.desc()),
  ],
);

export const contributionUsefulMarks = pgTable(
  "contribution_useful_marks",
  {
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.userId] })],
);
