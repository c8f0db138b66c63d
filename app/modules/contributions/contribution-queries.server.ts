import { and, asc, desc, eq, inArray, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { isOpen } from "#app/modules/proposals/proposal-status.ts";
import { contributions, proposals, users, type ContributionStance } from "#db/schema/index.ts";
import { EDIT_WINDOW_MS, PAGE_SIZE, type ContributionSort } from "./contribution-params.ts";
import type { ContributionItem, ContributionsSectionData } from "./contribution-types.ts";

export type { ContributionItem, ContributionsSectionData, ContributionThread } from "./contribution-types.ts";

const visible = sql`(${contributions.deletedAt} is null and ${contributions.hiddenAt} is null)`;

function itemColumns(viewerId: string | Placeholder | null) {
  return {
    id: contributions.id,
    parentId: contributions.parentId,
    authorId: contributions.authorId,
    // Decided in SQL: the words of a deleted or hidden contribution never leave the database.
    body: sql<string | null>`case when ${visible} then ${contributions.body} end`,
    stance: contributions.stance,
    usefulCount: contributions.usefulCount,
    createdAt: contributions.createdAt,
    editedAt: contributions.editedAt,
    deletedAt: contributions.deletedAt,
    hiddenAt: contributions.hiddenAt,
    hiddenReason: sql<string | null>`case when ${contributions.hiddenAt} is not null then (select mc.hide_reason from moderation_cases mc where mc.subject_type = 'contribution' and mc.subject_id = ${contributions.id}::text) end`,
    // A profile hidden by moderation: its name never leaves the database.
    authorName: sql<string | null>`case when ${users.profileHiddenAt} is null then ${users.displayName} end`,
    authorHidden: sql<boolean>`${users.profileHiddenAt} is not null`,
    proposalAuthorId: proposals.authorId,
    markedUseful: viewerId
      ? sql<boolean>`exists (select 1 from contribution_useful_marks m where m.contribution_id = ${contributions.id} and m.user_id = ${viewerId})`
      : sql<boolean>`false`,
  };
}

type Row = {
  id: string;
  parentId: string | null;
  authorId: string | null;
  body: string | null;
  stance: ContributionStance | null;
  usefulCount: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  authorName: string | null;
  authorHidden: boolean;
  proposalAuthorId: string | null;
  markedUseful: boolean;
};

function toItem(row: Row, viewerId: string | null, open: boolean, now: Date): ContributionItem {
  const state = row.hiddenAt ? "hidden" : row.deletedAt ? "deleted" : "visible";
  const shown = state === "visible";
  const own = viewerId !== null && row.authorId === viewerId;
  const until = new Date(new Date(row.createdAt).getTime() + EDIT_WINDOW_MS);
  return {
    id: row.id,
    parentId: row.parentId,
    state,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    body: shown ? row.body : null,
    stance: shown ? row.stance : null,
    authorName: shown ? row.authorName : null,
    authorHidden: shown && Boolean(row.authorHidden),
    byProposalAuthor: shown && row.authorId !== null && row.authorId === row.proposalAuthorId,
    own: shown && own,
    usefulCount: shown ? row.usefulCount : 0,
    markedUseful: shown && Boolean(row.markedUseful),
    createdAt: new Date(row.createdAt).toISOString(),
    editedAt: shown && row.editedAt ? new Date(row.editedAt).toISOString() : null,
    editableUntil: shown && own && open && until > now ? until.toISOString() : null,
  };
}

function baseQuery(viewerId: string | Placeholder | null) {
  return db
    .select(itemColumns(viewerId))
    .from(contributions)
    .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
    .leftJoin(users, eq(users.id, contributions.authorId));
}

const ORDER: Record<ContributionSort, SQL[]> = {
  date: [asc(contributions.createdAt), asc(contributions.id)],
  // Most useful first; a deleted or hidden one sinks (its count no longer means anything), then by date.
  useful: [desc(sql`case when ${visible} then ${contributions.usefulCount} else -1 end`), asc(contributions.createdAt), asc(contributions.id)],
};

function topLevelQuery(sort: ContributionSort, viewerId: Placeholder | null) {
  return baseQuery(viewerId)
    .where(and(eq(contributions.proposalId, sql.placeholder("proposalId")), isNull(contributions.parentId)))
    .orderBy(...ORDER[sort])
    .limit(PAGE_SIZE)
    .offset(sql.placeholder("offset"));
}

function threadCountQuery(proposalId: Placeholder) {
  return db
    .select({
      total: proposals.contributionCount,
      status: proposals.status,
      hiddenAt: proposals.hiddenAt,
      // Served by contributions_proposal_idx. (Raw names: drizzle leaves columns unqualified in a one-table query.)
      topLevelCount: sql<number>`(select count(*) from contributions c where c.proposal_id = ${proposalId} and c.parent_id is null)`.mapWith(Number),
    })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
}

// Built once per sort and kind of viewer (see prepared-queries.server.ts).
const topLevelRuns = preparedByShape<Row>("contributions_top_level");
const threadCountRuns = preparedByShape<Awaited<ReturnType<typeof threadCountQuery>>[number]>("contributions_count");

/**
 * The contributions section of a proposal page, in three queries whatever the size of the thread:
 * the proposal's counter, state and number of top-level contributions; one page of top-level
 * contributions (50, by date or usefulness); and every reply of that page at once. Null when the
 * proposal does not exist.
 */
export async function getContributionsSection({
  proposalId,
  viewerId,
  sort = "date",
  page = 1,
  now = new Date(),
}: {
  proposalId: string;
  viewerId: string | null;
  sort?: ContributionSort;
  page?: number;
  now?: Date;
}): Promise<ContributionsSectionData | null> {
  const topLevel = (pageNumber: number) =>
    topLevelRuns(`${sort} ${viewerId ? "viewer" : "anonymous"}`, () => topLevelQuery(sort, viewerId ? sql.placeholder("viewerId") : null)).execute({ proposalId, viewerId, offset: (pageNumber - 1) * PAGE_SIZE });
  const [[proposal], firstTry] = await Promise.all([threadCountRuns("", () => threadCountQuery(sql.placeholder("proposalId"))).execute({ proposalId }), topLevel(page)]);
  if (!proposal) return null;
  const pageCount = Math.max(1, Math.ceil(proposal.topLevelCount / PAGE_SIZE));
  // A page past the end (an old link, a thread that shrank) shows the last page.
  const current = Math.min(page, pageCount);
  const rows = current === page ? firstTry : await topLevel(current);
  const open = isOpen(proposal.status) && !proposal.hiddenAt;
  const ids = rows.map((r) => r.id);
  const replyRows = ids.length
    ? await baseQuery(viewerId)
        .where(inArray(contributions.parentId, ids))
        .orderBy(asc(contributions.createdAt), asc(contributions.id))
    : [];
  const repliesByParent = new Map<string, ContributionItem[]>();
  for (const row of replyRows) {
    const list = repliesByParent.get(row.parentId!) ?? [];
    list.push(toItem(row, viewerId, open, now));
    repliesByParent.set(row.parentId!, list);
  }
  return {
    proposalId,
    total: proposal.total,
    open,
    sort,
    page: current,
    pageCount,
    items: rows.map((row) => ({ ...toItem(row, viewerId, open, now), replies: repliesByParent.get(row.id) ?? [] })),
  };
}

/**
 * Where a contribution is shown in the default view (oldest first): its proposal, the top-level
 * contribution of its thread and the page of that one. Null when it does not exist or its proposal is a draft.
 */
export async function locateContribution(contributionId: string): Promise<{ proposalId: string; threadId: string; page: number } | null> {
  const [row] = await db
    .select({ proposalId: contributions.proposalId, parentId: contributions.parentId, status: proposals.status })
    .from(contributions)
    .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
    .where(eq(contributions.id, contributionId));
  if (!row || row.status === "draft") return null;
  const threadId = row.parentId ?? contributionId;
  const top = db.select({ createdAt: contributions.createdAt, id: contributions.id }).from(contributions).where(eq(contributions.id, threadId));
  const [{ before }] = (await db
    .select({ before: sql<number>`count(*)`.mapWith(Number) })
    .from(contributions)
    .where(
      and(
        eq(contributions.proposalId, row.proposalId),
        isNull(contributions.parentId),
        sql`(${contributions.createdAt}, ${contributions.id}) < (select t.created_at, t.id from (${top}) as t)`,
      ),
    )) as [{ before: number }];
  return { proposalId: row.proposalId, threadId, page: Math.floor(before / PAGE_SIZE) + 1 };
}

/** Whether a proposal can carry contributions at all (it exists and is not a draft). */
export async function proposalAcceptsThread(proposalId: string): Promise<boolean> {
  const [row] = await db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, proposalId));
  return Boolean(row && row.status !== "draft");
}

/** A contribution's place and owner, for the routes to tell 404 from 403 before anything else. Null for a draft's. */
export async function findContribution(contributionId: string): Promise<{ proposalId: string; authorId: string | null; parentId: string | null } | null> {
  const [row] = await db
    .select({ proposalId: contributions.proposalId, authorId: contributions.authorId, parentId: contributions.parentId, status: proposals.status })
    .from(contributions)
    .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
    .where(eq(contributions.id, contributionId));
  if (!row || row.status === "draft") return null;
  return { proposalId: row.proposalId, authorId: row.authorId, parentId: row.parentId };
}
