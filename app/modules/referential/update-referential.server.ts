/**
 * An administrator corrects the contract's referential. Each save reads the row under a lock, writes
 * only the fields that changed, and records who changed what (before → after) in the audit log, all in
 * one transaction. A save that changes nothing writes nothing, not even `updated_at`.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { ambitions, governanceBodies, piliers, quartiers, transversalAxes } from "#db/schema/index.ts";
import { emailAuthorOfQualification, qualifyProposalsAtThreshold, type QualifiedProposal } from "#app/modules/supports/qualification.server.ts";
import { clearReferentialCache } from "./referential-cache.server.ts";
import type { AmbitionInput, GovernanceBodyInput, PilierInput, QuartierInput, TransversalAxisInput } from "./referential.schema.ts";

export type ReferentialSubject = "pilier" | "ambition" | "transversal_axis" | "quartier" | "governance_body";
export const REFERENTIAL_UPDATE_ACTION = "referential.update";

export type Changes = Record<string, { before: unknown; after: unknown }>;
export type UpdateResult = { status: "ok"; changes: Changes } | { status: "unchanged" } | { status: "not_found" };
type Actor = { id: string };

async function applyEdit<Input extends Record<string, unknown>>(opts: {
  actor: Actor;
  subjectType: ReferentialSubject;
  subjectId: string;
  input: Input;
  load: (tx: Db) => Promise<Record<string, unknown> | undefined>;
  save: (tx: Db, patch: Partial<Input> & { updatedAt: SQL }) => Promise<unknown>;
}): Promise<UpdateResult> {
  const result = await db.transaction(async (tx) => {
    const before = await opts.load(tx);
    if (!before) return { status: "not_found" } as const;
    const changes = diffFields(before, opts.input);
    if (Object.keys(changes).length === 0) return { status: "unchanged" } as const;
    const patch = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.after])) as Partial<Input>;
    // The database clock, like created_at in the audit log.
    await opts.save(tx, { ...patch, updatedAt: sql`now()` });
    await recordAudit(tx, { actorId: opts.actor.id, action: REFERENTIAL_UPDATE_ACTION, subjectType: opts.subjectType, subjectId: opts.subjectId, changes });
    return { status: "ok", changes } as const;
  });
  // After the commit, so no request reloads the old rows into the cache in between.
  if (result.status === "ok") clearReferentialCache();
  return result;
}

export function updatePilier(actor: Actor, number: number, input: PilierInput) {
  return applyEdit({
    actor,
    subjectType: "pilier",
    subjectId: String(number),
    input,
    load: async (tx) => (await tx.select().from(piliers).where(eq(piliers.number, number)).for("update"))[0],
    save: (tx, patch) => tx.update(piliers).set(patch).where(eq(piliers.number, number)),
  });
}

/**
 * A lower support threshold qualifies, in the same transaction, the published proposals of the ambition
 * that already have enough supports (otherwise they would wait for one more support that may never come);
 * their authors are emailed after commit. A higher threshold never un-qualifies a proposal.
 */
export async function updateAmbition(actor: Actor, number: number, input: AmbitionInput) {
  let qualified: QualifiedProposal[] = [];
  const result = await applyEdit({
    actor,
    subjectType: "ambition",
    subjectId: String(number),
    input,
    load: async (tx) => (await tx.select().from(ambitions).where(eq(ambitions.number, number)).for("update"))[0],
    save: async (tx, patch) => {
      await tx.update(ambitions).set(patch).where(eq(ambitions.number, number));
      if (patch.supportThreshold !== undefined) qualified = await qualifyProposalsAtThreshold(tx, number, patch.supportThreshold);
    },
  });
  if (result.status === "ok") for (const proposal of qualified) await emailAuthorOfQualification(proposal.id, proposal.counts);
  return result;
}

export function updateTransversalAxis(actor: Actor, key: string, input: TransversalAxisInput) {
  return applyEdit({
    actor,
    subjectType: "transversal_axis",
    subjectId: key,
    input,
    load: async (tx) => (await tx.select().from(transversalAxes).where(eq(transversalAxes.key, key)).for("update"))[0],
    save: (tx, patch) => tx.update(transversalAxes).set(patch).where(eq(transversalAxes.key, key)),
  });
}

export function updateQuartier(actor: Actor, code: string, input: QuartierInput) {
  return applyEdit({
    actor,
    subjectType: "quartier",
    subjectId: code,
    input,
    load: async (tx) => (await tx.select().from(quartiers).where(eq(quartiers.code, code)).for("update"))[0],
    save: (tx, patch) => tx.update(quartiers).set(patch).where(eq(quartiers.code, code)),
  });
}

export function updateGovernanceBody(actor: Actor, key: string, input: GovernanceBodyInput) {
  return applyEdit({
    actor,
    subjectType: "governance_body",
    subjectId: key,
    input,
    load: async (tx) => (await tx.select().from(governanceBodies).where(eq(governanceBodies.key, key)).for("update"))[0],
    save: (tx, patch) => tx.update(governanceBodies).set(patch).where(eq(governanceBodies.key, key)),
  });
}
