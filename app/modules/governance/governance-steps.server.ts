/**
 * What every governance step shares (GTP instruction, COPIL, follow-up). Each runs inside the caller's
 * transaction: the proposal row is locked, the step is checked against the status model and against the
 * version the coordinator's form was built from, then the status, the timeline event and the audit entry
 * are written together. Two coordinators acting at once: the second finds a newer version and is told.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { canMoveTo } from "#app/modules/proposals/proposal-status.ts";
import { recordEvent } from "#app/modules/proposals/proposal-writes.server.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { proposals, type ProposalEventKind, type ProposalStatus } from "#db/schema/index.ts";

export type LockedProposal = typeof proposals.$inferSelect;
export type StepRefusal = { status: "not_found" } | { status: "conflict" } | { status: "not_allowed" };

/**
 * The proposal, locked until the transaction ends, if it may take a governance step: it exists, is not
 * hidden, and nobody moved it since `expectedVersion` (when given).
 */
export async function lockForStep(tx: Db, proposalId: string, expectedVersion: number | null): Promise<{ status: "locked"; proposal: LockedProposal } | StepRefusal> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for("update");
  if (!row || row.hiddenAt || row.status === "draft") return { status: "not_found" };
  if (expectedVersion !== null && row.governanceVersion !== expectedVersion) return { status: "conflict" };
  return { status: "locked", proposal: row };
}

export type StepInput = {
  actorId: string;
  /** The timeline event: one row per step, never recomputed (notifications read it). */
  event: ProposalEventKind;
  payload?: Record<string, unknown>;
  /** The new status, when the step changes it (checked against the status model). */
  to?: ProposalStatus;
  /** Other columns the step sets on the proposal. */
  set?: Partial<typeof proposals.$inferInsert>;
  /** The audit entry's action, e.g. "governance.answer". */
  audit: string;
  reason?: string | null;
};

/** Writes a step on a locked proposal: status (if any), version, event, audit. Refuses a move the model forbids. */
export async function writeStep(tx: Db, proposal: LockedProposal, step: StepInput): Promise<{ status: "ok" } | { status: "not_allowed" }> {
  // The model has no step from a status to itself: answering an answered proposal again is refused too.
  if (step.to && !canMoveTo(proposal.status, step.to)) return { status: "not_allowed" };
  await tx
    .update(proposals)
    .set({ ...step.set, ...(step.to ? { status: step.to } : {}), governanceVersion: sql`${proposals.governanceVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(proposals.id, proposal.id));
  await recordEvent(tx, { proposalId: proposal.id, kind: step.event, actorId: step.actorId, payload: step.payload });
  await recordNotificationEvent(tx, { kind: "proposal_step", proposalId: proposal.id, actorId: step.actorId, payload: { ...step.payload, step: step.event } });
  await recordAudit(tx, {
    actorId: step.actorId,
    action: step.audit,
    subjectType: "proposal",
    subjectId: proposal.id,
    changes: step.to ? { status: { before: proposal.status, after: step.to } } : undefined,
    reason: step.reason ?? null,
  });
  return { status: "ok" };
}
