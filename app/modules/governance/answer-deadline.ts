/**
 * The droit de suite, in one place: every qualified proposal gets a public answer (a direct answer from
 * the GTP or a published COPIL decision) within a number of days set by an administrator
 * (`governance.answerDeadlineDays`). Pure: the server's counters, the queue and the proposal page use it.
 */
import type { ProposalStatus } from "#db/schema/proposals.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which qualified proposals the droit de suite counts: not hidden by moderation, not withdrawn by their
 * author, not merged into another (the one they joined carries their qualification on). The SQL of
 * governance-counters.server.ts and the partial indexes `proposals_*_due_idx` say the same.
 */
export const UNCOUNTED_STATUSES = ["withdrawn", "merged"] as const satisfies readonly ProposalStatus[];

export function isCounted(p: { qualifiedAt: Date | string | null; hiddenAt: Date | string | null; status: ProposalStatus }) {
  return p.qualifiedAt !== null && p.hiddenAt === null && !(UNCOUNTED_STATUSES as readonly string[]).includes(p.status);
}

export function answerDeadline(qualifiedAt: Date | string, days: number): Date {
  return new Date(new Date(qualifiedAt).getTime() + days * DAY_MS);
}

/** The moment before which a still-unanswered proposal is overdue. */
export function overdueBefore(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function isOverdue(p: { qualifiedAt: Date | string | null; answeredAt: Date | string | null }, days: number, now: Date = new Date()) {
  return p.qualifiedAt !== null && p.answeredAt === null && answerDeadline(p.qualifiedAt, days).getTime() < now.getTime();
}

/** Whole days a proposal has waited since it qualified (0 on its first day). */
export function daysWaiting(qualifiedAt: Date | string, now: Date = new Date()) {
  return Math.max(0, Math.floor((now.getTime() - new Date(qualifiedAt).getTime()) / DAY_MS));
}
