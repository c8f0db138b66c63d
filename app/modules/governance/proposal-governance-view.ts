/**
 * The « Ce que devient cette proposition » section of a proposal's page, from what
 * proposal-governance-queries.server.ts read and the timeline's `answered` step. Pure.
 */
import { answerDeadline, isCounted, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { AWAITING_ANSWER } from "#app/modules/proposals/proposal-status.ts";
import type { ProposalStatus } from "#db/schema/proposals.ts";
import { formatDate, presentFollowup } from "./followup-view.ts";
import type { GovernanceAgendaEntry, ProposalGovernance } from "./proposal-governance-queries.server.ts";

type AnsweredEvent = { kind: string; answerKind?: string | null; text: string | null; competentBody?: string | null };

const DIRECT_ANSWERS = new Set(["already_done", "in_progress_elsewhere", "outside_contract"]);

const meetingHref = (entry: GovernanceAgendaEntry) => `/instances/${entry.bodyKey}/${entry.meetingId}`;

export function presentProposalGovernance({
  proposal,
  governance,
  timeline,
  deadlineDays,
  locale,
  coordinator,
  now = new Date(),
}: {
  proposal: { id: string; status: ProposalStatus; hiddenAt: Date | string | null };
  governance: ProposalGovernance;
  timeline: AnsweredEvent[];
  /** The droit de suite (days), read only while an answer is awaited. */
  deadlineDays: number | null;
  locale: string;
  coordinator: boolean;
  now?: Date;
}) {
  const { qualifiedAt, answeredAt } = governance;
  const awaiting = AWAITING_ANSWER.includes(proposal.status) && answeredAt === null && qualifiedAt !== null && isCounted({ qualifiedAt, hiddenAt: proposal.hiddenAt, status: proposal.status });
  const deadline =
    awaiting && deadlineDays !== null && qualifiedAt
      ? { label: formatDate(answerDeadline(qualifiedAt, deadlineDays), locale), overdue: isOverdue({ qualifiedAt, answeredAt }, deadlineDays, now) }
      : null;

  const review = governance.review;
  const analysis =
    review && (review.feasibility || review.costRange || review.existingMeans || review.publicAnalysis)
      ? { feasibility: review.feasibility, costRange: review.costRange, existingMeans: review.existingMeans || null, publicAnalysis: review.publicAnalysis || null }
      : null;

  // The meeting it waits for: the latest one it was put on, while its relevé is not out.
  const latest = governance.agenda.at(-1);
  const upcomingMeeting = latest && !latest.published && proposal.status === "on_copil_agenda" ? { href: meetingHref(latest), title: latest.meetingTitle, dateLabel: formatDate(latest.startsAt, locale) } : null;
  const decisions = governance.agenda
    .filter((entry) => entry.published && entry.decision)
    .map((entry) => ({
      href: meetingHref(entry),
      meetingTitle: entry.meetingTitle,
      dateLabel: formatDate(entry.startsAt, locale),
      decision: entry.decision!,
      reasons: entry.reasons || null,
      corrections: entry.corrections.map((c) => ({ text: c.text, dateLabel: formatDate(c.at, locale) })),
    }));

  const answeredEvent = timeline.findLast((e) => e.kind === "answered");
  const answerKind = answeredEvent?.answerKind ?? governance.answerKind;
  const answer = proposal.status === "answered" && answerKind && DIRECT_ANSWERS.has(answerKind) ? { kind: answerKind, text: answeredEvent?.text ?? null, competentBody: answeredEvent?.competentBody ?? null } : null;

  return {
    partnerName: review?.partnerName ?? null,
    deadline,
    analysis,
    upcomingMeeting,
    decisions,
    answer,
    followup: presentFollowup(governance.followup, governance.milestones, locale),
    tools: coordinator ? { instruct: `/gouvernance/propositions/${proposal.id}`, followup: `/gouvernance/propositions/${proposal.id}/realisation` } : null,
  };
}

export type ProposalGovernanceSection = ReturnType<typeof presentProposalGovernance>;
