/**
 * Reads for a meeting's agenda page: the meeting, its items with what the coordinator needs to present
 * each one (the proposal's ambition, quartier, supports, the GTP's analysis), the corrections of
 * published decisions, and the rendez-vous du Labo whose minutes can feed a follow-up item.
 * A fixed number of queries per page, whatever the number of items.
 */
import { aliasedTable, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import {
  agendaItems,
  ambitions,
  decisionCorrections,
  governanceBodies,
  governanceMeetings,
  instructingPartners,
  laboSessions,
  proposalReviews,
  proposals,
  quartiers,
  users,
} from "#db/schema/index.ts";

export type MeetingRow = typeof governanceMeetings.$inferSelect & { bodyName: string };

export async function getMeeting(meetingId: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select({ meeting: governanceMeetings, bodyName: governanceBodies.name })
    .from(governanceMeetings)
    .innerJoin(governanceBodies, eq(governanceBodies.key, governanceMeetings.bodyKey))
    .where(eq(governanceMeetings.id, meetingId))
    .limit(1);
  return row ? { ...row.meeting, bodyName: row.bodyName } : null;
}

const decidedBy = aliasedTable(users, "decided_by");
const correctedBy = aliasedTable(users, "corrected_by");

/** The items of a meeting, in agenda order, each with its proposal's facts (proposal items) and its corrections. */
export async function getAgendaItems(meetingId: string) {
  const rows = await db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
      details: agendaItems.details,
      laboSessionId: agendaItems.laboSessionId,
      decision: agendaItems.decision,
      publicReasons: agendaItems.publicReasons,
      decidedAt: agendaItems.decidedAt,
      decidedByName: decidedBy.displayName,
      proposalId: agendaItems.proposalId,
      proposalTitle: proposals.title,
      proposalStatus: proposals.status,
      proposalVersion: proposals.governanceVersion,
      proposalHidden: proposals.hiddenAt,
      supportCount: proposals.supportCount,
      ambitionNumber: proposals.ambitionNumber,
      ambitionTitle: ambitions.title,
      quartierName: quartiers.name,
      partnerName: instructingPartners.name,
      publicAnalysis: proposalReviews.publicAnalysis,
    })
    .from(agendaItems)
    .leftJoin(proposals, eq(proposals.id, agendaItems.proposalId))
    .leftJoin(ambitions, eq(ambitions.number, proposals.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, proposals.quartierCode))
    .leftJoin(proposalReviews, eq(proposalReviews.proposalId, agendaItems.proposalId))
    .leftJoin(instructingPartners, eq(instructingPartners.id, proposalReviews.partnerId))
    .leftJoin(decidedBy, eq(decidedBy.id, agendaItems.decidedById))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
  const corrections = rows.length
    ? await db
        .select({ id: decisionCorrections.id, agendaItemId: decisionCorrections.agendaItemId, text: decisionCorrections.text, createdAt: decisionCorrections.createdAt, actorName: correctedBy.displayName })
        .from(decisionCorrections)
        .leftJoin(correctedBy, eq(correctedBy.id, decisionCorrections.actorId))
        .where(
          inArray(
            decisionCorrections.agendaItemId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(decisionCorrections.createdAt), asc(decisionCorrections.id))
    : [];
  return rows.map((row) => ({ ...row, corrections: corrections.filter((c) => c.agendaItemId === row.id) }));
}
export type AgendaItemRow = Awaited<ReturnType<typeof getAgendaItems>>[number];

/** Rendez-vous du Labo whose minutes are published, newest first: a follow-up item can come from one. Capped. */
export const MINUTES_SESSIONS_MAX = 50;
export async function getSessionsWithMinutes() {
  return db
    .select({ id: laboSessions.id, title: laboSessions.title, startsAt: laboSessions.startsAt, followUps: laboSessions.minutesFollowUps })
    .from(laboSessions)
    .where(eq(laboSessions.status, "minutes_published"))
    .orderBy(desc(laboSessions.startsAt), desc(laboSessions.id))
    .limit(MINUTES_SESSIONS_MAX);
}
