import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { isOpen } from "#app/modules/proposals/proposal-status.ts";
import { proposalFollows, proposals, type ProposalStatus } from "#db/schema/index.ts";

export type FollowResult = { status: "ok"; following: boolean } | { status: "not_found" } | { status: "closed" };

/** A proposal is worth following while it is open, and once decided, until it is done (its implementation). */
const FOLLOWABLE_AFTER_CLOSE: readonly ProposalStatus[] = ["decided", "in_progress", "done"];
export function isFollowable(proposal: { status: ProposalStatus; hiddenAt: Date | null }) {
  return proposal.hiddenAt === null && (isOpen(proposal.status) || FOLLOWABLE_AFTER_CLOSE.includes(proposal.status));
}

async function findProposal(proposalId: string, viewerId: string) {
  const [row] = await db
    .select({ status: proposals.status, hiddenAt: proposals.hiddenAt, authorId: proposals.authorId })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .limit(1);
  // Drafts belong to their author: to anyone else they do not exist.
  if (!row || (row.status === "draft" && row.authorId !== viewerId)) return null;
  return row;
}

/** Anyone signed in may follow an open or decided proposal. Following twice changes nothing. */
export async function followProposal({ userId, proposalId }: { userId: string; proposalId: string }): Promise<FollowResult> {
  const proposal = await findProposal(proposalId, userId);
  if (!proposal) return { status: "not_found" };
  if (!isFollowable(proposal)) return { status: "closed" };
  await db.insert(proposalFollows).values({ proposalId, userId }).onConflictDoNothing();
  return { status: "ok", following: true };
}

/** Stopping is always possible, whatever the proposal became. Stopping twice changes nothing. */
export async function unfollowProposal({ userId, proposalId }: { userId: string; proposalId: string }): Promise<FollowResult> {
  const proposal = await findProposal(proposalId, userId);
  if (!proposal) return { status: "not_found" };
  await db.delete(proposalFollows).where(and(eq(proposalFollows.proposalId, proposalId), eq(proposalFollows.userId, userId)));
  return { status: "ok", following: false };
}
