/**
 * The life of a proposal, in one place. Pure: the server enforces it, the UI uses it to show what can
 * happen next. Residents reach the first steps; coordinators (GTP / COPIL secretariat) the later ones.
 */
import type { ProposalDecision, ProposalStatus } from "#db/schema/proposals.ts";

export const NEXT_STATUSES: Record<ProposalStatus, readonly ProposalStatus[]> = {
  draft: ["published"],
  published: ["qualified", "withdrawn"],
  // The GTP may answer or merge a proposal from the queue before anyone instructs it.
  qualified: ["under_review", "answered", "merged", "withdrawn"],
  under_review: ["on_copil_agenda", "answered", "merged"],
  on_copil_agenda: ["decided", "under_review"], // taken off an agenda before the meeting
  decided: ["in_progress", "on_copil_agenda", "under_review"], // a postponed decision goes back to the GTP
  in_progress: ["done"],
  done: [],
  withdrawn: [],
  answered: [],
  merged: [],
};

export function canMoveTo(from: ProposalStatus, to: ProposalStatus) {
  return NEXT_STATUSES[from].includes(to);
}

/** Statuses in which people may still support, comment on and follow the proposal. */
export const OPEN_STATUSES: readonly ProposalStatus[] = ["published", "qualified", "under_review", "on_copil_agenda"];
export function isOpen(status: ProposalStatus) {
  return OPEN_STATUSES.includes(status);
}

/** Publicly listed statuses (drafts belong to their author only). */
export const PUBLIC_STATUSES: readonly ProposalStatus[] = ["published", "qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done", "withdrawn", "answered", "merged"];

/** A qualified proposal must get an answer: these are the ones still waiting for it. */
export const AWAITING_ANSWER: readonly ProposalStatus[] = ["qualified", "under_review", "on_copil_agenda"];

export function decisionAllowsImplementation(decision: ProposalDecision | null) {
  return decision === "retained" || decision === "partly_retained";
}
