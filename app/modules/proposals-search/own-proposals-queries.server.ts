/**
 * A person's own lists, for their account: what they wrote (drafts and hidden ones included, since they
 * are theirs), what they support, what they follow. Each list is per person and short, so pages are
 * limit/offset, capped; each query walks the person's index (author, supports or follows by user).
 */
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { ambitions, communes, proposalFollows, proposals as p, quartiers, supports } from "#db/schema/index.ts";
import { cardColumns } from "./proposal-search-queries.server.ts";
import { OWN_MAX_PAGE } from "./own-proposals.schema.ts";
import type { ProposalCardData } from "./proposal-search.schema.ts";

export const OWN_LISTS = ["authored", "supported", "followed"] as const;
export type OwnList = (typeof OWN_LISTS)[number];
export const OWN_PAGE_SIZE = 20;

export type OwnListPage = { items: ProposalCardData[]; total: number };

// Another person's hidden or draft proposal is not shown in my supports or follows (I could have
// supported it before it was hidden); a withdrawn one is, since it stays public.
const VISIBLE = and(sql`${p.status} <> 'draft'`, isNull(p.hiddenAt))!;

function authored(userId: string, limit: number, offset: number) {
  return Promise.all([
    db
      .select({ ...cardColumns, hiddenAt: p.hiddenAt })
      .from(p)
      .innerJoin(ambitions, eq(ambitions.number, p.ambitionNumber))
      .leftJoin(quartiers, eq(quartiers.code, p.quartierCode))
      .leftJoin(communes, eq(communes.slug, p.communeSlug))
      .where(eq(p.authorId, userId))
      .orderBy(desc(p.createdAt), desc(p.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(p).where(eq(p.authorId, userId)),
  ]).then(([rows, [total]]) => ({
    items: rows.map(({ hiddenAt, ...row }) => ({ ...row, hidden: hiddenAt !== null })),
    total: total?.n ?? 0,
  }));
}

function through(link: typeof supports | typeof proposalFollows, userId: string, limit: number, offset: number) {
  return Promise.all([
    db
      .select(cardColumns)
      .from(link)
      .innerJoin(p, eq(p.id, link.proposalId))
      .innerJoin(ambitions, eq(ambitions.number, p.ambitionNumber))
      .leftJoin(quartiers, eq(quartiers.code, p.quartierCode))
      .leftJoin(communes, eq(communes.slug, p.communeSlug))
      .where(and(eq(link.userId, userId), VISIBLE))
      .orderBy(desc(link.createdAt), desc(p.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(link)
      .innerJoin(p, eq(p.id, link.proposalId))
      .where(and(eq(link.userId, userId), VISIBLE)),
  ]).then(([items, [total]]) => ({ items, total: total?.n ?? 0 }));
}

/** One page of one of the person's lists (newest first: written, supported or followed). */
export function listOwnProposals(userId: string, list: OwnList, options: { page?: number; pageSize?: number } = {}): Promise<OwnListPage> {
  const pageSize = options.pageSize ?? OWN_PAGE_SIZE;
  const offset = (Math.min(Math.max(options.page ?? 1, 1), OWN_MAX_PAGE) - 1) * pageSize;
  if (list === "authored") return authored(userId, pageSize, offset);
  return through(list === "supported" ? supports : proposalFollows, userId, pageSize, offset);
}

/** The start of each list, for the account page. */
export async function getOwnProposalsOverview(userId: string, size = 5) {
  const [authoredPage, supportedPage, followedPage] = await Promise.all(OWN_LISTS.map((list) => listOwnProposals(userId, list, { pageSize: size })));
  return { authored: authoredPage!, supported: supportedPage!, followed: followedPage! };
}
