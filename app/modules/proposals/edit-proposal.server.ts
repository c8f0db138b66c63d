import { asc, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposalAmbitions, proposalAxes, proposals } from "#db/schema/index.ts";
import type { ProposalInput } from "./proposal.schema.ts";
import { isEditable } from "./proposal-rules.ts";
import { checkReferences, lockProposal, recordEvent, saveLinks, type Actor, type Forbidden, type NotFound } from "./proposal-writes.server.ts";

/** The fields a person can change, in the order the timeline lists them. */
export const EDITABLE_FIELDS = ["title", "body", "ambitionNumber", "secondaryAmbitions", "axes", "quartierCode", "communeSlug", "placeDescription"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type EditProposalResult =
  | { status: "ok"; fields: EditableField[] }
  | { status: "unchanged" }
  | NotFound
  | Forbidden
  | { status: "not_editable" }
  | { status: "invalid"; errors: Record<string, string> };

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

/**
 * The author changes their proposal while it is a draft, or published with no support and no
 * contribution yet (the row is locked, so a support arriving meanwhile waits, then counts). Records
 * "edited" with the names of the changed fields; a save that changes nothing writes nothing.
 */
export async function editProposal({ actor, proposalId, input }: { actor: Actor; proposalId: string; input: ProposalInput }): Promise<EditProposalResult> {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, proposalId);
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.authorId !== actor.id) return { status: "forbidden" } as const;
    if (!isEditable(proposal)) return { status: "not_editable" } as const;
    const [secondaryRows, axisRows] = await Promise.all([
      tx.select({ number: proposalAmbitions.ambitionNumber }).from(proposalAmbitions).where(eq(proposalAmbitions.proposalId, proposalId)).orderBy(asc(proposalAmbitions.ambitionNumber)),
      tx.select({ key: proposalAxes.axisKey }).from(proposalAxes).where(eq(proposalAxes.proposalId, proposalId)),
    ]);
    const before = { ...proposal, secondaryAmbitions: secondaryRows.map((r) => r.number), axes: axisRows.map((r) => r.key) };
    const fields = EDITABLE_FIELDS.filter((field) => {
      const [was, now] = [before[field], input[field]];
      return Array.isArray(was) && Array.isArray(now) ? !sameList<string | number>(was, now) : was !== now;
    });
    if (!fields.length) return { status: "unchanged" } as const;
    const errors = await checkReferences(tx, input);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;
    await tx
      .update(proposals)
      .set({
        title: input.title,
        body: input.body,
        ambitionNumber: input.ambitionNumber,
        quartierCode: input.quartierCode,
        communeSlug: input.communeSlug,
        placeDescription: input.placeDescription,
        updatedAt: sql`now()`,
      })
      .where(eq(proposals.id, proposalId));
    if (fields.includes("secondaryAmbitions") || fields.includes("axes")) await saveLinks(tx, proposalId, input);
    await recordEvent(tx, { proposalId, kind: "edited", actorId: actor.id, payload: { fields } });
    return { status: "ok", fields } as const;
  });
}
