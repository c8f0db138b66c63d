/**
 * The GTP instructs a qualified proposal: a partner or service takes it on, and records its analysis
 * (public part for residents, internal notes for coordinators only). The first of these opens the
 * instruction (qualified → under_review, or a proposal the COPIL postponed back to the GTP), with its
 * timeline event and the author's email; later changes are audited and bump the version, no new status.
 */
import { and, eq } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { instructingPartners, proposalReviews } from "#db/schema/index.ts";
import { answerDeadline, isOverdue } from "./answer-deadline.ts";
import { lockForStep, writeStep, type LockedProposal, type StepRefusal } from "./governance-steps.server.ts";
import type { AnalysisInput } from "./gtp.schema.ts";
import { mayReview, opensInstruction } from "./gtp-rules.ts";
import { authorLocale, longDate, mayInstruct, touchProposal, type Coordinator, type Forbidden } from "./gtp-shared.server.ts";
import { emailAuthorOfStep } from "./step-emails.server.ts";

export type InstructResult = { status: "ok"; opened: boolean } | StepRefusal | Forbidden | { status: "unknown_partner" };

type Opened = { proposalId: string; partnerName: string | null; deadline: string | null; late: boolean } | null;

/** qualified (or postponed) → under_review, with the partner's name in the event; what the email needs. */
async function openInstruction(tx: Db, proposal: LockedProposal, actorId: string, partner: { id: string; name: string } | null, audit: string): Promise<Opened | "not_allowed"> {
  const written = await writeStep(tx, proposal, {
    actorId,
    event: "under_review",
    to: "under_review",
    // A postponed proposal comes back to the GTP: its COPIL decision is no longer the current one.
    set: proposal.status === "decided" ? { decision: null } : undefined,
    payload: { partnerId: partner?.id ?? null, partnerName: partner?.name ?? null, reopened: proposal.status === "decided" },
    audit,
  });
  if (written.status !== "ok") return "not_allowed";
  const days = await getSetting("governance.answerDeadlineDays", tx);
  const locale = await authorLocale(tx, proposal.authorId);
  return {
    proposalId: proposal.id,
    partnerName: partner?.name ?? null,
    deadline: proposal.qualifiedAt ? longDate(answerDeadline(proposal.qualifiedAt, days), locale) : null,
    late: isOverdue({ qualifiedAt: proposal.qualifiedAt, answeredAt: proposal.answeredAt }, days),
  };
}

async function emailOpened(opened: Opened) {
  if (opened) await emailAuthorOfStep({ proposalId: opened.proposalId, step: "under_review", body: opened.partnerName, date: opened.deadline, late: opened.late });
}

/** Who instructs it: one of the active partners. */
export async function assignPartner({ actor, proposalId, input }: { actor: Coordinator; proposalId: string; input: { version: number; partnerId: string } }): Promise<InstructResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  const outcome = await db.transaction(async (tx): Promise<{ result: InstructResult; opened: Opened }> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return { result: locked, opened: null };
    const proposal = locked.proposal;
    if (!mayReview(proposal)) return { result: { status: "not_allowed" }, opened: null };
    const [partner] = await tx
      .select({ id: instructingPartners.id, name: instructingPartners.name })
      .from(instructingPartners)
      .where(and(eq(instructingPartners.id, input.partnerId), eq(instructingPartners.active, true)));
    if (!partner) return { result: { status: "unknown_partner" }, opened: null };
    const [before] = await tx
      .select({ partnerId: proposalReviews.partnerId, partnerName: instructingPartners.name })
      .from(proposalReviews)
      .leftJoin(instructingPartners, eq(instructingPartners.id, proposalReviews.partnerId))
      .where(eq(proposalReviews.proposalId, proposal.id));
    await tx
      .insert(proposalReviews)
      .values({ proposalId: proposal.id, partnerId: partner.id, updatedById: actor.id })
      .onConflictDoUpdate({ target: proposalReviews.proposalId, set: { partnerId: partner.id, updatedById: actor.id, updatedAt: new Date() } });
    if (opensInstruction(proposal)) {
      const opened = await openInstruction(tx, proposal, actor.id, partner, "governance.assign");
      if (opened === "not_allowed") return { result: { status: "not_allowed" }, opened: null };
      return { result: { status: "ok", opened: true }, opened };
    }
    await touchProposal(tx, proposal, { actorId: actor.id, audit: "governance.assign", changes: { partner: { before: before?.partnerName ?? null, after: partner.name } } });
    return { result: { status: "ok", opened: false }, opened: null };
  });
  await emailOpened(outcome.opened);
  return outcome.result;
}

/** The analysis: feasibility, the ordinary public means already there, a cost range, public and internal words. */
export async function recordAnalysis({ actor, proposalId, input }: { actor: Coordinator; proposalId: string; input: AnalysisInput }): Promise<InstructResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  const outcome = await db.transaction(async (tx): Promise<{ result: InstructResult; opened: Opened }> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return { result: locked, opened: null };
    const proposal = locked.proposal;
    if (!mayReview(proposal)) return { result: { status: "not_allowed" }, opened: null };
    const analysis = {
      feasibility: input.feasibility,
      costRange: input.costRange,
      existingMeans: input.existingMeans,
      publicAnalysis: input.publicAnalysis,
      internalNotes: input.internalNotes,
    };
    const [before] = await tx.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposal.id));
    const [review] = await tx
      .insert(proposalReviews)
      .values({ proposalId: proposal.id, ...analysis, updatedById: actor.id })
      .onConflictDoUpdate({ target: proposalReviews.proposalId, set: { ...analysis, updatedById: actor.id, updatedAt: new Date() } })
      .returning({ partnerId: proposalReviews.partnerId });
    // The audit keeps which parts changed, not the internal notes' words (they stay on the review).
    const changed = (Object.keys(analysis) as (keyof typeof analysis)[]).filter((key) => (before?.[key] ?? null) !== analysis[key] && !(before === undefined && analysis[key] === ""));
    const changes = { analysis: { before: before ? { feasibility: before.feasibility, costRange: before.costRange } : null, after: { feasibility: analysis.feasibility, costRange: analysis.costRange, fields: changed } } };
    if (opensInstruction(proposal)) {
      const partner = review?.partnerId
        ? ((await tx.select({ id: instructingPartners.id, name: instructingPartners.name }).from(instructingPartners).where(eq(instructingPartners.id, review.partnerId)))[0] ?? null)
        : null;
      const opened = await openInstruction(tx, proposal, actor.id, partner, "governance.analysis");
      if (opened === "not_allowed") return { result: { status: "not_allowed" }, opened: null };
      return { result: { status: "ok", opened: true }, opened };
    }
    await touchProposal(tx, proposal, { actorId: actor.id, audit: "governance.analysis", changes });
    return { result: { status: "ok", opened: false }, opened: null };
  });
  await emailOpened(outcome.opened);
  return outcome.result;
}
