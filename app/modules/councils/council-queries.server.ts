/**
 * What the public and the coordinators read about the conseils citoyens. Public reads return names,
 * collèges and organisations of listed, current members only: never an e-mail, a phone or an account id.
 */
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { councilMeetings, councilMembers, councilProposals, councilQuartiers, councils, interpellations, proposals, quartiers, type CouncilCollege } from "#db/schema/index.ts";

/** Meetings shown on a council's public page: the next ones, and the latest past ones. */
export const UPCOMING_MEETINGS_SHOWN = 5;
export const PAST_MEETINGS_SHOWN = 10;
/** A council's proposals and interpellations on its page: capped (the board has the full lists). */
export const COUNCIL_LIST_CAP = 50;
/** Meetings on the management page. */
export const MANAGED_MEETINGS_SHOWN = 30;

// Spelled out: drizzle writes a column of a one-table select without its table name, and inside these
// subqueries a bare "code" would be the quartier's.
const COUNCIL_CODE = sql.raw('"councils"."code"');

type CommuneRef = { slug: string; name: string };
export type CouncilQuartier = { code: string; name: string; communes: CommuneRef[] };

/** The quartiers of each council with their communes, as one JSON value (a correlated subquery). */
const quartiersJson = sql<CouncilQuartier[]>`coalesce((
  select json_agg(json_build_object('code', q.code, 'name', q.name, 'communes', coalesce((
           select json_agg(json_build_object('slug', c.slug, 'name', c.name) order by c.name)
             from quartier_communes qc join communes c on c.slug = qc.commune_slug
            where qc.quartier_code = q.code), '[]'::json)) order by q.name)
    from ${councilQuartiers} cq join ${quartiers} q on q.code = cq.quartier_code
   where cq.council_code = ${COUNCIL_CODE}), '[]'::json)`;

const listedIn = (college: CouncilCollege) =>
  sql<number>`(select count(*) from ${councilMembers} m where m.council_code = ${COUNCIL_CODE} and m.left_at is null and m.listed and m.college = ${college})::int`.mapWith(Number);

/** A proposal the public may see: published (not a draft) and not hidden by moderation. */
const publicProposal = and(sql`${proposals.status} <> 'draft'`, isNull(proposals.hiddenAt), isNotNull(proposals.publishedAt));

export type CouncilListItem = {
  code: string;
  name: string;
  quartiers: CouncilQuartier[];
  listed: Record<CouncilCollege, number>;
  nextMeetingAt: string | null;
  carriedCount: number;
};

/**
 * Every council with the quartiers it covers, its listed members per collège, its next meeting and the
 * number of public proposals it carries: one statement (scalar subqueries served by the councils' indexes).
 */
export async function listCouncils(now: Date = new Date()): Promise<CouncilListItem[]> {
  const rows = await db
    .select({
      code: councils.code,
      name: councils.name,
      quartiers: quartiersJson,
      residents: listedIn("residents"),
      actors: listedIn("actors"),
      nextMeetingAt: sql<Date | null>`(select min(mt.starts_at) from ${councilMeetings} mt where mt.council_code = ${COUNCIL_CODE} and mt.starts_at >= ${now.toISOString()}::timestamptz)`.mapWith(councilMeetings.startsAt),
      carriedCount: sql<number>`(select count(*) from ${councilProposals} cp join ${proposals} on ${proposals.id} = cp.proposal_id
        where cp.council_code = ${COUNCIL_CODE} and cp.tie = 'carried' and ${publicProposal})::int`.mapWith(Number),
    })
    .from(councils)
    .orderBy(asc(councils.name));
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    quartiers: parseJson(row.quartiers),
    listed: { residents: row.residents, actors: row.actors },
    nextMeetingAt: row.nextMeetingAt ? row.nextMeetingAt.toISOString() : null,
    carriedCount: row.carriedCount,
  }));
}

export type CouncilGroup = { slug: string | null; name: string | null; councils: CouncilListItem[] };

/**
 * Councils under each commune of their quartiers (a council whose quartier spans two communes is under
 * both), communes in alphabetical order; a council that covers no quartier comes last, on its own.
 */
