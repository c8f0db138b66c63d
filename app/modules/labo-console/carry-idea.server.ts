import { and, eq, isNull } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { checkReferences, insertQualifiedProposal } from "#app/modules/proposals/proposal-writes.server.ts";
import { laboCaptures, proposals } from "#db/schema/index.ts";
import type { LaboProposalInput } from "./console.schema.ts";

export type CarryIdeaResult =
  | { status: "ok"; proposalId: string }
  | { status: "already_carried"; proposalId: string }
  | { status: "not_found" }
  | { status: "not_an_idea" }
  | { status: "invalid"; errors: Record<string, string> };

/** What the "qualified" event of a Labo proposal says: carried by a rendez-vous, not by supports. */
export const CARRIED_BY_LABO = "labo_session";

/**
 * An idea captured at a rendez-vous becomes a proposal carried by the Labo: its author is the ambassador,
 * it is published and qualified at once (the collective decision of the rendez-vous stands for the
 * supports a resident's proposal must gather). One transaction: the proposal, its timeline (created,
 * published, qualified), the ambassador's follow and an audit entry. The capture row is locked, so an
 * idea is carried once even if the form is sent twice.
 */
export async function carryIdeaAsProposal({
  session,
  actor,
  captureId,
  input,
}: {
  session: { id: string; title: string };
  actor: { id: string };
  captureId: string;
  input: LaboProposalInput;
}): Promise<CarryIdeaResult> {
  return db.transaction(async (tx) => {
    const [capture] = await tx
      .select({ id: laboCaptures.id, kind: laboCaptures.kind })
      .from(laboCaptures)
      .where(and(eq(laboCaptures.id, captureId), eq(laboCaptures.sessionId, session.id), isNull(laboCaptures.hiddenAt)))
      .for("update");
    if (!capture) return { status: "not_found" } as const;
    if (capture.kind !== "idea") return { status: "not_an_idea" } as const;
    const [carried] = await tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.originCaptureId, captureId)).limit(1);
    if (carried) return { status: "already_carried", proposalId: carried.id } as const;

    const errors = await checkReferences(tx, { ...input, secondaryAmbitions: [], axes: [], placeDescription: null });
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;

    const proposalId = await insertQualifiedProposal(tx, {
      actorId: actor.id,
      input,
      origin: { origin: "labo_session", originLaboSessionId: session.id, originCaptureId: captureId },
      qualifiedPayload: { carriedBy: CARRIED_BY_LABO, sessionId: session.id, sessionTitle: session.title },
    });
    await recordAudit(tx, { actorId: actor.id, action: "labo.carry_idea", subjectType: "proposal", subjectId: proposalId, reason: `labo_session:${session.id}` });
    return { status: "ok", proposalId } as const;
  });
}
