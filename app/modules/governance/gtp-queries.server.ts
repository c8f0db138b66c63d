/**
 * What the GTP reads: the queue of qualified proposals waiting for its instruction (oldest qualification
 * first, so the overdue ones lead), the proposals currently on a COPIL agenda, and one proposal as the
 * instruction page shows it.
 */
import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { isUuid, parseUuid } from "#app/modules/platform/ids.ts";
import { listCommunes, listPiliersWithAmbitions, listQuartiers } from "#app/modules/referential/referential-queries.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { agendaItems, ambitions, communes, governanceMeetings, instructingPartners, laboSessions, proposalReviews, proposals, quartiers, users } from "#db/schema/index.ts";
import { overdueBefore } from "./answer-deadline.ts";
import type { GtpFilters } from "./gtp.schema.ts";

/** Waiting proposals per page. */
export const GTP_PAGE = 50;
/** Proposals on an agenda shown at once (a COPIL takes a few dozen at most). */
export const IN_FLIGHT_SHOWN = 100;

/**
 * Waiting for the GTP: qualified, not hidden, not answered, and neither merged, withdrawn nor on an agenda
 * — qualified, under review, or decided without an answer (a published decision answers, except a
 * postponement, which sends the proposal back here). Written word for word as the predicate of the
 * partial index `proposals_gtp_queue_idx` (db/schema/proposals.ts), with literals, so that PostgreSQL
 * proves the index applies: the count and each page read that index alone (a few thousand entries at
 * 100,000 proposals), in (qualified_at, id) order, stopping at the page's 51st row.
 */
const waitingForGtp = sql`${proposals.qualifiedAt} is not null and ${proposals.hiddenAt} is null and ${proposals.answeredAt} is null and ${proposals.status} in ('qualified', 'under_review', 'decided')`;

function filterConditions(filters: GtpFilters, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (filters.ambition) conditions.push(eq(proposals.ambitionNumber, filters.ambition));
  if (filters.quartier) conditions.push(eq(proposals.quartierCode, filters.quartier));
  if (filters.commune) conditions.push(eq(proposals.communeSlug, filters.commune));
  if (filters.origin) conditions.push(eq(proposals.origin, filters.origin));
  if (filters.minDays) conditions.push(lte(proposals.qualifiedAt, new Date(now.getTime() - filters.minDays * 24 * 3600_000)));
  return conditions;
}

/**
 * Where a page starts: after this proposal (qualified at, id). The instant is kept to the microsecond as
 * PostgreSQL stores it (a JavaScript Date keeps milliseconds: a page could then start on a row it
 * already showed).
 */
export type GtpCursor = { qualifiedAt: string; id: string };

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeGtpCursor(cursor: GtpCursor) {
  return Buffer.from(JSON.stringify([cursor.qualifiedAt, cursor.id])).toString("base64url");
}

/** The page marker of a link; anything malformed or tampered with is the first page. */
export function parseGtpCursor(value: string | null): GtpCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || !CURSOR_INSTANT.test(at) || Number.isNaN(new Date(at).getTime()) || !isUuid(id)) return null;
    return { qualifiedAt: at, id: id.toLowerCase() };
  } catch {
    return null;
  }
}

