/**
 * A member of the réseau des acteurs sends a proposal to the GTP from the toolbox. Like a proposal carried
 * by a rendez-vous du Labo (labo-console/carry-idea.server.ts), it is published and qualified at once: the
 * network's word stands for the supports a resident's proposal must gather. One transaction: the proposal,
 * its timeline (created, published, qualified), the sender's follow and an audit entry.
 */
import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { checkReferences, follow, recordEvent } from "#app/modules/proposals/proposal-writes.server.ts";
import { proposals } from "#db/schema/index.ts";
import type { NetworkProposalInput } from "./interpellation.schema.ts";

/** What the "qualified" event of such a proposal says. */
export const CARRIED_BY_NETWORK = "actor_network";

export type ReferProposalResult = { status: "ok"; proposalId: string } | { status: "forbidden" } | { status: "invalid"; errors: Record<string, string> };

export async function referProposal({ actor, input }: { actor: NonNullable<Viewer>; input: NetworkProposalInput }): Promise<ReferProposalResult> {
  if (!can(actor, "network.refer")) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<ReferProposalResult> => {
    const errors = await checkReferences(tx, { ...input, secondaryAmbitions: [], axes: [], placeDescription: null });
    if (Object.keys(errors).length) return { status: "invalid", errors };
    const [row] = await tx
      .insert(proposals)
      .values({
        authorId: actor.id,
        title: input.title,
        body: input.body,
        ambitionNumber: input.ambitionNumber,
        quartierCode: input.quartierCode,
        communeSlug: input.communeSlug,
        status: "qualified",
        origin: "actor_network",
        publishedAt: sql`now()`,
        qualifiedAt: sql`now()`,
        createdAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .returning({ id: proposals.id });
    const proposalId = row!.id;
    await recordEvent(tx, { proposalId, kind: "created", actorId: actor.id });
    await recordEvent(tx, { proposalId, kind: "published", actorId: actor.id });
    await recordEvent(tx, { proposalId, kind: "qualified", actorId: actor.id, payload: { carriedBy: CARRIED_BY_NETWORK, organisation: input.organisation } });
    await follow(tx, proposalId, actor.id);
    await recordAudit(tx, { actorId: actor.id, action: "network.refer_proposal", subjectType: "proposal", subjectId: proposalId, reason: `actor_network:${input.organisation}` });
    return { status: "ok", proposalId };
  });
}
