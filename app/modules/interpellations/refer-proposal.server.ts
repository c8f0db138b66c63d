/**
 * A member of the réseau des acteurs sends a proposal to the GTP from the toolbox. Like a proposal carried
 * by a rendez-vous du Labo (labo-console/carry-idea.server.ts), it is published and qualified at once: the
 * network's word stands for the supports a resident's proposal must gather. One transaction: the proposal,
 * its timeline (created, published, qualified), the sender's follow and an audit entry.
 */
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { checkReferences, insertQualifiedProposal } from "#app/modules/proposals/proposal-writes.server.ts";
import type { NetworkProposalInput } from "./interpellation.schema.ts";

/** What the "qualified" event of such a proposal says. */
export const CARRIED_BY_NETWORK = "actor_network";

export type ReferProposalResult = { status: "ok"; proposalId: string } | { status: "forbidden" } | { status: "invalid"; errors: Record<string, string> };

export async function referProposal({ actor, input }: { actor: NonNullable<Viewer>; input: NetworkProposalInput }): Promise<ReferProposalResult> {
  if (!can(actor, "network.refer")) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<ReferProposalResult> => {
    const errors = await checkReferences(tx, { ...input, secondaryAmbitions: [], axes: [], placeDescription: null });
    if (Object.keys(errors).length) return { status: "invalid", errors };
    const proposalId = await insertQualifiedProposal(tx, {
      actorId: actor.id,
      input,
      origin: { origin: "actor_network" },
      qualifiedPayload: { carriedBy: CARRIED_BY_NETWORK, organisation: input.organisation },
    });
    await recordAudit(tx, { actorId: actor.id, action: "network.refer_proposal", subjectType: "proposal", subjectId: proposalId, reason: `actor_network:${input.organisation}` });
    return { status: "ok", proposalId };
  });
}
