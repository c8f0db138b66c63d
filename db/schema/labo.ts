import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communes } from "./referential.ts";

export const LABO_SESSION_STATUSES = ["draft", "announced", "full", "held", "minutes_published", "cancelled"] as const;
export type LaboSessionStatus = (typeof LABO_SESSION_STATUSES)[number];

/**
 * A rendez-vous du Labo. This first version carries what the home page needs (the past meetings
 * and their attendance); the sessions issue extends it with places, ateliers and registrations.
 */
export const laboSessions = pgTable(
  "labo_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    communeSlug: text("commune_slug").references(() => communes.slug),
    placeName: text("place_name").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    status: text("status").$type<LaboSessionStatus>().notNull().default("draft"),
    attendance: integer("attendance"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("labo_sessions_starts_at_idx").on(t.startsAt)],
);
