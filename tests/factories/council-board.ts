/**
 * Rows a council's tracking board reads (tests only): proposals tied to a council (carried or followed),
 * taken to a governance step by the real use cases (GTP, COPIL, follow-up), and interpellations.
 */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "#app/db.server.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { correctDecision } from "#app/modules/governance/correct-decision.server.ts";
import { assignPartner, recordAnalysis } from "#app/modules/governance/instruct-proposal.server.ts";
import { markMeetingHeld } from "#app/modules/governance/meeting-writes.server.ts";
import { addMilestone } from "#app/modules/governance/milestone-steps.server.ts";
import { publishDecisions } from "#app/modules/governance/publish-decisions.server.ts";
import { putForwardProposal } from "#app/modules/governance/put-forward-proposal.server.ts";
import { recordDecision } from "#app/modules/governance/record-decision.server.ts";
import { startFollowup } from "#app/modules/governance/followup-steps.server.ts";
import { agendaItems, councilProposals, interpellations, proposals, type CouncilProposalTie, type InterpellationKind, type ProposalDecision } from "#db/schema/index.ts";
import { copilMeeting, currentVersion, partner, person, qualifiedProposal, type QualifiedInput } from "#tests/factories/gtp.ts";

const DAY_MS = 24 * 3600_000;

/** Words the GTP keeps to itself: a test checks they never reach the board, its print or its file. */
export const INTERNAL_NOTE = "NOTE-INTERNE-COORDINATION ne jamais publier";

export type Coordinator = Awaited<ReturnType<typeof person>>;

export function boardCoordinator() {
  return person("Coordinatrice du GTP", "coordinator");
}

/** Ties a proposal to a council, as carrying or following it does. */
export async function tieToCouncil(councilCode: string, proposalId: string, tie: CouncilProposalTie = "carried", createdAt?: Date) {
  await db.insert(councilProposals).values({ councilCode, proposalId, tie, statement: tie === "carried" ? "Le conseil porte cette proposition." : "", ...(createdAt ? { createdAt } : {}) });
}

/** A proposal (qualified unless told) that the council carries or follows. */
export async function councilProposal(councilCode: string, tie: CouncilProposalTie, input: QualifiedInput = {}) {
  const proposal = await qualifiedProposal(input);
  await tieToCouncil(councilCode, proposal.id, tie);
  return proposal;
}

/** The GTP takes it up: a partner, and an analysis with an internal note (qualified → under_review). */
export async function underReview(coordinator: Coordinator, proposalId: string) {
  const gtpPartner = await partner(`Service ${proposalId.slice(0, 8)}`);
  expect(await assignPartner({ actor: coordinator.viewer, proposalId, input: { version: await currentVersion(proposalId), partnerId: gtpPartner.id } })).toMatchObject({ status: "ok" });
  const analysis = { feasibility: "feasible", costRange: "under_10k", existingMeans: "", publicAnalysis: "Faisable avec les moyens de la ville.", internalNotes: INTERNAL_NOTE } as const;
  expect(await recordAnalysis({ actor: coordinator.viewer, proposalId, input: { version: await currentVersion(proposalId), ...analysis } })).toMatchObject({ status: "ok" });
}

/** Under review, then put on a planned COPIL (`daysAhead` from now). */
export async function onCopilAgenda(coordinator: Coordinator, proposalId: string, meeting?: { id: string; startsAt: Date }) {
  await underReview(coordinator, proposalId);
  const target = meeting ?? (await copilMeeting({ daysAhead: 30 }));
  expect(await putForwardProposal({ actor: coordinator.viewer, proposalId, input: { version: await currentVersion(proposalId), meetingId: target.id, details: "" } })).toMatchObject({ status: "ok" });
  return target;
}

