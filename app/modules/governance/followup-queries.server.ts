import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { followupMilestones, proposalFollowups, proposals, type FunderShare } from "#db/schema/index.ts";

export type FollowupMilestone = { id: string; title: string; dueOn: string; doneAt: string | null };

/**
 * What the follow-up page needs, in one query: the proposal (its status, decision and the version the
 * forms carry), its follow-up and its milestones by date. Hidden proposals and drafts are absent.
 */
export async function getFollowupPage(proposalId: string) {
  const [row] = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
      decision: proposals.decision,
      governanceVersion: proposals.governanceVersion,
      hiddenAt: proposals.hiddenAt,
      followup: sql<{ bodyInCharge: string; actionTitle: string | null; porteur: string | null; amountEur: number | null; funders: FunderShare[]; startedAt: string } | null>`(
        select json_build_object('bodyInCharge', f.body_in_charge, 'actionTitle', f.action_title, 'porteur', f.porteur, 'amountEur', f.amount_eur, 'funders', f.funders, 'startedAt', f.started_at)
        from ${proposalFollowups} f where f.proposal_id = ${proposalId})`,
      milestones: sql<FollowupMilestone[]>`coalesce((
        select json_agg(json_build_object('id', m.id, 'title', m.title, 'dueOn', m.due_on, 'doneAt', m.done_at) order by m.due_on, m.created_at)
        from ${followupMilestones} m where m.proposal_id = ${proposalId}), '[]'::json)`,
    })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .limit(1);
  if (!row || row.hiddenAt || row.status === "draft") return null;
  const { hiddenAt: _hiddenAt, ...page } = row;
  return page;
}

export type FollowupPage = NonNullable<Awaited<ReturnType<typeof getFollowupPage>>>;