export function groupCouncilsByCommune(items: CouncilListItem[], locale = "fr"): CouncilGroup[] {
  const compare = new Intl.Collator(locale).compare;
  const groups = new Map<string, CouncilGroup>();
  const orphans: CouncilListItem[] = [];
  for (const council of items) {
    const communes = new Map(council.quartiers.flatMap((q) => q.communes.map((c) => [c.slug, c] as const)));
    if (communes.size === 0) orphans.push(council);
    for (const commune of communes.values()) {
      let group = groups.get(commune.slug);
      if (!group) groups.set(commune.slug, (group = { slug: commune.slug, name: commune.name, councils: [] }));
      group.councils.push(council);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => compare(a.name!, b.name!));
  for (const group of sorted) group.councils.sort((a, b) => compare(a.name, b.name));
  return orphans.length ? [...sorted, { slug: null, name: null, councils: orphans }] : sorted;
}

export type PublicCouncilMember = { displayName: string; college: CouncilCollege; organisation: string };

/** A council's public page: everything in a fixed number of statements, run together. */
export async function getCouncilPage(code: string, now: Date = new Date()) {
  const [[council], members, unlisted, upcoming, past, tied, asked] = await Promise.all([
    db
      .select({ code: councils.code, name: councils.name, howToJoin: councils.howToJoin, meetingPattern: councils.meetingPattern, quartiers: quartiersJson })
      .from(councils)
      .where(eq(councils.code, code))
      .limit(1),
    db
      .select({ displayName: councilMembers.displayName, college: councilMembers.college, organisation: councilMembers.organisation })
      .from(councilMembers)
      .where(and(eq(councilMembers.councilCode, code), isNull(councilMembers.leftAt), eq(councilMembers.listed, true)))
      .orderBy(asc(councilMembers.college), asc(councilMembers.displayName)),
    db
      .select({ college: councilMembers.college, count: sql<number>`count(*)::int`.mapWith(Number) })
      .from(councilMembers)
      .where(and(eq(councilMembers.councilCode, code), isNull(councilMembers.leftAt), eq(councilMembers.listed, false)))
      .groupBy(councilMembers.college),
    db
      .select({ id: councilMeetings.id, title: councilMeetings.title, startsAt: councilMeetings.startsAt, place: councilMeetings.place, summary: councilMeetings.summary })
      .from(councilMeetings)
      .where(and(eq(councilMeetings.councilCode, code), gte(councilMeetings.startsAt, now)))
      .orderBy(asc(councilMeetings.startsAt))
      .limit(UPCOMING_MEETINGS_SHOWN),
    db
      .select({ id: councilMeetings.id, title: councilMeetings.title, startsAt: councilMeetings.startsAt, place: councilMeetings.place, summary: councilMeetings.summary })
      .from(councilMeetings)
      .where(and(eq(councilMeetings.councilCode, code), lt(councilMeetings.startsAt, now)))
      .orderBy(desc(councilMeetings.startsAt))
      .limit(PAST_MEETINGS_SHOWN),
    db
      .select({
        id: proposals.id,
        title: proposals.title,
        status: proposals.status,
        decision: proposals.decision,
        tie: councilProposals.tie,
        statement: councilProposals.statement,
        tiedAt: councilProposals.createdAt,
      })
      .from(councilProposals)
      .innerJoin(proposals, eq(proposals.id, councilProposals.proposalId))
      .where(and(eq(councilProposals.councilCode, code), publicProposal))
      // Carried first, then followed; the latest first within each.
      .orderBy(sql`${councilProposals.tie} = 'carried' desc`, desc(councilProposals.createdAt), asc(proposals.id))
      .limit(COUNCIL_LIST_CAP),
    db
      .select({
        id: interpellations.id,
        kind: interpellations.kind,
        title: interpellations.title,
        answer: interpellations.answer,
        answeredAt: interpellations.answeredAt,
        createdAt: interpellations.createdAt,
      })
      .from(interpellations)
      .where(and(eq(interpellations.councilCode, code), isNull(interpellations.hiddenAt)))
      .orderBy(desc(interpellations.createdAt), asc(interpellations.id))
      .limit(COUNCIL_LIST_CAP),
  ]);
  if (!council) return null;
  const unlistedBy = Object.fromEntries(unlisted.map((u) => [u.college, u.count])) as Partial<Record<CouncilCollege, number>>;
  return {
    code: council.code,
    name: council.name,
    howToJoin: council.howToJoin,
    meetingPattern: council.meetingPattern,
    quartiers: parseJson(council.quartiers),
    colleges: {
      residents: { members: members.filter((m) => m.college === "residents"), unlistedCount: unlistedBy.residents ?? 0 },
      actors: { members: members.filter((m) => m.college === "actors"), unlistedCount: unlistedBy.actors ?? 0 },
    },
    upcomingMeetings: upcoming,
    pastMeetings: past,
    proposals: tied,
    interpellations: asked,
  };
}

/** The council of a quartier, for the quartier's page: its name, how to join, and how many listed members. */
export async function getCouncilOfQuartier(quartierCode: string) {
  const [row] = await db
    .select({
      code: councils.code,
      name: councils.name,
      howToJoin: councils.howToJoin,
      listedCount: sql<number>`(select count(*) from ${councilMembers} m where m.council_code = ${COUNCIL_CODE} and m.left_at is null and m.listed)::int`.mapWith(Number),
    })
    .from(councilQuartiers)
    .innerJoin(councils, eq(councils.code, councilQuartiers.councilCode))
    .where(eq(councilQuartiers.quartierCode, quartierCode))
    .limit(1);
  return row ?? null;
}

/** The management page: the council, all its members (current and past) and its meetings. */
export async function getCouncilManagement(code: string) {
  const [[council], members, meetings, allQuartiers] = await Promise.all([
    db
      .select({ code: councils.code, name: councils.name, howToJoin: councils.howToJoin, meetingPattern: councils.meetingPattern, quartiers: quartiersJson })
      .from(councils)
      .where(eq(councils.code, code))
      .limit(1),
    db
      .select({
        id: councilMembers.id,
        displayName: councilMembers.displayName,
        college: councilMembers.college,
        organisation: councilMembers.organisation,
        listed: councilMembers.listed,
        // Whether the member may act for the council; which account it is stays out of the page.
        hasAccount: sql<boolean>`${councilMembers.userId} is not null`,
        createdAt: councilMembers.createdAt,
        leftAt: councilMembers.leftAt,
      })
      .from(councilMembers)
      .where(eq(councilMembers.councilCode, code))
      .orderBy(asc(councilMembers.college), asc(councilMembers.displayName), asc(councilMembers.id)),
    db
      .select({ id: councilMeetings.id, title: councilMeetings.title, startsAt: councilMeetings.startsAt, place: councilMeetings.place, summary: councilMeetings.summary })
      .from(councilMeetings)
      .where(eq(councilMeetings.councilCode, code))
      .orderBy(desc(councilMeetings.startsAt))
      .limit(MANAGED_MEETINGS_SHOWN),
    db
      .select({ code: quartiers.code, name: quartiers.name, councilCode: councilQuartiers.councilCode, councilName: councils.name })
      .from(quartiers)
      .leftJoin(councilQuartiers, eq(councilQuartiers.quartierCode, quartiers.code))
      .leftJoin(councils, eq(councils.code, councilQuartiers.councilCode))
      .orderBy(asc(quartiers.name)),
  ]);
  if (!council) return null;
  return {
    council: { code: council.code, name: council.name, howToJoin: council.howToJoin, meetingPattern: council.meetingPattern, quartiers: parseJson(council.quartiers) },
    currentMembers: members.filter((m) => m.leftAt === null).map(({ leftAt: _, ...m }) => ({ ...m, hasAccount: Boolean(m.hasAccount) })),
    pastMembers: members.filter((m) => m.leftAt !== null).map((m) => ({ id: m.id, displayName: m.displayName, college: m.college, organisation: m.organisation, leftAt: m.leftAt! })),
    meetings,
    otherQuartiers: allQuartiers.filter((q) => q.councilCode !== code),
  };
}

/** The councils a person currently sits on (the admin's user page; the person's own space). */
export async function listCurrentMemberships(userId: string) {
  return db
    .select({ councilCode: councils.code, councilName: councils.name, college: councilMembers.college, listed: councilMembers.listed })
    .from(councilMembers)
    .innerJoin(councils, eq(councils.code, councilMembers.councilCode))
    .where(and(eq(councilMembers.userId, userId), isNull(councilMembers.leftAt)))
    .orderBy(asc(councils.name));
}

/** postgres.js and PGlite both parse json; a driver that answers text is handled too. */
function parseJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}
