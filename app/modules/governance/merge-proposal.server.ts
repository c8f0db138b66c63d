/**
 * The GTP merges a proposal into a similar one. In one transaction, both rows locked in a fixed order
 * (by id, so two merges of the same pair in opposite directions cannot deadlock): the source's supports
 * and followers move to the target without counting anyone twice (the primary keys decide) and without
 * the target's author supporting their own proposal; the target's counter is recounted from its rows;
 * the source is closed as merged; both timelines tell it. A qualified source carries its qualification
 * over: the droit de suite clock of the target does not restart. Both authors are emailed after commit.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { recordEvent } from "#app/modules/proposals/proposal-writes.server.ts";
import { canMoveTo } from "#app/modules/proposals/proposal-status.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { lockForStep, writeStep, type LockedProposal, type StepRefusal } from "./governance-steps.server.ts";
import type { MergeInput } from "./gtp.schema.ts";
import { mayMerge } from "./gtp-rules.ts";
import { mayInstruct, type Coordinator, type Forbidden } from "./gtp-shared.server.ts";
import { emailAuthorOfStep } from "./step-emails.server.ts";

export type InvalidTarget = "self" | "unknown" | "hidden" | "closed";
export type MergeResult =
  | { status: "ok"; targetId: string; supportCount: number }
  | StepRefusal
  | Forbidden
  | { status: "invalid_target"; reason: InvalidTarget };

/** Statuses a target may not have: it must be public and still itself. */
const CLOSED_TARGET = new Set(["draft", "merged", "withdrawn"]);

async function lockTarget(tx: Db, id: string): Promise<{ status: "locked"; proposal: LockedProposal } | { status: "invalid_target"; reason: InvalidTarget }> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id)).for("update");
  if (!row || row.status === "draft") return { status: "invalid_target", reason: "unknown" };
  if (row.hiddenAt) return { status: "invalid_target", reason: "hidden" };
  if (CLOSED_TARGET.has(row.status)) return { status: "invalid_target", reason: "closed" };
  return { status: "locked", proposal: row };
}

type Emails = { source: LockedProposal; target: LockedProposal; reason: string };

export async function mergeProposal({ actor, proposalId, input }: { actor: Coordinator; proposalId: string; input: MergeInput }): Promise<MergeResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  if (input.target === proposalId) return { status: "invalid_target", reason: "self" };
  const outcome = await db.transaction(async (tx): Promise<{ result: MergeResult; emails?: Emails }> => {
    // Both rows, the smaller id first.
    let source: LockedProposal | null = null;
    let target: LockedProposal | null = null;
    for (const id of [proposalId, input.target].sort()) {
      if (id === proposalId) {
        const locked = await lockForStep(tx, proposalId, input.version);
        if (locked.status !== "locked") return { result: locked };
        source = locked.proposal;
      } else {
        const locked = await lockTarget(tx, id);
        if (locked.status !== "locked") return { result: locked };
        target = locked.proposal;
      }
    }
    if (!source || !target) throw new Error("both proposals are locked above");
    if (!mayMerge(source)) return { result: { status: "not_allowed" } };

    // Supports: each person once on the target (primary key), never its own author; then the exact count.
    const carriedSupports = await tx
      .insert(supports)
      .select(
        tx
          .select({ proposalId: sql<string>`${target.id}::uuid`.as("proposal_id"), userId: supports.userId, createdAt: supports.createdAt })
          .from(supports)
          .where(and(eq(supports.proposalId, source.id), sql`${supports.userId} is distinct from ${target.authorId}`)),
      )
      .onConflictDoNothing()
      .returning({ userId: supports.userId });
    await tx.delete(supports).where(eq(supports.proposalId, source.id));
    const [counted] = await tx.select({ n: count() }).from(supports).where(eq(supports.proposalId, target.id));
    const supportCount = counted?.n ?? 0;

    const carriedFollowers = await tx
      .insert(proposalFollows)
      .select(
        tx
          .select({ proposalId: sql<string>`${target.id}::uuid`.as("proposal_id"), userId: proposalFollows.userId, createdAt: proposalFollows.createdAt })
          .from(proposalFollows)
          .where(eq(proposalFollows.proposalId, source.id)),
      )
      .onConflictDoNothing()
      .returning({ userId: proposalFollows.userId });
    await tx.delete(proposalFollows).where(eq(proposalFollows.proposalId, source.id));

    const mergedSource = await writeStep(tx, source, {
      actorId: actor.id,
      event: "merged",
      to: "merged",
      set: { mergedIntoId: target.id, supportCount: 0 },
      payload: { otherId: target.id, otherTitle: target.title, reason: input.reason },
      audit: "governance.merge",
      reason: input.reason,
    });
    if (mergedSource.status !== "ok") throw new Error("checked above with canMoveTo");

    // The target inherits the source's qualification when it had none: its clock starts when the source's did.
    const inheritsQualification = source.qualifiedAt !== null && target.qualifiedAt === null && canMoveTo(target.status, "qualified");
    const mergedIn = await writeStep(tx, target, {
      actorId: actor.id,
      event: "merged_in",
      to: inheritsQualification ? "qualified" : undefined,
      set: { supportCount, ...(inheritsQualification ? { qualifiedAt: source.qualifiedAt } : {}) },
      payload: { otherId: source.id, otherTitle: source.title, reason: input.reason, supportsCarried: carriedSupports.length, followersCarried: carriedFollowers.length },
      audit: "governance.merge_in",
      reason: input.reason,
    });
    if (mergedIn.status !== "ok") throw new Error("checked above with canMoveTo");
    if (inheritsQualification) {
      await recordEvent(tx, { proposalId: target.id, kind: "qualified", actorId: actor.id, payload: { carriedBy: "merge", otherId: source.id, otherTitle: source.title, qualifiedAt: source.qualifiedAt!.toISOString() } });
    }
    return { result: { status: "ok", targetId: target.id, supportCount }, emails: { source, target, reason: input.reason } };
  });
  if (outcome.emails) {
    const { source, target, reason } = outcome.emails;
    await emailAuthorOfStep({ proposalId: source.id, step: "merged", otherTitle: target.title, otherUrl: `${appUrl}${proposalPath(target.id)}`, text: reason });
    await emailAuthorOfStep({ proposalId: target.id, step: "merged_in", otherTitle: source.title, otherUrl: `${appUrl}${proposalPath(source.id)}`, text: reason });
  }
  return outcome.result;
}
