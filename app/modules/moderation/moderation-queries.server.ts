import { aliasedTable, and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { isUuid, parseUuid } from "#app/modules/platform/ids.ts";
import { contributions, laboCaptures, moderationCases, moderationWarnings, proposals, quartiers, reports, users } from "#db/schema/index.ts";
import type { QueueFilters } from "./moderation.schema.ts";

const WAITING = ["pending", "contested"] as const;
const DECIDED_SHOWN = 30;
/** Waiting cases per page, oldest first: a moderator works through them from the top. */
export const WAITING_PAGE = 50;

const contributionProposals = aliasedTable(proposals, "contribution_proposals");
const subjectUsers = aliasedTable(users, "subject_users");

/**
 * A short label of the item for moderators: a proposal's title, the title of the proposal a
 * contribution is on, a profile's name. Never the words of a contribution (the case page shows them).
 */
const subjectLabel = sql<string | null>`case ${moderationCases.subjectType}
  when 'proposal' then ${proposals.title}
  when 'contribution' then ${contributionProposals.title}
  when 'profile' then ${subjectUsers.displayName}
  else null end`;

function rowColumns() {
  return {
    id: moderationCases.id,
    subjectType: moderationCases.subjectType,
    trigger: moderationCases.trigger,
    status: moderationCases.status,
    reportCount: moderationCases.reportCount,
    reportsSinceDecision: moderationCases.reportsSinceDecision,
    openedAt: moderationCases.openedAt,
    autoHiddenAt: moderationCases.autoHiddenAt,
    decidedAt: moderationCases.decidedAt,
    hideReason: moderationCases.hideReason,
    quartierName: quartiers.name,
    label: subjectLabel,
    reasons: sql<string[]>`coalesce((select array_agg(distinct r.reason order by r.reason) from ${reports} r where r.case_id = ${moderationCases.id}), '{}')`,
  };
}

function queueBase(where: SQL | undefined) {
  return db
    .select(rowColumns())
    .from(moderationCases)
    .leftJoin(quartiers, eq(quartiers.code, moderationCases.quartierCode))
    .leftJoin(proposals, and(eq(moderationCases.subjectType, "proposal"), sql`${proposals.id}::text = ${moderationCases.subjectId}`))
    .leftJoin(contributions, and(eq(moderationCases.subjectType, "contribution"), sql`${contributions.id}::text = ${moderationCases.subjectId}`))
    .leftJoin(contributionProposals, eq(contributionProposals.id, contributions.proposalId))
    .leftJoin(subjectUsers, and(eq(moderationCases.subjectType, "profile"), eq(subjectUsers.id, moderationCases.subjectId)))
    .where(where);
}

/** Where a page of the waiting cases starts: after this case (opened at, id). */
export type QueueCursor = { openedAt: Date; id: string };

function encodeQueueCursor(cursor: QueueCursor) {
  return Buffer.from(JSON.stringify([cursor.openedAt.toISOString(), cursor.id])).toString("base64url");
}

/** The page marker of a link; anything malformed or tampered with is the first page. */
export function parseQueueCursor(value: string | null): QueueCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    const openedAt = new Date(typeof at === "string" ? at : Number.NaN);
    // Only what encodeQueueCursor writes: an ISO instant that survives the round trip, and a uuid.
    if (Number.isNaN(openedAt.getTime()) || openedAt.toISOString() !== at || !isUuid(id)) return null;
    return { openedAt, id };
  } catch {
    return null;
  }
}

export type QueueRow = Awaited<ReturnType<typeof getModerationQueue>>["waiting"][number];

/**
 * The queue: cases that wait (pending, contested), oldest first, a page at a time (`after`: the last case
 * of the page before), with how many wait in all; then recently decided ones, those with reports since
 * their decision first (a moderator may reopen them).
 */
