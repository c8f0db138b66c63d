import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { communes, quartiers } from "./referential.ts";

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    // Stored lower-cased; unique so one address is one account.
    email: text("email").notNull().unique(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    // Null for people who only sign in with emailed links.
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    communeSlug: text("commune_slug").references(() => communes.slug, { onDelete: "set null" }),
    quartierCode: text("quartier_code").references(() => quartiers.code, { onDelete: "set null" }),
    locale: text("locale").notNull().default("fr"),
    /** The charter version this person accepted last (null: never); a newer version is asked at sign-in. */
    charterVersion: integer("charter_version"),
    charterAcceptedAt: timestamp("charter_accepted_at", { withTimezone: true }),
    /** A suspended account can read but not write until this moment. */
    suspendedUntil: timestamp("suspended_until", { withTimezone: true }),
    /** Set when a moderator hides the profile (display name shown as "profil masqué"). */
    profileHiddenAt: timestamp("profile_hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_created_at_idx").on(t.createdAt)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const ROLES = ["resident", "ambassador", "council_member", "network_member", "moderator", "coordinator", "administrator"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A role held by a user. Ambassadors are scoped to a commune; the other roles here are global (both scopes
 * null). Every signed-in user is a resident implicitly. Conseil citoyen membership is not granted here: it
 * is a `council_members` row (kept by coordinators on the council's page), and the viewer's
 * `council_member` role, scoped to that council, is read from it. `network_member`: a member of the réseau
 * des acteurs, who may send questions and proposals to the GTP from the toolbox.
 */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    communeSlug: text("commune_slug").references(() => communes.slug, { onDelete: "cascade" }),
    quartierCode: text("quartier_code").references(() => quartiers.code, { onDelete: "cascade" }),
    grantedById: text("granted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("role_grants_unique").on(t.userId, t.role, t.communeSlug, t.quartierCode).nullsNotDistinct(),
    index("role_grants_role_idx").on(t.role),
  ],
);

export const TOKEN_PURPOSES = ["email_verification", "password_reset", "magic_link"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** One-time tokens sent by email. Only a SHA-256 hash is stored, so a database leak reveals no usable link. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<TokenPurpose>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

/** Counters for rate-limiter-flexible's Drizzle store: shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
