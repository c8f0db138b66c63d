import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { holdFirstProposal } from "#app/modules/moderation/hold-first-proposal.server.ts";
import { canBePublished } from "./proposal-rules.ts";
import { follow, lockProposal, recordEvent, type Actor, type Forbidden, type NotFound } from "./proposal-writes.server.ts";

export type PublishProposalResult = { status: "ok"; held: boolean } | NotFound | Forbidden | { status: "not_draft" };

/** The author publishes a draft: it becomes public, the timeline says so, and the author follows it (a first
 * proposal may wait for a moderator: pre-moderation). */
export async function publishProposal({ actor, proposalId }: { actor: Actor; proposalId: string }): Promise<PublishProposalResult> {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.authorId !== actor.id) return { status: "forbidden" } as const;
    if (!canBePublished(proposal)) return { status: "not_draft" } as const;
    await tx.update(proposals).set({ status: "published", publishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(proposals.id, proposalId));
    await recordEvent(tx, { proposalId, kind: "published", actorId: actor.id });
    await follow(tx, proposalId, actor.id);
    const held = await holdFirstProposal(tx, { proposalId, authorId: actor.id });
    return { status: "ok", held } as const;
  });
}
