import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { contributions, proposals } from "#db/schema/index.ts";

export type DeleteContributionResult =
  | { status: "ok"; proposalId: string }
  | { status: "already_deleted"; proposalId: string }
  | { status: "not_found" }
  | { status: "forbidden" };

/**
 * Deletes one's own contribution, at any time, even on a closed proposal. Soft: the row stays (its
 * replies keep their place, and the thread shows « Contribution supprimée »), but no read ever returns
 * its text again. The counter goes down in the same transaction, once: a second click finds it deleted.
 * A contribution hidden by moderation is out of its author's hands.
 */
export async function deleteContribution({ viewerId, contributionId }: { viewerId: string; contributionId: string }): Promise<DeleteContributionResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ authorId: contributions.authorId, proposalId: contributions.proposalId, deletedAt: contributions.deletedAt, hiddenAt: contributions.hiddenAt })
      .from(contributions)
      .where(eq(contributions.id, contributionId));
    if (!row || row.hiddenAt) return { status: "not_found" } as const;
    if (row.authorId !== viewerId) return { status: "forbidden" } as const;
    // The condition on deleted_at makes a concurrent second delete a no-op.
    const [deleted] = await tx
      .update(contributions)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(contributions.id, contributionId), isNull(contributions.deletedAt)))
      .returning({ id: contributions.id });
    if (!deleted) return { status: "already_deleted", proposalId: row.proposalId } as const;
    await tx
      .update(proposals)
      .set({ contributionCount: sql`greatest(${proposals.contributionCount} - 1, 0)` })
      .where(eq(proposals.id, row.proposalId));
    return { status: "ok", proposalId: row.proposalId } as const;
  });
}
