/**
 * The milestones of a proposal being carried out: planned with a date, then reached. Each is a step of
 * the proposal (event, audit, version) and the author hears about it.
 */
import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { lockForStep, writeStep, type StepRefusal } from "#app/modules/governance/governance-steps.server.ts";
import { emailAuthorOfStep } from "#app/modules/governance/step-emails.server.ts";
import { followupMilestones, proposals, users } from "#db/schema/index.ts";
import type { Actor } from "./followup-steps.server.ts";
import { formatDay } from "./followup-view.ts";

export type MilestoneResult = { status: "ok"; milestoneId: string } | StepRefusal | { status: "already_reached" };

async function authorLocale(proposalId: string) {
  const [row] = await db.select({ locale: users.locale }).from(proposals).innerJoin(users, eq(users.id, proposals.authorId)).where(eq(proposals.id, proposalId)).limit(1);
  return row?.locale ?? "fr";
}

export async function addMilestone({ actor, proposalId, input }: { actor: Actor; proposalId: string; input: { version: number; title: string; dueOn: string } }): Promise<MilestoneResult> {
  const result = await db.transaction(async (tx): Promise<MilestoneResult> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return locked;
    if (locked.proposal.status !== "in_progress") return { status: "not_allowed" };
    const [milestone] = await tx.insert(followupMilestones).values({ proposalId, title: input.title, dueOn: input.dueOn }).returning({ id: followupMilestones.id });
    const step = await writeStep(tx, locked.proposal, {
      actorId: actor.id,
      event: "milestone_added",
      payload: { milestoneId: milestone!.id, title: input.title, dueOn: input.dueOn },
      audit: "governance.add_milestone",
    });
    if (step.status !== "ok") return step;
    return { status: "ok", milestoneId: milestone!.id };
  });
  if (result.status === "ok") {
    const locale = await authorLocale(proposalId);
    await emailAuthorOfStep({ proposalId, step: "milestone_added", milestone: input.title, date: formatDay(input.dueOn, locale) });
  }
  return result;
}

/** Marks a milestone of this proposal reached. A milestone of another proposal is not found. */
export async function reachMilestone({ actor, proposalId, input }: { actor: Actor; proposalId: string; input: { version: number; milestoneId: string } }): Promise<MilestoneResult> {
  const result = await db.transaction(async (tx): Promise<MilestoneResult & { title?: string }> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return locked;
    const [milestone] = await tx
      .select()
      .from(followupMilestones)
      .where(and(eq(followupMilestones.id, input.milestoneId), eq(followupMilestones.proposalId, proposalId)))
      .limit(1);
    if (!milestone) return { status: "not_found" };
    if (locked.proposal.status !== "in_progress") return { status: "not_allowed" };
    if (milestone.doneAt) return { status: "already_reached" };
    await tx.update(followupMilestones).set({ doneAt: sql`now()` }).where(eq(followupMilestones.id, milestone.id));
    const step = await writeStep(tx, locked.proposal, {
      actorId: actor.id,
      event: "milestone_reached",
      payload: { milestoneId: milestone.id, title: milestone.title, dueOn: milestone.dueOn },
      audit: "governance.reach_milestone",
    });
    if (step.status !== "ok") return step;
    return { status: "ok", milestoneId: milestone.id, title: milestone.title };
  });
  if (result.status === "ok") await emailAuthorOfStep({ proposalId, step: "milestone_reached", milestone: result.title ?? "" });
  if (result.status === "ok") return { status: "ok", milestoneId: result.milestoneId };
  return result;
}
