/**
 * What a council's tracking board reads: the proposals it carries or follows and the interpellations it
 * sent, each with what happened to it. Two statements per board, whatever its length (the proposals with
 * their agenda, decision, direct answer and next milestone as correlated subqueries served by the
 * per-proposal indexes; the interpellations through interpellations_council_idx). Never a hidden row, never
 * a draft, never the GTP's internal notes (proposal_reviews is not read at all), and a COPIL decision
 * only once its meeting's relevé is published — as on the proposal's page (proposal-governance-queries).
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import {
  agendaItems,
  councilProposals,
  decisionCorrections,
  followupMilestones,
  governanceMeetings,
  interpellations,
  proposalEvents,
  proposals,
  type ProposalDecision,
} from "#db/schema/index.ts";
import { buildBoard, type BoardInterpellationRow, type BoardProposalRow } from "./board-rules.ts";
import type { BoardFilters } from "./board.schema.ts";

/** Rows read per kind at most: a council carries a few dozen subjects a year; the cap keeps a page bounded. */
export const BOARD_CAP = 500;

function proposalRowsQuery(code: string) {
  return db
    .select({
      tie: councilProposals.tie,
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
      decision: proposals.decision,
      qualifiedAt: proposals.qualifiedAt,
      answeredAt: proposals.answeredAt,
      updatedAt: proposals.updatedAt,
      // The meeting it waits for: the latest agenda line whose relevé is not out yet.
      openMeeting: sql<{ title: string; startsAt: string; status: "planned" | "held" } | null>`(
        select json_build_object('title', m.title, 'startsAt', m.starts_at, 'status', m.status)
        from ${agendaItems} ai join ${governanceMeetings} m on m.id = ai.meeting_id
        where ai.proposal_id = ${proposals.id} and m.status <> 'published'
        order by m.starts_at desc limit 1)`,
      // The latest public decision (relevé published), with its dated corrections.
      publishedDecision: sql<{ decision: ProposalDecision; reasons: string | null; startsAt: string; publishedAt: string | null; corrections: { text: string; at: string }[] } | null>`(
        select json_build_object('decision', ai.decision, 'reasons', ai.public_reasons, 'startsAt', m.starts_at, 'publishedAt', m.published_at,
          'corrections', coalesce((select json_agg(json_build_object('text', c.text, 'at', c.created_at) order by c.created_at)
            from ${decisionCorrections} c where c.agenda_item_id = ai.id), '[]'::json))
        from ${agendaItems} ai join ${governanceMeetings} m on m.id = ai.meeting_id
        where ai.proposal_id = ${proposals.id} and m.status = 'published' and ai.decision is not null
        order by m.starts_at desc limit 1)`,
      // A direct answer of the GTP: the words residents read are on the timeline's `answered` step.
      directAnswer: sql<{ answerKind: string | null; text: string | null; competentBody: string | null; at: string } | null>`(
        select json_build_object('answerKind', e.payload->>'answerKind', 'text', e.payload->>'text', 'competentBody', e.payload->>'competentBody', 'at', e.created_at)
        from ${proposalEvents} e where e.proposal_id = ${proposals.id} and e.kind = 'answered'
        order by e.created_at desc limit 1)`,
      nextMilestone: sql<{ title: string; dueOn: string } | null>`(
        select json_build_object('title', fm.title, 'dueOn', fm.due_on)
        from ${followupMilestones} fm where fm.proposal_id = ${proposals.id} and fm.done_at is null
        order by fm.due_on, fm.created_at limit 1)`,
    })
    .from(councilProposals)
    .innerJoin(proposals, eq(proposals.id, councilProposals.proposalId))
    .where(and(eq(councilProposals.councilCode, code), isNull(proposals.hiddenAt), sql`${proposals.status} <> 'draft'`))
    .orderBy(desc(councilProposals.createdAt), desc(proposals.id))
    .limit(BOARD_CAP);
}

function interpellationRowsQuery(code: string) {
  return db
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
    .orderBy(desc(interpellations.createdAt), desc(interpellations.id))
    .limit(BOARD_CAP);
}

/** The board's raw rows (exported for the tests, which check what the statements leave out). */
export async function readBoardRows(code: string): Promise<{ proposals: BoardProposalRow[]; interpellations: BoardInterpellationRow[]; capped: boolean }> {
  const [proposalRows, interpellationRows] = await Promise.all([proposalRowsQuery(code), interpellationRowsQuery(code)]);
  return {
    proposals: proposalRows,
    interpellations: interpellationRows,
    capped: proposalRows.length >= BOARD_CAP || interpellationRows.length >= BOARD_CAP,
  };
}

/**
 * The board of a council under these filters: its items sorted and filtered, the counts of the whole
 * board (so the filters never hide how many are late), and the deadline setting in force.
 */
export async function getCouncilBoard(code: string, filters: BoardFilters, now: Date = new Date()) {
  const [rows, deadlineDays] = await Promise.all([readBoardRows(code), getSetting("governance.answerDeadlineDays")]);
  // capped: how many rows of a kind were read at most, when a kind reached it (the page says so).
  return { ...buildBoard(rows, filters, { deadlineDays, now }), deadlineDays, capped: rows.capped ? BOARD_CAP : null };
}

export type CouncilBoard = Awaited<ReturnType<typeof getCouncilBoard>>;
