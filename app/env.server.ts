import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Absent → embedded PGlite in PGLITE_DATA_DIR; present → PostgreSQL through postgres.js.
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).default("./db/.pglite"),
  APP_URL: z.string().url().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Labo de la participation <labo@example.org>"),
  // Seed the French demo (accounts, …) at start; defaults to on outside production.
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  // Behind a reverse proxy, trust X-Forwarded-* for the client address (rate limits) and protocol.
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  // "false" behind a pooler in transaction mode (PgBouncer), which cannot keep named statements.
  DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
  // Multiplies every rate limit; the e2e suite raises it because one browser signs in many times.
  RATE_LIMIT_FACTOR: z.coerce.number().positive().default(1),
  // Months after a rendez-vous du Labo before its registrants' names and contacts are erased.
  LABO_PERSONAL_DATA_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee README.md, section Configuration.`);
  }
  return parsed.data;
}

export const env = parseEnv();
export const isProduction = env.NODE_ENV === "production";
export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
export const seedDemo = env.SEED_DEMO ? env.SEED_DEMO === "true" : !isProduction;
