import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { holdFirstProposal } from "#app/modules/moderation/hold-first-proposal.server.ts";
import type { ProposalInput } from "./proposal.schema.ts";
import { checkReferences, follow, recordEvent, saveLinks, type Actor } from "./proposal-writes.server.ts";

export type CreateProposalResult = { status: "ok"; proposalId: string; published: boolean; held: boolean } | { status: "invalid"; errors: Record<string, string> };

/**
 * A resident posts an idea, as a draft or published at once. One transaction: the proposal, its
 * secondary ambitions and axes, the "created" (and "published") timeline events, and, when published,
 * the author's follow; a first proposal may wait for a moderator (pre-moderation). The caller has checked the permission and the rate limit.
 */
export async function createProposal({ author, input, publish }: { author: Actor; input: ProposalInput; publish: boolean }): Promise<CreateProposalResult> {
  return db.transaction(async (tx) => {
    const errors = await checkReferences(tx, input);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;
    const [row] = await tx
      .insert(proposals)
      .values({
        authorId: author.id,
        title: input.title,
        body: input.body,
        ambitionNumber: input.ambitionNumber,
        quartierCode: input.quartierCode,
        communeSlug: input.communeSlug,
        placeDescription: input.placeDescription,
        status: publish ? "published" : "draft",
        origin: "resident",
        // The database clock, like the timeline events' created_at.
        publishedAt: publish ? sql`now()` : null,
        createdAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .returning({ id: proposals.id });
    const proposalId = row!.id;
    await saveLinks(tx, proposalId, input);
    await recordEvent(tx, { proposalId, kind: "created", actorId: author.id });
    if (publish) {
      await recordEvent(tx, { proposalId, kind: "published", actorId: author.id });
      await follow(tx, proposalId, author.id);
    }
    const held = publish && (await holdFirstProposal(tx, { proposalId, authorId: author.id }));
    return { status: "ok", proposalId, published: publish, held } as const;
  });
}
