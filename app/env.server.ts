import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The address to listen on. Unset: loopback only outside production, every interface in production.
  HOST: z.string().trim().min(1).optional(),
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
  // Unset: /metrics answers 404. Set: it answers to `Authorization: Bearer <token>` only.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters long (e.g. `openssl rand -hex 24`)").optional(),
  // JSON log lines on stdout from this level up; the test suite is silent unless told.
  // Emails the outbox hands to Resend per second (its default limit is 2 a second; a raised limit, raise this).
  EMAIL_SEND_PER_SECOND: z.coerce.number().int().min(1).max(100).default(2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // Months after a rendez-vous du Labo before its registrants' names and contacts are erased.
  LABO_PERSONAL_DATA_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  // PostgreSQL connections per process; a statement running longer is cancelled (0: never), so a held lock
  // or a slow query ends in a 503 page instead of requests piling up; a connection not made in time fails.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).max(300).default(5),
  // On SIGTERM/SIGINT, how long requests in flight and running jobs may take before the process stops anyway.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Signs the links that need no sign-in (unsubscribe). Required in production; elsewhere a fixed development value.
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters long (e.g. `openssl rand -base64 48`)").optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** The demo accounts (README passwords, an administrator among them) are seeded outside production, or on request. */
export function seedsDemo(config: Pick<Env, "NODE_ENV" | "SEED_DEMO">) {
  return config.SEED_DEMO ? config.SEED_DEMO === "true" : config.NODE_ENV !== "production";
}

const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;
export const isLoopback = (host: string) => host === "localhost" || host === "::1" || host === "[::1]" || LOOPBACK_V4.test(host);

/**
 * Where the server listens: a list of addresses, or null for every interface. As Rails does, outside
 * production only this machine can reach it (127.0.0.1 and ::1): there the development mailbox is open
 * to anyone and the demo accounts have the README's password, so a visitor from another machine could
 * take any account. Serving other machines takes NODE_ENV=production.
 */
export function listenAddresses(config: Pick<Env, "NODE_ENV" | "HOST">): string[] | null {
  if (!config.HOST) return config.NODE_ENV === "production" ? null : ["127.0.0.1", "::1"];
  if (config.HOST === "localhost") return ["127.0.0.1", "::1"];
  return [config.HOST.replace(/^\[(.*)\]$/, "$1")];
}

/** Settings that parse one by one but must not go together; each is a sentence for the start-up error. */
export function configurationConflicts(config: Env): string[] {
  const problems: string[] = [];
  const reachesOtherMachines = (listenAddresses(config) ?? ["0.0.0.0"]).some((host) => !isLoopback(host));
  if (config.NODE_ENV !== "production" && config.HOST && reachesOtherMachines) {
    problems.push(
      `HOST: ${config.HOST} would let other machines reach a ${config.NODE_ENV} server, whose mailbox (/dev/boite-mail) is open to anyone and whose demo accounts have a public password. Serve other machines with NODE_ENV=production, or use HOST=localhost.`,
    );
  }
  if (config.NODE_ENV === "production" && seedsDemo(config) && reachesOtherMachines) {
    problems.push("SEED_DEMO: the demo accounts have a public password (an administrator among them); in production they are seeded only for a server that listens on loopback (HOST=localhost).");
  }
  if (config.NODE_ENV === "production" && !config.APP_SECRET) {
    problems.push("APP_SECRET: required in production, to sign the unsubscribe links of notification emails (at least 32 random characters, e.g. `openssl rand -base64 48`).");
  }
  return problems;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  const problems = parsed.success ? configurationConflicts(parsed.data) : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!parsed.success || problems.length) {
    throw new Error(`Invalid environment configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}\nSee README.md, section Configuration.`);
  }
  return parsed.data;
}

export const env = parseEnv();
export const isProduction = env.NODE_ENV === "production";
export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
export const seedDemo = seedsDemo(env);
/** Outside production, a fixed value (README, Configuration): links signed on one development machine work on another. */
export const appSecret = env.APP_SECRET ?? "labo-development-secret-not-for-production";
