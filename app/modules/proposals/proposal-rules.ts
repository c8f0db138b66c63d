/**
 * What the author may still do with a proposal. Pure: the use cases enforce it (under a row lock), the
 * page uses it to offer only the actions that will work.
 */
import type { ProposalStatus } from "#db/schema/proposals.ts";
import { canMoveTo, PUBLIC_STATUSES } from "./proposal-status.ts";

export type ProposalState = { status: ProposalStatus; supportCount: number; contributionCount: number };

/**
 * A draft can always be edited; a published proposal only until someone supports or discusses it: the
 * people who did must find the text they reacted to. After that the author adds updates instead.
 */
export function isEditable(p: ProposalState) {
  return p.status === "draft" || (p.status === "published" && p.supportCount === 0 && p.contributionCount === 0);
}

/** An update (a short text appended to the timeline) is for public proposals that can no longer be edited. */
export function acceptsUpdates(p: ProposalState) {
  return p.status !== "withdrawn" && p.status !== "merged" && PUBLIC_STATUSES.includes(p.status) && !isEditable(p);
}

export function canBeWithdrawn(p: ProposalState) {
  return canMoveTo(p.status, "withdrawn");
}

export function canBePublished(p: ProposalState) {
  return canMoveTo(p.status, "published");
}

/** Which of the author's actions the page shows. */
export function authorActions(p: ProposalState) {
  return { edit: isEditable(p), update: acceptsUpdates(p), withdraw: canBeWithdrawn(p), publish: canBePublished(p) };
}
