import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { ambitions, communes, quartiers } from "./referential.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The three shelves of the Labo's toolbox (« espace ressource numérique commun »). */
export const TOOLBOX_KINDS = ["experience", "method", "actor"] as const;
export type ToolboxKind = (typeof TOOLBOX_KINDS)[number];
export const TOOLBOX_STATUSES = ["draft", "published"] as const;
export type ToolboxStatus = (typeof TOOLBOX_STATUSES)[number];

/**
 * One entry of the toolbox. The three kinds share a table (one search, one list) and use the columns that
 * fit them:
 * - experience (fiche d'expérience): summary = what; place = where; people = who; what_worked, what_did_not;
 *   organisation + public_contact = the organisation to contact;
 * - method (méthode d'animation): summary; steps (one per line); duration_minutes; material; audience;
 * - actor (annuaire des acteurs): summary = who they are; themes; actions = what they carry; public_contact.
 * Only published entries are public; drafts are seen by those who may write.
 */
export const toolboxEntries = pgTable(
  "toolbox_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ToolboxKind>().notNull(),
    status: text("status").$type<ToolboxStatus>().notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    place: text("place").notNull().default(""),
    people: text("people").notNull().default(""),
    whatWorked: text("what_worked").notNull().default(""),
    whatDidNot: text("what_did_not").notNull().default(""),
    organisation: text("organisation").notNull().default(""),
    publicContact: text("public_contact").notNull().default(""),
    steps: text("steps").notNull().default(""),
    durationMinutes: integer("duration_minutes"),
    material: text("material").notNull().default(""),
    audience: text("audience").notNull().default(""),
    themes: text("themes").notNull().default(""),
    actions: text("actions").notNull().default(""),
    quartierCode: text("quartier_code").references(() => quartiers.code),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('french', coalesce(summary, '') || ' ' || coalesce(themes, '') || ' ' || coalesce(organisation, '')), 'B') || setweight(to_tsvector('french', coalesce(place, '') || ' ' || coalesce(people, '') || ' ' || coalesce(what_worked, '') || ' ' || coalesce(what_did_not, '') || ' ' || coalesce(steps, '') || ' ' || coalesce(material, '') || ' ' || coalesce(audience, '') || ' ' || coalesce(actions, '')), 'C')`,
    ),
  },
  (t) => [
    index("toolbox_entries_published_idx").on(t.kind, t.publishedAt.desc(), t.id).where(sql`${t.status} = 'published'`),
    index("toolbox_entries_search_idx").using("gin", t.search),
    index("toolbox_entries_quartier_idx").on(t.quartierCode),
    // The editors' list of drafts, latest change first.
    index("toolbox_entries_drafts_idx").on(t.updatedAt.desc()).where(sql`${t.status} = 'draft'`),
  ],
);

export const toolboxEntryAmbitions = pgTable(
  "toolbox_entry_ambitions",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => toolboxEntries.id, { onDelete: "cascade" }),
    ambitionNumber: integer("ambition_number")
      .notNull()
      .references(() => ambitions.number),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.ambitionNumber] }), index("toolbox_entry_ambitions_ambition_idx").on(t.ambitionNumber)],
);

/** The communes an entry concerns (an actor may work in several). */
export const toolboxEntryCommunes = pgTable(
  "toolbox_entry_communes",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => toolboxEntries.id, { onDelete: "cascade" }),
    communeSlug: text("commune_slug")
      .notNull()
      .references(() => communes.slug, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.communeSlug] }), index("toolbox_entry_communes_commune_idx").on(t.communeSlug)],
);
