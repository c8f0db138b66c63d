import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { proposals, supports } from "#db/schema/index.ts";
import type { Participant } from "./support-proposal.server.ts";
import { firstRow, lockedTarget, visibleTo, type TargetRow } from "./support-target.server.ts";

export type WithdrawSupportResult =
  | { status: "ok"; supported: false; supportCount: number; qualified: boolean }
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "forbidden" };

/**
 * Takes the person's support back while the proposal is open. One statement, atomic on its own: it locks
 * the proposal's row, deletes the support only if the proposal is open, and moves the counter only when a
 * row was deleted; withdrawing twice changes nothing. A qualified proposal stays qualified, and the person
 * keeps following it (they can stop separately).
 */
export async function withdrawSupport({ viewer, proposalId }: { viewer: Participant; proposalId: string }): Promise<WithdrawSupportResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };
  const row = await firstRow<TargetRow>(
    db,
    sql`with ${lockedTarget(proposalId)},
    deleted as (
      delete from ${supports} using target
      where ${supports.proposalId} = target.id and ${supports.userId} = ${viewer.id} and target.open
      returning ${supports.proposalId} as proposal_id),
    counted as (
      update ${proposals} set support_count = ${proposals.supportCount} - 1
      from deleted where ${proposals.id} = deleted.proposal_id
      returning ${proposals.supportCount} as support_count)
    select target.status, target.author_id, target.open, target.qualified,
      coalesce((select support_count from counted), target.support_count) as support_count,
      exists (select 1 from deleted) as changed
    from target`,
  );
  if (!row || !visibleTo({ status: row.status, authorId: row.author_id }, viewer.id)) return { status: "not_found" };
  if (!row.open) return { status: "closed" };
  return { status: "ok", supported: false, supportCount: row.support_count, qualified: row.qualified };
}