/** On a COPIL that has taken place, with its decision recorded but the relevé not published. */
export async function decisionRecorded(coordinator: Coordinator, proposalId: string, decision: ProposalDecision, reasons: string) {
  const meeting = await onCopilAgenda(coordinator, proposalId, await copilMeeting({ daysAhead: 2 }));
  expect(await markMeetingHeld({ actor: coordinator, meetingId: meeting.id, now: new Date(Date.now() + 3 * DAY_MS) })).toMatchObject({ status: "ok" });
  const [item] = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.proposalId, proposalId));
  expect(await recordDecision({ actor: coordinator, meetingId: meeting.id, itemId: item!.id, decision, publicReasons: reasons })).toEqual({ status: "ok" });
  return { meeting, itemId: item!.id };
}

/** Decided by a COPIL whose relevé is published (retained, partly, not retained: answered; postponed: back to the GTP). */
export async function decided(coordinator: Coordinator, proposalId: string, decision: ProposalDecision, reasons: string, correction?: string) {
  const { meeting, itemId } = await decisionRecorded(coordinator, proposalId, decision, reasons);
  expect(await publishDecisions({ actor: coordinator, meetingId: meeting.id, summary: "Relevé de décisions." })).toMatchObject({ status: "ok" });
  if (correction) expect(await correctDecision({ actor: coordinator, meetingId: meeting.id, itemId, text: correction })).toMatchObject({ status: "ok" });
  return meeting;
}

/** The GTP answers it directly (from the queue, without the COPIL). */
export async function answeredDirectly(coordinator: Coordinator, proposalId: string, text: string, answerKind: "already_done" | "in_progress_elsewhere" | "outside_contract" = "already_done") {
  const input = { version: await currentVersion(proposalId), answerKind, answerText: text, competentBody: answerKind === "outside_contract" ? "Le Département" : "" };
  expect(await answerProposal({ actor: coordinator.viewer, proposalId, input })).toEqual({ status: "ok" });
}

/** Retained by a published COPIL, its follow-up started, with a milestone due on `dueOn` (YYYY-MM-DD). */
export async function inProgressWithMilestone(coordinator: Coordinator, proposalId: string, milestone: { title: string; dueOn: string }) {
  await decided(coordinator, proposalId, "retained", "Retenue : la ville s'en charge.");
  expect(await startFollowup({ actor: coordinator, proposalId, input: { version: await currentVersion(proposalId), bodyInCharge: "Ville de Lens", action: null } })).toEqual({ status: "ok" });
  expect(await addMilestone({ actor: coordinator, proposalId, input: { version: await currentVersion(proposalId), ...milestone } })).toMatchObject({ status: "ok" });
}

export type InterpellationInput = {
  councilCode: string | null;
  title?: string;
  kind?: InterpellationKind;
  /** Days since it was sent (default 10). */
  daysAgo?: number;
  answer?: string | null;
  answeredDaysAgo?: number;
  hidden?: boolean;
  authorId?: string | null;
};

let counter = 0;

/** An interpellation a council sent to the GTP, answered when `answer` is given. */
export async function councilInterpellation(input: InterpellationInput) {
  counter += 1;
  const answered = input.answer != null;
  const [row] = await db
    .insert(interpellations)
    .values({
      source: input.councilCode ? "council" : "actor_network",
      councilCode: input.councilCode,
      authorId: input.authorId ?? null,
      kind: input.kind ?? "question",
      title: input.title ?? `Interpellation n°${counter}`,
      body: "Pouvez-vous nous dire où en est ce dossier ?",
      answer: input.answer ?? null,
      answeredAt: answered ? new Date(Date.now() - (input.answeredDaysAgo ?? 1) * DAY_MS) : null,
      hiddenAt: input.hidden ? new Date() : null,
      createdAt: new Date(Date.now() - (input.daysAgo ?? 10) * DAY_MS),
    })
    .returning();
  return row!;
}

/** Hides a proposal as moderation does. */
export async function hideProposal(proposalId: string) {
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposalId));
}
