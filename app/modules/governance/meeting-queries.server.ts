/**
 * Reads behind /instances, /instances/:body and /instances/:body/:meetingId. Meetings are few (a handful
 * per body and year); each list is one query, capped or paged, served by governance_meetings_body_starts_idx.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { agendaItems, decisionCorrections, governanceMeetings, laboSessions, proposals, type MeetingStatus } from "#db/schema/index.ts";
import { MEETINGS_PAGE_SIZE } from "./meeting.schema.ts";

export type MeetingSummary = { id: string; bodyKey: string; title: string; startsAt: Date; place: string; status: MeetingStatus };

const summaryColumns = {
  id: governanceMeetings.id,
  bodyKey: governanceMeetings.bodyKey,
  title: governanceMeetings.title,
  startsAt: governanceMeetings.startsAt,
  place: governanceMeetings.place,
  status: governanceMeetings.status,
};

export const NEXT_PER_BODY = 2;
export const PAST_PER_BODY = 3;

/**
 * For /instances: each body's next meetings (soonest first) and its latest past ones (newest first), in
 * one query: meetings are ranked within their body and side of `now`, and the first few kept.
 */
export async function listMeetingHighlights(now: Date = new Date()) {
  const upcoming = sql<boolean>`${governanceMeetings.startsAt} >= ${now.toISOString()}::timestamptz`;
  const ranked = db
    .select({
      ...summaryColumns,
      upcoming: upcoming.as("upcoming"),
      rank: sql<number>`row_number() over (partition by ${governanceMeetings.bodyKey}, ${upcoming} order by case when ${upcoming} then ${governanceMeetings.startsAt} end asc, ${governanceMeetings.startsAt} desc)`.as(
        "rank",
      ),
    })
    .from(governanceMeetings)
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`(${ranked.upcoming} and ${ranked.rank} <= ${NEXT_PER_BODY}) or (not ${ranked.upcoming} and ${ranked.rank} <= ${PAST_PER_BODY})`)
    .orderBy(asc(ranked.bodyKey), asc(ranked.rank));
  const byBody = new Map<string, { next: MeetingSummary[]; past: MeetingSummary[] }>();
  for (const row of rows) {
    const entry = byBody.get(row.bodyKey) ?? { next: [], past: [] };
    const meeting: MeetingSummary = { id: row.id, bodyKey: row.bodyKey, title: row.title, startsAt: new Date(row.startsAt), place: row.place, status: row.status };
    (row.upcoming ? entry.next : entry.past).push(meeting);
    byBody.set(row.bodyKey, entry);
  }
  return byBody;
}

/** A body's meetings, newest first, one page (and whether there is another). */
export async function listBodyMeetings(bodyKey: string, page: number) {
  const rows = await db
    .select(summaryColumns)
    .from(governanceMeetings)
    .where(eq(governanceMeetings.bodyKey, bodyKey))
    .orderBy(desc(governanceMeetings.startsAt), desc(governanceMeetings.id))
    .limit(MEETINGS_PAGE_SIZE + 1)
    .offset((page - 1) * MEETINGS_PAGE_SIZE);
  return { meetings: rows.slice(0, MEETINGS_PAGE_SIZE), hasMore: rows.length > MEETINGS_PAGE_SIZE };
}

/** The meeting, if it belongs to that body. */
export async function getMeeting(meetingId: string) {
  const [row] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, meetingId)).limit(1);
  return row ?? null;
}

export type PublicAgendaItem = {
  id: string;
  kind: "proposal" | "labo_followup" | "free";
  /** Null for a proposal hidden by moderation: neither its title nor its details are shown. */
  title: string | null;
  details: string;
  proposal: { id: string; hidden: boolean } | null;
  laboSession: { id: string; title: string } | null;
  /** Only once the relevé is published. */
  decided?: { decision: "retained" | "partly_retained" | "not_retained" | "postponed" | null; publicReasons: string; corrections: { id: string; text: string; createdAt: Date }[] };
};

/**
 * A meeting's public page: the meeting (of that body), its agenda in position order, and, once its relevé
 * is published, each item's decision, public reasons and dated corrections. Before publication the
 * decisions are not read at all, so they cannot leak into the page. Two or three queries, whatever the
 * agenda's length.
 */
export async function getPublicMeeting(bodyKey: string, meetingId: string) {
  const [meeting] = await db
    .select()
    .from(governanceMeetings)
    .where(and(eq(governanceMeetings.id, meetingId), eq(governanceMeetings.bodyKey, bodyKey)))
    .limit(1);
  if (!meeting) return null;
  const published = meeting.status === "published";
  const rows = await db
    .select({
      id: agendaItems.id,
      kind: agendaItems.kind,
      title: agendaItems.title,
      details: agendaItems.details,
      decision: agendaItems.decision,
      publicReasons: agendaItems.publicReasons,
      proposalId: proposals.id,
      proposalTitle: proposals.title,
      proposalHiddenAt: proposals.hiddenAt,
      laboSessionId: laboSessions.id,
      laboSessionTitle: laboSessions.title,
      laboSessionStatus: laboSessions.status,
    })
    .from(agendaItems)
    .leftJoin(proposals, eq(proposals.id, agendaItems.proposalId))
    .leftJoin(laboSessions, eq(laboSessions.id, agendaItems.laboSessionId))
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
  const corrections =
    published && rows.length
      ? await db
          .select({ id: decisionCorrections.id, agendaItemId: decisionCorrections.agendaItemId, text: decisionCorrections.text, createdAt: decisionCorrections.createdAt })
          .from(decisionCorrections)
          .where(inArray(decisionCorrections.agendaItemId, rows.map((r) => r.id)))
          .orderBy(asc(decisionCorrections.createdAt), asc(decisionCorrections.id))
      : [];
  const agenda: PublicAgendaItem[] = rows.map((row) => {
    const hidden = row.kind === "proposal" && (row.proposalId === null || row.proposalHiddenAt !== null);
    const item: PublicAgendaItem = {
      id: row.id,
      kind: row.kind,
      title: hidden ? null : row.kind === "proposal" ? (row.proposalTitle ?? row.title) : row.title,
      details: hidden ? "" : row.details,
      proposal: row.kind === "proposal" && row.proposalId ? { id: row.proposalId, hidden } : null,
      // A draft rendez-vous has no public page yet.
      laboSession: row.laboSessionId && row.laboSessionStatus !== "draft" ? { id: row.laboSessionId, title: row.laboSessionTitle ?? row.title } : null,
    };
    if (published) {
      item.decided = {
        decision: row.decision,
        // The reasons of a hidden proposal may quote it: moderation hid it, so they stay out too.
        publicReasons: hidden ? "" : (row.publicReasons ?? ""),
        corrections: hidden ? [] : corrections.filter((c) => c.agendaItemId === row.id).map((c) => ({ id: c.id, text: c.text, createdAt: c.createdAt })),
      };
    }
    return item;
  });
  return { meeting, agenda };
}
