import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** The contract's three pillars. `key` is the stable id from the referential. */
export const piliers = pgTable("piliers", {
  number: integer("number").primaryKey(),
  key: text("key").notNull().unique(),
  shortTitle: text("short_title").notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  evaluativeQuestions: jsonb("evaluative_questions").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const ambitions = pgTable(
  "ambitions",
  {
    number: integer("number").primaryKey(),
    pilierNumber: integer("pilier_number")
      .notNull()
      .references(() => piliers.number),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    // Supports a proposal needs before it goes to the GTP (set per ambition by an administrator).
    supportThreshold: integer("support_threshold").notNull().default(25),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ambitions_pilier_idx").on(t.pilierNumber)],
);

export const transversalAxes = pgTable("transversal_axes", {
  key: text("key").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  objectives: jsonb("objectives").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  themes: jsonb("themes").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const communes = pgTable("communes", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull().unique(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Quartiers prioritaires de la politique de la ville (QPV), keyed by their official code. */
export const quartiers = pgTable("quartiers", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  population: integer("population"),
  medianIncomeEur: integer("median_income_eur"),
  npnru: boolean("npnru").notNull().default(false),
  summary: text("summary").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const quartierCommunes = pgTable(
  "quartier_communes",
  {
    quartierCode: text("quartier_code")
      .notNull()
      .references(() => quartiers.code, { onDelete: "cascade" }),
    communeSlug: text("commune_slug")
      .notNull()
      .references(() => communes.slug, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.quartierCode, t.communeSlug] }), index("quartier_communes_commune_idx").on(t.communeSlug)],
);

export const governanceBodies = pgTable("governance_bodies", {
  key: text("key").primaryKey(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  cadence: text("cadence").notNull().default(""),
  members: text("members").notNull().default(""),
  role: text("role").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const laboPrinciples = pgTable("labo_principles", {
  position: integer("position").primaryKey(),
  label: text("label").notNull(),
  text: text("text").notNull(),
});