/** The instant as an exact, sortable text (UTC, microseconds). */
const exactInstant = (column: typeof proposals.qualifiedAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function queueColumns() {
  return {
    id: proposals.id,
    title: proposals.title,
    status: proposals.status,
    decision: proposals.decision,
    origin: proposals.origin,
    qualifiedAt: proposals.qualifiedAt,
    cursorAt: exactInstant(proposals.qualifiedAt),
    supportCount: proposals.supportCount,
    ambitionNumber: proposals.ambitionNumber,
    ambitionTitle: ambitions.title,
    quartierName: quartiers.name,
    communeName: communes.name,
    partnerName: instructingPartners.name,
  };
}

/** The SQL of the queue's page, for EXPLAIN (tests and the benchmark read the plan). */
export function gtpQueuePageQuery(filters: GtpFilters, after: GtpCursor | null, now: Date = new Date()) {
  const seek = after ? sql`${proposals.qualifiedAt} >= ${after.qualifiedAt}::timestamptz and (${proposals.qualifiedAt} > ${after.qualifiedAt}::timestamptz or ${proposals.id} > ${after.id}::uuid)` : undefined;
  return db
    .select(queueColumns())
    .from(proposals)
    .innerJoin(ambitions, eq(ambitions.number, proposals.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, proposals.quartierCode))
    .leftJoin(communes, eq(communes.slug, proposals.communeSlug))
    .leftJoin(proposalReviews, eq(proposalReviews.proposalId, proposals.id))
    .leftJoin(instructingPartners, eq(instructingPartners.id, proposalReviews.partnerId))
    .where(and(waitingForGtp, ...filterConditions(filters, now), seek))
    .orderBy(asc(proposals.qualifiedAt), asc(proposals.id))
    .limit(GTP_PAGE + 1);
}

export type GtpQueueRow = Omit<Awaited<ReturnType<typeof gtpQueuePageQuery>>[number], "cursorAt">;

/**
 * The queue: a page of waiting proposals (`after`: the last one of the page before), how many wait under
 * these filters and how many of them are overdue (droit de suite), and the proposals on an agenda.
 */
export async function getGtpQueue(filters: GtpFilters, after: GtpCursor | null = null, now: Date = new Date()) {
  const days = await getSetting("governance.answerDeadlineDays");
  const late = overdueBefore(days, now);
  const conditions = filterConditions(filters, now);
  const [rows, [counted], inFlight] = await Promise.all([
    gtpQueuePageQuery(filters, after, now),
    db
      .select({ waiting: sql<number>`count(*)`.mapWith(Number), overdue: sql<number>`count(*) filter (where ${proposals.qualifiedAt} < ${late.toISOString()}::timestamptz)`.mapWith(Number) })
      .from(proposals)
      .where(and(waitingForGtp, ...conditions)),
    db
      .select({
        id: proposals.id,
        title: proposals.title,
        origin: proposals.origin,
        qualifiedAt: proposals.qualifiedAt,
        answeredAt: proposals.answeredAt,
        ambitionNumber: proposals.ambitionNumber,
        quartierName: quartiers.name,
        meetingId: governanceMeetings.id,
        meetingTitle: governanceMeetings.title,
        meetingStartsAt: governanceMeetings.startsAt,
        meetingStatus: governanceMeetings.status,
      })
      .from(proposals)
      .innerJoin(agendaItems, and(eq(agendaItems.proposalId, proposals.id), isNull(agendaItems.decision)))
      .innerJoin(governanceMeetings, and(eq(governanceMeetings.id, agendaItems.meetingId), inArray(governanceMeetings.status, ["planned", "held"])))
      .leftJoin(quartiers, eq(quartiers.code, proposals.quartierCode))
      .where(and(sql`${proposals.status} = 'on_copil_agenda' and ${proposals.hiddenAt} is null`, ...conditions))
      .orderBy(asc(governanceMeetings.startsAt), asc(proposals.qualifiedAt), asc(proposals.id))
      .limit(IN_FLIGHT_SHOWN),
  ]);
  const page = rows.slice(0, GTP_PAGE);
  const last = page.at(-1);
  return {
    days,
    waiting: page.map(({ cursorAt: _cursor, ...row }) => row),
    waitingTotal: counted?.waiting ?? 0,
    overdueTotal: counted?.overdue ?? 0,
    next: rows.length > GTP_PAGE && last ? encodeGtpCursor({ qualifiedAt: last.cursorAt, id: last.id }) : null,
    inFlight,
  };
}

/** The filters' choices, from the referential (kept in memory: no query per page). */
export async function getGtpFilterChoices() {
  const [piliers, quartierRows, communeRows] = await Promise.all([listPiliersWithAmbitions(), listQuartiers(), listCommunes()]);
  return {
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))).sort((a, b) => a.number - b.number),
    quartiers: quartierRows.map((q) => ({ code: q.code, name: q.name })),
    communes: communeRows,
  };
}

/** One proposal as the instruction page shows it (null: unknown, a draft, or hidden by moderation). */
export async function getInstructionProposal(rawId: string) {
  const id = parseUuid(rawId);
  if (!id) return null;
  const [row] = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      body: proposals.body,
      status: proposals.status,
      decision: proposals.decision,
      origin: proposals.origin,
      originSessionTitle: laboSessions.title,
      supportCount: proposals.supportCount,
      publishedAt: proposals.publishedAt,
      qualifiedAt: proposals.qualifiedAt,
      answeredAt: proposals.answeredAt,
      answerKind: proposals.answerKind,
      mergedIntoId: proposals.mergedIntoId,
      hiddenAt: proposals.hiddenAt,
      version: proposals.governanceVersion,
      ambitionNumber: proposals.ambitionNumber,
      ambitionTitle: ambitions.title,
      quartierName: quartiers.name,
      communeName: communes.name,
      authorName: users.displayName,
      review: {
        partnerId: proposalReviews.partnerId,
        feasibility: proposalReviews.feasibility,
        costRange: proposalReviews.costRange,
        existingMeans: proposalReviews.existingMeans,
        publicAnalysis: proposalReviews.publicAnalysis,
        internalNotes: proposalReviews.internalNotes,
        updatedAt: proposalReviews.updatedAt,
      },
      partnerName: instructingPartners.name,
      // The open agenda line, if any (at most one: put-forward-proposal guards it).
      agenda: sql<{ meetingId: string; title: string; startsAt: string; status: string } | null>`(
        select json_build_object('meetingId', m.id, 'title', m.title, 'startsAt', m.starts_at, 'status', m.status)
        from ${agendaItems} ai join ${governanceMeetings} m on m.id = ai.meeting_id
        where ai.proposal_id = ${proposals.id} and ai.decision is null and m.status in ('planned', 'held')
        order by m.starts_at limit 1)`,
      mergedIntoTitle: sql<string | null>`(select t.title from ${proposals} t where t.id = ${proposals.mergedIntoId})`,
    })
    .from(proposals)
    .innerJoin(ambitions, eq(ambitions.number, proposals.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, proposals.quartierCode))
    .leftJoin(communes, eq(communes.slug, proposals.communeSlug))
    .leftJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(laboSessions, eq(laboSessions.id, proposals.originLaboSessionId))
    .leftJoin(proposalReviews, eq(proposalReviews.proposalId, proposals.id))
    .leftJoin(instructingPartners, eq(instructingPartners.id, proposalReviews.partnerId))
    .where(and(eq(proposals.id, id), isNull(proposals.hiddenAt), sql`${proposals.status} <> 'draft'`));
  return row ?? null;
}
export type InstructionProposal = NonNullable<Awaited<ReturnType<typeof getInstructionProposal>>>;
