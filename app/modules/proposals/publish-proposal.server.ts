import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { canBePublished } from "./proposal-rules.ts";
import { follow, lockProposal, recordEvent, type Actor, type Forbidden, type NotFound } from "./proposal-writes.server.ts";

export type PublishProposalResult = { status: "ok" } | NotFound | Forbidden | { status: "not_draft" };

/** The author publishes a draft: it becomes public, the timeline says so, and the author follows it. */
export async function publishProposal({ actor, proposalId }: { actor: Actor; proposalId: string }): Promise<PublishProposalResult> {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.authorId !== actor.id) return { status: "forbidden" } as const;
    if (!canBePublished(proposal)) return { status: "not_draft" } as const;
    await tx.update(proposals).set({ status: "published", publishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(proposals.id, proposalId));
    await recordEvent(tx, { proposalId, kind: "published", actorId: actor.id });
    await follow(tx, proposalId, actor.id);
    return { status: "ok" } as const;
  });
}
