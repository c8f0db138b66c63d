/**
 * A council keeps an eye on a proposal of one of its quartiers (its members hear of each step, in the
 * `council` category of their notifications), or stops. A carried proposal stays carried: it is not
 * unfollowed (the carry is a public commitment on the proposal's timeline).
 */
import { and, eq, inArray } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { councilProposals, proposals } from "#db/schema/index.ts";
import { councilCovering } from "./carry-proposal.server.ts";

export type CouncilFollowResult = { status: "ok"; changed: boolean } | { status: "forbidden" } | { status: "not_found" } | { status: "not_covered" } | { status: "carried" };

type Input = { actor: NonNullable<Viewer>; councilCode: string; proposalId: string };

export async function followForCouncil({ actor, councilCode, proposalId }: Input): Promise<CouncilFollowResult> {
  if (!can(actor, "council.act", { councilCode })) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<CouncilFollowResult> => {
    const [proposal] = await tx
      .select({ id: proposals.id, quartierCode: proposals.quartierCode, hiddenAt: proposals.hiddenAt })
      .from(proposals)
      .where(and(eq(proposals.id, proposalId), inArray(proposals.status, VISIBLE_STATUSES)))
      .for("share");
    if (!proposal || proposal.hiddenAt) return { status: "not_found" };
    const council = await councilCovering(tx, councilCode, proposal.quartierCode);
    if (!council) return { status: "not_covered" };
    // A carried proposal is followed already: nothing to add.
    const inserted = await tx.insert(councilProposals).values({ councilCode: council.code, proposalId, tie: "followed", actorId: actor.id }).onConflictDoNothing().returning({ tie: councilProposals.tie });
    if (inserted.length) await recordAudit(tx, { actorId: actor.id, action: "council.follow", subjectType: "proposal", subjectId: proposalId, reason: `council:${council.code}` });
    return { status: "ok", changed: inserted.length > 0 };
  });
}

export async function unfollowForCouncil({ actor, councilCode, proposalId }: Input): Promise<CouncilFollowResult> {
  if (!can(actor, "council.act", { councilCode })) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<CouncilFollowResult> => {
    const [row] = await tx
      .select({ tie: councilProposals.tie })
      .from(councilProposals)
      .where(and(eq(councilProposals.councilCode, councilCode), eq(councilProposals.proposalId, proposalId)))
      .for("update");
    if (!row) return { status: "ok", changed: false };
    if (row.tie === "carried") return { status: "carried" };
    await tx.delete(councilProposals).where(and(eq(councilProposals.councilCode, councilCode), eq(councilProposals.proposalId, proposalId), eq(councilProposals.tie, "followed")));
    await recordAudit(tx, { actorId: actor.id, action: "council.unfollow", subjectType: "proposal", subjectId: proposalId, reason: `council:${councilCode}` });
    return { status: "ok", changed: true };
  });
}

// Drafts belong to their author; a merged proposal lives on in the one it joined.
const VISIBLE_STATUSES = ["published", "qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done", "answered"] as const;
