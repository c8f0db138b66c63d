/**
 * « Ce que devient cette proposition »: what the public page says about a qualified proposal's way
 * through the GTP and the COPIL, read in one query. Only the public part of the GTP's analysis is read
 * (never its internal notes), and a COPIL decision only once the meeting's relevé is published.
 */
import { eq, sql, type Placeholder } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import type { ProposalStatus } from "#db/schema/proposals.ts";
import { agendaItems, decisionCorrections, followupMilestones, governanceMeetings, instructingPartners, proposalFollowups, proposalReviews, proposals } from "#db/schema/index.ts";
import type { CostRange, Feasibility, FunderShare } from "#db/schema/governance.ts";
import type { AnswerKind, ProposalDecision } from "#db/schema/proposals.ts";

/** The statuses that have a governance section: qualified, and every step after it. */
export const GOVERNANCE_STATUSES: readonly ProposalStatus[] = ["qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done", "answered"];

export type GovernanceReview = { partnerName: string | null; feasibility: Feasibility | null; costRange: CostRange | null; existingMeans: string; publicAnalysis: string };
export type GovernanceAgendaEntry = {
  meetingId: string;
  bodyKey: string;
  meetingTitle: string;
  startsAt: string;
  /** The relevé is published: the decision and its reasons are public. */
  published: boolean;
  decision: ProposalDecision | null;
  reasons: string | null;
  corrections: { text: string; at: string }[];
};

function governanceQuery(id: string | Placeholder) {
  return db
    .select({
      qualifiedAt: proposals.qualifiedAt,
      answeredAt: proposals.answeredAt,
      answerKind: sql<AnswerKind | null>`${proposals.answerKind}`,
      review: sql<GovernanceReview | null>`(
        select json_build_object('partnerName', ip.name, 'feasibility', r.feasibility, 'costRange', r.cost_range, 'existingMeans', r.existing_means, 'publicAnalysis', r.public_analysis)
        from ${proposalReviews} r left join ${instructingPartners} ip on ip.id = r.partner_id
        where r.proposal_id = ${id})`,
      // Every meeting it was put on, oldest first; a decision and its corrections only from a published relevé.
      agenda: sql<GovernanceAgendaEntry[]>`coalesce((
        select json_agg(json_build_object(
          'meetingId', m.id, 'bodyKey', m.body_key, 'meetingTitle', m.title, 'startsAt', m.starts_at,
          'published', m.status = 'published',
          'decision', case when m.status = 'published' then ai.decision end,
          'reasons', case when m.status = 'published' then ai.public_reasons end,
          'corrections', case when m.status = 'published' then coalesce((
            select json_agg(json_build_object('text', c.text, 'at', c.created_at) order by c.created_at)
            from ${decisionCorrections} c where c.agenda_item_id = ai.id), '[]'::json) else '[]'::json end
        ) order by m.starts_at)
        from ${agendaItems} ai join ${governanceMeetings} m on m.id = ai.meeting_id
        where ai.proposal_id = ${id}), '[]'::json)`,
      followup: sql<{ bodyInCharge: string; actionTitle: string | null; porteur: string | null; amountEur: number | null; funders: FunderShare[]; startedAt: string } | null>`(
        select json_build_object('bodyInCharge', f.body_in_charge, 'actionTitle', f.action_title, 'porteur', f.porteur, 'amountEur', f.amount_eur, 'funders', f.funders, 'startedAt', f.started_at)
        from ${proposalFollowups} f where f.proposal_id = ${id})`,
      milestones: sql<{ id: string; title: string; dueOn: string; doneAt: string | null }[]>`coalesce((
        select json_agg(json_build_object('id', fm.id, 'title', fm.title, 'dueOn', fm.due_on, 'doneAt', fm.done_at) order by fm.due_on, fm.created_at)
        from ${followupMilestones} fm where fm.proposal_id = ${id}), '[]'::json)`,
    })
    .from(proposals)
    .where(eq(proposals.id, id))
    .limit(1);
}

// Built once, run with the proposal's id (see prepared-queries.server.ts).
const governanceRuns = preparedByShape<Awaited<ReturnType<typeof governanceQuery>>[number]>("proposal_governance");

/** One query: the GTP's review (public part), the meetings it was on, the decisions, the follow-up. */
export async function getProposalGovernance(proposalId: string) {
  const [row] = await governanceRuns("", () => governanceQuery(sql.placeholder("id"))).execute({ id: proposalId });
  return row ?? null;
}

export type ProposalGovernance = NonNullable<Awaited<ReturnType<typeof getProposalGovernance>>>;

/** Where a merged proposal went (the page redirects there). */
export async function getMergeTarget(proposalId: string) {
  const [row] = await db.select({ mergedIntoId: proposals.mergedIntoId }).from(proposals).where(eq(proposals.id, proposalId)).limit(1);
  return row?.mergedIntoId ?? null;
}
