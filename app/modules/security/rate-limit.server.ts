import { createHash } from "node:crypto";
import { json, type AppLoadContext } from "@remix-run/node";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "#app/db.server.ts";
import { env, isProduction } from "#app/env.server.ts";
import { rateLimits } from "#db/schema/index.ts";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

type Rule = { points: number; duration: number };
/** "account": an email address or a user id; "address": the client's IP address. */
type KeyKind = "account" | "address";

/**
 * Every limit of the app, per account and per client address. Counters live in the `rate_limits` table,
 * so they hold across restarts and app instances. RATE_LIMIT_FACTOR multiplies every number of points.
 * Later features (posting, supporting, reporting) add their line here and call `consume`.
 */
export const RATE_LIMITS = {
  // Counted only when a password is wrong, so a person who types it right is never slowed down.
  signInFailure: { account: { points: 5, duration: 15 * MINUTE }, address: { points: 20, duration: 15 * MINUTE } },
  signUp: { account: { points: 3, duration: HOUR }, address: { points: 10, duration: HOUR } },
  magicLink: { account: { points: 3, duration: HOUR }, address: { points: 10, duration: HOUR } },
  passwordReset: { account: { points: 3, duration: HOUR }, address: { points: 10, duration: HOUR } },
  verificationEmail: { account: { points: 3, duration: HOUR }, address: { points: 10, duration: HOUR } },
  // Supporting and withdrawing a support (each click counts, double clicks included).
  support: { account: { points: 60, duration: 10 * MINUTE }, address: { points: 300, duration: 10 * MINUTE } },
  follow: { account: { points: 60, duration: 10 * MINUTE }, address: { points: 300, duration: 10 * MINUTE } },
  // proposals: creating one (draft or published); a shared address (a social centre, a library) gets more.
  proposal: { account: { points: 5, duration: HOUR }, address: { points: 20, duration: HOUR } },
  // Contributions: posting (new contributions and replies), and marking them useful (both ways).
  contribution: { account: { points: 10, duration: 10 * MINUTE }, address: { points: 60, duration: 10 * MINUTE } },
  useful: { account: { points: 60, duration: 10 * MINUTE }, address: { points: 300, duration: 10 * MINUTE } },
  // Registering for a rendez-vous du Labo (account: the user id, or the email/phone typed). A social centre
  // registering its visitors from one computer needs a generous address limit.
  laboRegistration: { account: { points: 5, duration: HOUR }, address: { points: 40, duration: HOUR } },
  // Reporting: enough for a person who meets a burst of spam, not enough to bury the moderators' queue.
  report: { account: { points: 20, duration: HOUR }, address: { points: 60, duration: HOUR } },
} satisfies Record<string, Partial<Record<KeyKind, Rule>>>;

export type LimitName = keyof typeof RATE_LIMITS;
export type LimitKeys = Partial<Record<KeyKind, string | null | undefined>>;
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new Map<string, { limiter: RateLimiterDrizzle; points: number }>();

function limiterFor(name: LimitName, kind: KeyKind) {
  const rule = (RATE_LIMITS[name] as Partial<Record<KeyKind, Rule>>)[kind];
  if (!rule) return null;
  const id = `${name}:${kind}`;
  let entry = limiters.get(id);
  if (!entry) {
    const points = Math.max(1, Math.round(rule.points * env.RATE_LIMIT_FACTOR));
    entry = {
      points,
      limiter: new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: id,
        points,
        duration: rule.duration,
        // Rows are reused when their window has passed. In production the library also deletes stale rows
        // every 5 minutes (an unref'd timer, so it never keeps a process alive); tests don't need it.
        clearExpiredByTimeout: isProduction,
        // Only the database decides: several app instances must share the count.
        inMemoryBlockOnConsumed: 0,
      }),
    };
    limiters.set(id, entry);
  }
  return entry;
}

// Keys are hashed: the table then holds no email or IP address in clear.
function storeKey(value: string) {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

function entries(name: LimitName, keys: LimitKeys) {
  return (Object.entries(keys) as [KeyKind, string | null | undefined][]).flatMap(([kind, value]) => {
    const entry = value ? limiterFor(name, kind) : null;
    return entry && value ? [{ ...entry, key: storeKey(value) }] : [];
  });
}

function retryAfter(ms: number) {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Counts one attempt against every key; refused when any of them has used up its points. */
export async function consume(name: LimitName, keys: LimitKeys): Promise<RateLimitResult> {
  const outcomes = await Promise.allSettled(entries(name, keys).map(({ limiter, key }) => limiter.consume(key)));
  let wait = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    wait = Math.max(wait, retryAfter(outcome.reason.msBeforeNext));
  }
  return wait ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** Asks without counting: is any key already out of points? (Sign-in checks first, and counts failures only.) */
export async function check(name: LimitName, keys: LimitKeys): Promise<RateLimitResult> {
  const states = await Promise.all(entries(name, keys).map(async ({ limiter, key, points }) => ({ res: await limiter.get(key), points })));
  let wait = 0;
  for (const { res, points } of states) {
    if (res && res.consumedPoints >= points) wait = Math.max(wait, retryAfter(res.msBeforeNext));
  }
  return wait ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** The client address the server saw (app/server.ts puts it in the load context). */
export function clientAddress(context: AppLoadContext | undefined) {
  return context?.clientAddress ?? "unknown";
}

/** The 429 answer of a form: the translated message in the error summary, what was typed kept, Retry-After set. */
export function tooManyRequests(result: { retryAfterSeconds: number }, body: { errors: Record<string, string>; values: Record<string, string | string[]> }) {
  return json(body, { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } });
}
