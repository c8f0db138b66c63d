import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { ambitions, proposalEvents, proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { emailAuthorOfQualification } from "./qualification.server.ts";
import { firstRow, lockedTarget, visibleTo, type TargetRow } from "./support-target.server.ts";

export type Participant = NonNullable<Viewer>;

export type SupportResult =
  | { status: "ok"; supported: true; supportCount: number; qualified: boolean; justQualified: boolean }
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "own_proposal" }
  | { status: "forbidden" };

/**
 * Adds the person's support. One per person and proposal: the primary key on `supports` decides, and the
 * counter moves only when a row was really inserted, in the same statement, so double clicks and
 * concurrent requests count once. The supporter follows the proposal from then on.
 *
 * One statement does the common case (lock the proposal's row, check it, insert the support, count it,
 * follow); it returns the proposal's facts, so a refusal needs no other query. When the count reaches the
 * ambition's threshold while the proposal is "published", the same transaction, still holding the row
 * lock, makes it "qualified" and writes the timeline event; only that transaction emails the author, after
 * commit, so the author hears it exactly once.
 *
 * Authors may not support their own proposal: the threshold measures how many other residents back
 * the idea (Decidim allows it; here the count would otherwise always include its author).
 */
export async function supportProposal({ viewer, proposalId }: { viewer: Participant; proposalId: string }): Promise<SupportResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };

  // `qualification` is set only in the transaction that made the proposal qualified.
  const outcome = await db.transaction(async (tx) => {
    const row = await firstRow<TargetRow & { threshold: number }>(
      tx,
      sql`with ${lockedTarget(proposalId)},
      inserted as (
        insert into ${supports} (proposal_id, user_id)
        select target.id, ${viewer.id} from target
        where target.open and target.author_id is distinct from ${viewer.id}
        on conflict do nothing
        returning ${supports.proposalId} as proposal_id),
      counted as (
        update ${proposals} set support_count = ${proposals.supportCount} + 1
        from inserted where ${proposals.id} = inserted.proposal_id
        returning ${proposals.supportCount} as support_count),
      followed as (
        insert into ${proposalFollows} (proposal_id, user_id)
        select proposal_id, ${viewer.id} from inserted
        on conflict do nothing)
      select target.status, target.author_id, target.open, target.qualified,
        coalesce((select support_count from counted), target.support_count) as support_count,
        exists (select 1 from inserted) as changed,
        (select ${ambitions.supportThreshold} from ${ambitions} where ${ambitions.number} = target.ambition_number) as threshold
      from target`,
    );
    if (!row) return null;
    // The row lock is held until commit and the status was read under it: one transaction only makes the transition.
    const threshold = Number(row.threshold);
    if (row.changed && row.status === "published" && row.support_count >= threshold) {
      await tx
        .update(proposals)
        .set({ status: "qualified", qualifiedAt: sql`now()` })
        .where(and(eq(proposals.id, proposalId), eq(proposals.status, "published")));
      const qualification = { threshold, supports: row.support_count };
      await tx.insert(proposalEvents).values({ proposalId, kind: "qualified", actorId: null, payload: qualification });
      return { row, qualification };
    }
    return { row, qualification: null };
  });

  const row = outcome?.row;
  if (!row || !visibleTo({ status: row.status, authorId: row.author_id }, viewer.id)) return { status: "not_found" };
  if (row.author_id === viewer.id) return { status: "own_proposal" };
  if (!row.open) return { status: "closed" };
  const { qualification } = outcome;
  if (qualification) await emailAuthorOfQualification(proposalId, qualification);
  return { status: "ok", supported: true, supportCount: row.support_count, qualified: row.qualified || qualification !== null, justQualified: qualification !== null };
}
