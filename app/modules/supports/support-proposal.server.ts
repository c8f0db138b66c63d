import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { ambitions, notificationEvents, proposalEvents, proposalFollows, proposals, supports } from "#db/schema/index.ts";
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
 * One statement does it all (lock the proposal's row, check it, insert the support, count it, follow, and
 * qualify the proposal with its timeline event when the count reaches the ambition's threshold while it is
 * "published", and the event its supporters and followers are notified from); it returns the proposal's
 * facts, so a refusal needs no other query. Only the statement that qualified the proposal emails the
 * author, after it committed, so the author hears it exactly once.
 *
 * Authors may not support their own proposal: the threshold measures how many other residents back
 * the idea (Decidim allows it; here the count would otherwise always include its author).
 */
export async function supportProposal({ viewer, proposalId }: { viewer: Participant; proposalId: string }): Promise<SupportResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };

  // One statement, atomic on its own. The proposal's row is locked first, so the status read under the lock is
  // the latest: the support that crosses the threshold of a "published" proposal qualifies it and writes the
  // timeline event, and only that one, since every later support reads "qualified".
  const row = await firstRow<TargetRow & { threshold: number; just_qualified: boolean }>(
    db,
    sql`with ${lockedTarget(proposalId)},
    threshold as (
      select ${ambitions.supportThreshold} as threshold from ${ambitions}, target where ${ambitions.number} = target.ambition_number),
    inserted as (
      insert into ${supports} (proposal_id, user_id)
      select target.id, ${viewer.id} from target
      where target.open and target.author_id is distinct from ${viewer.id}
      on conflict do nothing
      returning ${supports.proposalId} as proposal_id),
    counted as (
      update ${proposals} set
        support_count = ${proposals.supportCount} + 1,
        status = case when target.status = 'published' and ${proposals.supportCount} + 1 >= threshold.threshold then 'qualified' else ${proposals.status} end,
        qualified_at = case when target.status = 'published' and ${proposals.supportCount} + 1 >= threshold.threshold then now() else ${proposals.qualifiedAt} end
      from inserted, target, threshold where ${proposals.id} = inserted.proposal_id
      returning ${proposals.supportCount} as support_count, (target.status = 'published' and ${proposals.supportCount} >= threshold.threshold) as just_qualified),
    followed as (
      insert into ${proposalFollows} (proposal_id, user_id)
      select proposal_id, ${viewer.id} from inserted
      on conflict do nothing),
    qualified_event as (
      insert into ${proposalEvents} (proposal_id, kind, actor_id, payload)
      select ${proposalId}, 'qualified', null, jsonb_build_object('threshold', threshold.threshold, 'supports', counted.support_count)
      from counted, threshold where counted.just_qualified),
    qualified_notice as (
      insert into ${notificationEvents} (kind, proposal_id, actor_id, payload)
      select 'proposal_step', ${proposalId}, null, jsonb_build_object('step', 'qualified', 'threshold', threshold.threshold, 'supports', counted.support_count)
      from counted, threshold where counted.just_qualified)
    select target.status, target.author_id, target.open, target.qualified,
      coalesce((select support_count from counted), target.support_count) as support_count,
      exists (select 1 from inserted) as changed,
      coalesce((select just_qualified from counted), false) as just_qualified,
      (select threshold from threshold) as threshold
    from target`,
  );

  if (!row || !visibleTo({ status: row.status, authorId: row.author_id }, viewer.id)) return { status: "not_found" };
  if (row.author_id === viewer.id) return { status: "own_proposal" };
  if (!row.open) return { status: "closed" };
  const qualification = row.just_qualified ? { threshold: Number(row.threshold), supports: Number(row.support_count) } : null;
  if (qualification) await emailAuthorOfQualification(proposalId, qualification);
  return { status: "ok", supported: true, supportCount: Number(row.support_count), qualified: row.qualified || qualification !== null, justQualified: qualification !== null };
}