export async function getModerationQueue(filters: QueueFilters, after: QueueCursor | null = null) {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(moderationCases.subjectType, filters.kind));
  if (filters.quartier) conditions.push(eq(moderationCases.quartierCode, filters.quartier));
  if (filters.reason) conditions.push(sql`exists (select 1 from ${reports} r where r.case_id = ${moderationCases.id} and r.reason = ${filters.reason})`);
  const waitingNow = and(inArray(moderationCases.status, [...WAITING]), ...conditions);
  const seek = after ? sql`(${moderationCases.openedAt}, ${moderationCases.id}) > (${after.openedAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined;
  const [rows, [counted], decided] = await Promise.all([
    queueBase(and(waitingNow, seek))
      .orderBy(asc(moderationCases.openedAt), asc(moderationCases.id))
      .limit(WAITING_PAGE + 1),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(moderationCases).where(waitingNow),
    queueBase(and(sql`${moderationCases.status} not in ('pending', 'contested')`, ...conditions))
      .orderBy(desc(sql`${moderationCases.reportsSinceDecision} > 0`), desc(moderationCases.decidedAt), desc(moderationCases.id))
      .limit(DECIDED_SHOWN),
  ]);
  const waiting = rows.slice(0, WAITING_PAGE);
  const last = waiting.at(-1);
  return { waiting, waitingTotal: counted?.n ?? 0, next: rows.length > WAITING_PAGE && last ? encodeQueueCursor({ openedAt: last.openedAt, id: last.id }) : null, decided };
}

/** The quartiers that have cases, for the queue's filter. */
export function listQueueQuartiers() {
  return db
    .selectDistinct({ code: quartiers.code, name: quartiers.name })
    .from(moderationCases)
    .innerJoin(quartiers, eq(quartiers.code, moderationCases.quartierCode))
    .orderBy(asc(quartiers.name));
}

export type CaseSubject =
  | { kind: "proposal"; id: string; title: string; body: string }
  | { kind: "contribution"; id: string; body: string; proposalId: string; proposalTitle: string }
  | { kind: "profile"; name: string }
  | { kind: "labo_capture"; body: string }
  | { kind: "gone" };

async function loadCaseSubject(type: string, subjectId: string): Promise<CaseSubject> {
  const id = parseUuid(subjectId);
  if (type === "profile") {
    const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, subjectId));
    return row ? { kind: "profile", name: row.name } : { kind: "gone" };
  }
  if (!id) return { kind: "gone" };
  if (type === "proposal") {
    const [row] = await db.select({ id: proposals.id, title: proposals.title, body: proposals.body }).from(proposals).where(eq(proposals.id, id));
    return row ? { kind: "proposal", ...row } : { kind: "gone" };
  }
  if (type === "contribution") {
    const [row] = await db
      .select({ id: contributions.id, body: contributions.body, proposalId: proposals.id, proposalTitle: proposals.title })
      .from(contributions)
      .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
      .where(eq(contributions.id, id));
    return row ? { kind: "contribution", ...row } : { kind: "gone" };
  }
  const [row] = await db.select({ body: laboCaptures.body }).from(laboCaptures).where(eq(laboCaptures.id, id));
  return row ? { kind: "labo_capture", body: row.body } : { kind: "gone" };
}

/** A case as a moderator sees it: the item in context, its reports (with the reporters' names), the author's history. */
export async function getModerationCase(caseId: string) {
  const id = parseUuid(caseId);
  if (!id) return null;
  const [moderationCase] = await db
    .select({
      id: moderationCases.id,
      subjectType: moderationCases.subjectType,
      subjectId: moderationCases.subjectId,
      authorId: moderationCases.authorId,
      trigger: moderationCases.trigger,
      status: moderationCases.status,
      reportCount: moderationCases.reportCount,
      reportsSinceDecision: moderationCases.reportsSinceDecision,
      openedAt: moderationCases.openedAt,
      autoHiddenAt: moderationCases.autoHiddenAt,
      decidedAt: moderationCases.decidedAt,
      decidedById: moderationCases.decidedById,
      hideReason: moderationCases.hideReason,
      decisionNote: moderationCases.decisionNote,
      contestedAt: moderationCases.contestedAt,
      contestText: moderationCases.contestText,
      contestDecidedAt: moderationCases.contestDecidedAt,
      quartierName: quartiers.name,
      decidedByName: sql<string | null>`(select u.display_name from ${users} u where u.id = ${moderationCases.decidedById})`,
      contestDecidedByName: sql<string | null>`(select u.display_name from ${users} u where u.id = ${moderationCases.contestDecidedById})`,
    })
    .from(moderationCases)
    .leftJoin(quartiers, eq(quartiers.code, moderationCases.quartierCode))
    .where(eq(moderationCases.id, id));
  if (!moderationCase) return null;

  const authorId = moderationCase.authorId;
  const [subject, caseReports, author, history, warnings] = await Promise.all([
    loadCaseSubject(moderationCase.subjectType, moderationCase.subjectId),
    db
      .select({ id: reports.id, reason: reports.reason, details: reports.details, createdAt: reports.createdAt, reporterName: users.displayName })
      .from(reports)
      .leftJoin(users, eq(users.id, reports.reporterId))
      .where(eq(reports.caseId, id))
      .orderBy(asc(reports.createdAt), asc(reports.id)),
    authorId
      ? db.select({ name: users.displayName, suspendedUntil: users.suspendedUntil, profileHiddenAt: users.profileHiddenAt }).from(users).where(eq(users.id, authorId)).then((r) => r[0] ?? null)
      : null,
    authorId
      ? db
          .select({ id: moderationCases.id, subjectType: moderationCases.subjectType, status: moderationCases.status, openedAt: moderationCases.openedAt, hideReason: moderationCases.hideReason })
          .from(moderationCases)
          .where(and(eq(moderationCases.authorId, authorId), ne(moderationCases.id, id)))
          .orderBy(desc(moderationCases.openedAt))
          .limit(20)
      : [],
    authorId
      ? db
          .select({ message: moderationWarnings.message, createdAt: moderationWarnings.createdAt })
          .from(moderationWarnings)
          .where(eq(moderationWarnings.userId, authorId))
          .orderBy(desc(moderationWarnings.createdAt))
          .limit(20)
      : [],
  ]);
  return { ...moderationCase, subject, reports: caseReports, author, history, warnings };
}
export type ModerationCaseView = NonNullable<Awaited<ReturnType<typeof getModerationCase>>>;

/** What the author of a hidden item sees before contesting: their own case only. */
export async function getContestableCase(caseId: string, authorId: string) {
  const id = parseUuid(caseId);
  if (!id) return null;
  const [row] = await db
    .select({
      id: moderationCases.id,
      subjectType: moderationCases.subjectType,
      subjectId: moderationCases.subjectId,
      status: moderationCases.status,
      hideReason: moderationCases.hideReason,
      decisionNote: moderationCases.decisionNote,
      contestedAt: moderationCases.contestedAt,
      contestDecidedAt: moderationCases.contestDecidedAt,
    })
    .from(moderationCases)
    .where(and(eq(moderationCases.id, id), eq(moderationCases.authorId, authorId)));
  if (!row) return null;
  return { ...row, subject: await loadCaseSubject(row.subjectType, row.subjectId) };
}

/** A proposal published hidden by pre-moderation, still waiting: its author may see it, marked so. */
export async function isAwaitingApproval(proposalId: string) {
  const [row] = await db
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .where(
      and(
        eq(moderationCases.subjectType, "proposal"),
        eq(moderationCases.subjectId, proposalId),
        eq(moderationCases.trigger, "premoderation"),
        eq(moderationCases.status, "pending"),
      ),
    );
  return Boolean(row);
}
