/**
 * Which GTP step a proposal may take now, in one place. Pure: the use cases enforce it (with the status
 * model), the instruction page shows only the forms it allows.
 */
import { canMoveTo } from "#app/modules/proposals/proposal-status.ts";
import type { ProposalDecision, ProposalStatus } from "#db/schema/proposals.ts";

type State = { status: ProposalStatus; decision: ProposalDecision | null };

/** Waiting for the GTP: qualified, being instructed, or sent back by the COPIL (postponed). */
export function waitsForGtp(p: State) {
  return p.status === "qualified" || p.status === "under_review" || (p.status === "decided" && p.decision === "postponed");
}

/** Assigning a partner or analysing opens the instruction of a proposal not (or no longer) under review. */
export function opensInstruction(p: State) {
  return p.status === "qualified" || (p.status === "decided" && p.decision === "postponed");
}

/** A partner and an analysis may be set while it waits, and refined while it is on an agenda. */
export function mayReview(p: State) {
  return waitsForGtp(p) || p.status === "on_copil_agenda";
}

/** Only a proposal under review, or one the COPIL postponed, goes (back) to a COPIL. */
export function mayPutForward(p: State) {
  return p.status === "under_review" || (p.status === "decided" && p.decision === "postponed");
}

export function mayAnswer(p: State) {
  return canMoveTo(p.status, "answered");
}

export function mayMerge(p: State) {
  return canMoveTo(p.status, "merged");
}

export function gtpAllows(p: State) {
  return { review: mayReview(p), putForward: mayPutForward(p), answer: mayAnswer(p), merge: mayMerge(p) };
}
