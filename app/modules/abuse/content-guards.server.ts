import { and, count, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { contributions, proposals, users } from "#db/schema/index.ts";

const DAY = 86_400_000;

/** The same text from the same account within this window is refused, across proposals and contributions. */
export const REPEAT_WINDOW_DAYS = 30;

/**
 * Links from new accounts. Spam accounts are new and post links; residents rarely need more than one link
 * in their first messages. So an account younger than NEW_ACCOUNT_DAYS, or with fewer than
 * TRUSTED_AFTER_ITEMS published proposals and contributions, may put at most NEW_ACCOUNT_MAX_LINKS link
 * per text; the limit lifts by itself with time or participation.
 */
export const NEW_ACCOUNT_DAYS = 7;
export const TRUSTED_AFTER_ITEMS = 3;
export const NEW_ACCOUNT_MAX_LINKS = 1;

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Two texts are the same when they differ only by case and spacing (the same rule as addContribution's). */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
}

// In SQL, the same normalisation (lower() follows the database's collation, enough for French letters).
const normalised = (column: typeof proposals.body | typeof contributions.body) => sql`lower(btrim(regexp_replace(${column}, '\\s+', ' ', 'g')))`;

export type TextCheck = { status: "ok" } | { status: "repeated" } | { status: "too_many_links"; max: number };

/**
 * Checks a new text of an account before it is posted: refused when the account already posted the very
 * same text (a proposal that is not a draft, or a contribution not deleted) in the last 30 days, or when it has more links than a
 * new account may put.
 */
export async function checkNewText({ authorId, text, now = new Date() }: { authorId: string; text: string; now?: Date }): Promise<TextCheck> {
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * DAY);
  const wanted = normaliseText(text);
  const [repeated] = await db
    .select({ one: sql<number>`1` })
    .from(proposals)
    // Drafts are not posted: saving one twice, or publishing it, is no repetition.
    .where(and(eq(proposals.authorId, authorId), sql`${proposals.status} <> 'draft'`, gte(proposals.createdAt, since), sql`${normalised(proposals.body)} = ${wanted}`))
    .unionAll(
      db
        .select({ one: sql<number>`1` })
        .from(contributions)
        .where(and(eq(contributions.authorId, authorId), gte(contributions.createdAt, since), sql`${contributions.deletedAt} is null`, sql`${normalised(contributions.body)} = ${wanted}`)),
    )
    .limit(1);
  if (repeated) return { status: "repeated" };

  return checkLinks({ authorId, text, now });
}

/** The link limit alone: for edits, where the text may well equal what the same person posted before (itself). */
export async function checkLinks({ authorId, text, now = new Date() }: { authorId: string; text: string; now?: Date }): Promise<TextCheck> {
  if (countLinks(text) > NEW_ACCOUNT_MAX_LINKS && (await isNewAccount(authorId, now))) return { status: "too_many_links", max: NEW_ACCOUNT_MAX_LINKS };
  return { status: "ok" };
}

async function isNewAccount(userId: string, now: Date): Promise<boolean> {
  const [[user], [published], [posted]] = await Promise.all([
    db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).limit(1),
    db
      .select({ n: count() })
      .from(proposals)
      .where(and(eq(proposals.authorId, userId), isNotNull(proposals.publishedAt), isNull(proposals.hiddenAt))),
    db
      .select({ n: count() })
      .from(contributions)
      .where(and(eq(contributions.authorId, userId), isNull(contributions.deletedAt), isNull(contributions.hiddenAt))),
  ]);
  if (!user) return true;
  const items = (published?.n ?? 0) + (posted?.n ?? 0);
  return now.getTime() - user.createdAt.getTime() < NEW_ACCOUNT_DAYS * DAY || items < TRUSTED_AFTER_ITEMS;
}
