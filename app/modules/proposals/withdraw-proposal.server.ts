import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { canBeWithdrawn } from "./proposal-rules.ts";
import { lockProposal, recordEvent, type Actor, type Forbidden, type NotFound } from "./proposal-writes.server.ts";

export type WithdrawProposalResult = { status: "ok" } | NotFound | Forbidden | { status: "not_withdrawable" };

/**
 * The author withdraws a published or qualified proposal, optionally saying why. It stays visible,
 * marked withdrawn, with its supports and contributions, but closed to new ones.
 */
export async function withdrawProposal({ actor, proposalId, reason }: { actor: Actor; proposalId: string; reason: string | null }): Promise<WithdrawProposalResult> {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.authorId !== actor.id) return { status: "forbidden" } as const;
    if (!canBeWithdrawn(proposal)) return { status: "not_withdrawable" } as const;
    await tx.update(proposals).set({ status: "withdrawn", withdrawnAt: sql`now()`, updatedAt: sql`now()` }).where(eq(proposals.id, proposalId));
    await recordEvent(tx, { proposalId, kind: "withdrawn", actorId: actor.id, payload: reason ? { reason } : undefined });
    return { status: "ok" } as const;
  });
}
