import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { acceptsUpdates } from "./proposal-rules.ts";
import { lockProposal, recordEvent, type Actor, type Forbidden, type NotFound } from "./proposal-writes.server.ts";

export type AddProposalUpdateResult = { status: "ok" } | NotFound | Forbidden | { status: "not_allowed" };

/**
 * Once people have supported or discussed a proposal, its text stays as they read it: the author tells
 * what is new with an update, a short text added to the timeline.
 */
export async function addProposalUpdate({ actor, proposalId, text }: { actor: Actor; proposalId: string; text: string }): Promise<AddProposalUpdateResult> {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.authorId !== actor.id) return { status: "forbidden" } as const;
    if (!acceptsUpdates(proposal)) return { status: "not_allowed" } as const;
    await tx.update(proposals).set({ updatedAt: sql`now()` }).where(eq(proposals.id, proposalId));
    await recordEvent(tx, { proposalId, kind: "updated", actorId: actor.id, payload: { text } });
    return { status: "ok" } as const;
  });
}
