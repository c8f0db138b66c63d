/**
 * Carrying out a retained proposal: start its follow-up (who is in charge, the funded action), give news,
 * correct the funded action, and close it as « réalisée » with a last word to residents. Each step locks
 * the proposal and checks the version the coordinator's form was built from (governance-steps.server.ts);
 * the author's email goes after the commit.
 */
import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { lockForStep, writeStep, type StepRefusal } from "#app/modules/governance/governance-steps.server.ts";
import { emailAuthorOfStep } from "#app/modules/governance/step-emails.server.ts";
import { decisionAllowsImplementation } from "#app/modules/proposals/proposal-status.ts";
import { proposalFollowups, proposals } from "#db/schema/index.ts";
import type { FollowupInput } from "./followup.schema.ts";

export type Actor = { id: string };
export type FollowupResult = { status: "ok" } | StepRefusal;

/** What the event and the audit say about the funded action (null when there is none). */
function actionPayload(action: FollowupInput["action"]) {
  return action ? { title: action.title, porteur: action.porteur, amountEur: action.amountEur, funders: action.funders } : null;
}

function followupColumns(input: FollowupInput) {
  return {
    bodyInCharge: input.bodyInCharge,
    actionTitle: input.action?.title ?? null,
    porteur: input.action?.porteur ?? null,
    amountEur: input.action?.amountEur ?? null,
    funders: input.action?.funders ?? [],
  };
}

/** decided (retained or partly retained) → in_progress, with its follow-up row. */
export async function startFollowup({ actor, proposalId, input }: { actor: Actor; proposalId: string; input: FollowupInput }): Promise<FollowupResult> {
  const result = await db.transaction(async (tx): Promise<FollowupResult> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return locked;
    const proposal = locked.proposal;
    if (proposal.status !== "decided" || !decisionAllowsImplementation(proposal.decision)) return { status: "not_allowed" };
    const step = await writeStep(tx, proposal, {
      actorId: actor.id,
      event: "in_progress",
      to: "in_progress",
      payload: { bodyInCharge: input.bodyInCharge, action: actionPayload(input.action) },
      audit: "governance.start_implementation",
    });
    if (step.status !== "ok") return step;
    const columns = followupColumns(input);
    await tx
      .insert(proposalFollowups)
      .values({ proposalId, ...columns })
      .onConflictDoUpdate({ target: proposalFollowups.proposalId, set: { ...columns, updatedAt: sql`now()` } });
    return { status: "ok" };
  });
  if (result.status === "ok") await emailAuthorOfStep({ proposalId, step: "in_progress", body: input.bodyInCharge });
  return result;
}

/** News in plain French, while it is being carried out. */
export async function reportProgress({ actor, proposalId, version, text }: { actor: Actor; proposalId: string; version: number; text: string }): Promise<FollowupResult> {
  const result = await db.transaction(async (tx): Promise<FollowupResult> => {
    const locked = await lockForStep(tx, proposalId, version);
    if (locked.status !== "locked") return locked;
    if (locked.proposal.status !== "in_progress") return { status: "not_allowed" };
    return writeStep(tx, locked.proposal, { actorId: actor.id, event: "progress", payload: { text }, audit: "governance.report_progress" });
  });
  if (result.status === "ok") await emailAuthorOfStep({ proposalId, step: "progress", text });
  return result;
}

/** in_progress → done, with a last word to residents. */
export async function completeFollowup({ actor, proposalId, version, text }: { actor: Actor; proposalId: string; version: number; text: string }): Promise<FollowupResult> {
  const result = await db.transaction(async (tx): Promise<FollowupResult> => {
    const locked = await lockForStep(tx, proposalId, version);
    if (locked.status !== "locked") return locked;
    if (locked.proposal.status !== "in_progress") return { status: "not_allowed" };
    return writeStep(tx, locked.proposal, { actorId: actor.id, event: "done", to: "done", payload: { text }, audit: "governance.complete_implementation" });
  });
  if (result.status === "ok") await emailAuthorOfStep({ proposalId, step: "done", text });
  return result;
}

/**
 * Corrects who is in charge and the funded action (figures get settled after the start, and are still
 * corrected once it is done). Not a step residents are told about: no event, no email; the audit keeps
 * the changes, and the version moves so a form built before it is refused.
 */
export async function updateFunding({ actor, proposalId, input }: { actor: Actor; proposalId: string; input: FollowupInput }): Promise<({ status: "ok"; changed: boolean }) | StepRefusal> {
  return db.transaction(async (tx) => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return locked;
    if (locked.proposal.status !== "in_progress" && locked.proposal.status !== "done") return { status: "not_allowed" as const };
    const [before] = await tx.select().from(proposalFollowups).where(eq(proposalFollowups.proposalId, proposalId)).limit(1);
    if (!before) return { status: "not_allowed" as const };
    const after = followupColumns(input);
    const changes = diffFields(before, after);
    if (!Object.keys(changes).length) return { status: "ok" as const, changed: false };
    await tx
      .update(proposalFollowups)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(proposalFollowups.proposalId, proposalId));
    await tx
      .update(proposals)
      .set({ governanceVersion: sql`${proposals.governanceVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(proposals.id, proposalId));
    await recordAudit(tx, { actorId: actor.id, action: "governance.update_funding", subjectType: "proposal", subjectId: proposalId, changes });
    return { status: "ok" as const, changed: true };
  });
}
