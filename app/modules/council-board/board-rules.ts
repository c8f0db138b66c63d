/**
 * What the tracking board says about each subject, from the rows board-queries read: whether it still
 * waits for its answer, for how long, by when it is owed (the droit de suite of answer-deadline.ts, the
 * same rule and setting as the counters and the GTP's queue), what happens next, and the last public
 * answer. Then the filters and the sort. Pure: no translation here (present-board.ts words it).
 */
import { answerDeadline, daysWaiting, isCounted, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { waitsForGtp } from "#app/modules/governance/gtp-rules.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import type { CouncilProposalTie, InterpellationKind, ProposalDecision, ProposalStatus } from "#db/schema/index.ts";
import type { BoardFilters, BoardState, BoardType } from "./board.schema.ts";

export type BoardProposalRow = {
  tie: CouncilProposalTie;
  id: string;
  title: string;
  status: ProposalStatus;
  decision: ProposalDecision | null;
  qualifiedAt: Date | null;
  answeredAt: Date | null;
  updatedAt: Date;
  openMeeting: { title: string; startsAt: string; status: "planned" | "held" } | null;
  publishedDecision: { decision: ProposalDecision; reasons: string | null; startsAt: string; publishedAt: string | null; corrections: { text: string; at: string }[] } | null;
  directAnswer: { answerKind: string | null; text: string | null; competentBody: string | null; at: string } | null;
  nextMilestone: { title: string; dueOn: string } | null;
};

export type BoardInterpellationRow = { id: string; kind: InterpellationKind; title: string; answer: string | null; answeredAt: Date | null; createdAt: Date };

export type BoardKind = "carried" | "followed" | "interpellation";
/** An interpellation has two states of its own; a proposal has its status. */
export type BoardStatus = ProposalStatus | "interpellation_waiting" | "interpellation_answered";

export type NextStep =
  | { kind: "support" } // published, not yet enough supports to reach the GTP
  | { kind: "gtp" } // the GTP instructs it (again, after a postponement)
  | { kind: "copil"; at: string } // on the agenda of a meeting still to come
  | { kind: "copilUnscheduled" }
  | { kind: "publish"; at: string } // the meeting took place, its relevé is not out yet
  | { kind: "implement" } // retained, the follow-up has not started
  | { kind: "milestone"; title: string; dueOn: string }
  | { kind: "inProgress" }
  | { kind: "gtpAnswer" } // an interpellation waiting for the GTP's answer
  | { kind: "none"; why: "answered" | "notRetained" | "done" | "withdrawn" | "merged" };

export type LastAnswer =
  | { kind: "decision"; decision: ProposalDecision; reasons: string; meetingAt: string; at: string; corrections: { text: string; at: string }[] }
  | { kind: "direct"; answerKind: string | null; text: string; competentBody: string | null; at: string }
  | { kind: "interpellation"; text: string; at: string };

export type BoardItem = {
  kind: BoardKind;
  /** Question or request, for an interpellation. */
  interpellationKind: InterpellationKind | null;
  id: string;
  title: string;
  href: string;
  status: BoardStatus;
  decision: ProposalDecision | null;
  /** When the droit de suite started: qualification, or the day an interpellation was sent. */
  startedAt: Date | null;
  answeredAt: Date | null;
  answered: boolean;
  /** Still owed an answer (counted by the droit de suite, not answered). */
  waiting: boolean;
  /** Neither answered nor closed (withdrawn, merged): the « en attente » filter. */
  open: boolean;
  daysWaiting: number | null;
  /** Days from start to answer, once answered. */
  answerDays: number | null;
  deadline: Date | null;
  overdue: boolean;
  /** Days past the deadline, while overdue. */
  daysLate: number;
  /** Answered after its deadline (null while not answered or not counted). */
  answeredLate: boolean | null;
  nextStep: NextStep;
  lastAnswer: LastAnswer | null;
  updatedAt: Date;
};

function nextStepOf(row: BoardProposalRow, now: Date): NextStep {
  switch (row.status) {
    case "published":
      return { kind: "support" };
    case "on_copil_agenda": {
      const meeting = row.openMeeting;
      if (!meeting) return { kind: "copilUnscheduled" };
      return meeting.status === "held" || new Date(meeting.startsAt).getTime() <= now.getTime() ? { kind: "publish", at: meeting.startsAt } : { kind: "copil", at: meeting.startsAt };
    }
    case "decided":
      if (waitsForGtp(row)) return { kind: "gtp" };
      return row.decision === "not_retained" ? { kind: "none", why: "notRetained" } : { kind: "implement" };
    case "in_progress":
      return row.nextMilestone ? { kind: "milestone", title: row.nextMilestone.title, dueOn: row.nextMilestone.dueOn } : { kind: "inProgress" };
    case "done":
      return { kind: "none", why: "done" };
    case "answered":
      return { kind: "none", why: "answered" };
    case "withdrawn":
      return { kind: "none", why: "withdrawn" };
    case "merged":
      return { kind: "none", why: "merged" };
    default:
      // qualified, under_review (and a stray draft, which the query never reads)
      return { kind: "gtp" };
  }
}

function lastAnswerOf(row: BoardProposalRow): LastAnswer | null {
  const decision = row.publishedDecision;
  const direct = row.directAnswer?.text ? row.directAnswer : null;
  const decisionAnswer: LastAnswer | null = decision
    ? { kind: "decision", decision: decision.decision, reasons: decision.reasons ?? "", meetingAt: decision.startsAt, at: decision.publishedAt ?? decision.startsAt, corrections: decision.corrections }
    : null;
  const directAnswer: LastAnswer | null = direct ? { kind: "direct", answerKind: direct.answerKind, text: direct.text!, competentBody: direct.competentBody, at: direct.at } : null;
  if (decisionAnswer && directAnswer) return new Date(directAnswer.at).getTime() > new Date(decisionAnswer.at).getTime() ? directAnswer : decisionAnswer;
  return decisionAnswer ?? directAnswer;
}

const DAY_MS = 24 * 3600_000;

function timing(startedAt: Date | null, answeredAt: Date | null, counted: boolean, deadlineDays: number, now: Date) {
  const waiting = counted && answeredAt === null;
  const deadline = counted && startedAt ? answerDeadline(startedAt, deadlineDays) : null;
  const overdue = waiting && isOverdue({ qualifiedAt: startedAt, answeredAt }, deadlineDays, now);
  return {
    waiting,
    daysWaiting: waiting && startedAt ? daysWaiting(startedAt, now) : null,
    answerDays: answeredAt && startedAt ? daysWaiting(startedAt, answeredAt) : null,
    deadline: waiting ? deadline : null,
    overdue,
    daysLate: overdue && deadline ? Math.max(1, Math.floor((now.getTime() - deadline.getTime()) / DAY_MS)) : 0,
    answeredLate: answeredAt && deadline ? answeredAt.getTime() > deadline.getTime() : null,
  };
}

export function proposalItem(row: BoardProposalRow, deadlineDays: number, now: Date): BoardItem {
  const counted = isCounted({ qualifiedAt: row.qualifiedAt, hiddenAt: null, status: row.status });
  const closed = row.status === "withdrawn" || row.status === "merged";
  const answered = row.answeredAt !== null;
  return {
    kind: row.tie,
    interpellationKind: null,
    id: row.id,
    title: row.title,
    href: proposalPath(row.id),
    status: row.status,
    decision: row.decision,
    startedAt: row.qualifiedAt,
    answeredAt: row.answeredAt,
    answered,
    open: !answered && !closed,
    ...timing(row.qualifiedAt, row.answeredAt, counted, deadlineDays, now),
    nextStep: nextStepOf(row, now),
    lastAnswer: lastAnswerOf(row),
    updatedAt: row.updatedAt,
  };
}

export function interpellationItem(row: BoardInterpellationRow, deadlineDays: number, now: Date): BoardItem {
  const answered = row.answeredAt !== null;
  return {
    kind: "interpellation",
    interpellationKind: row.kind,
    id: row.id,
    title: row.title,
    href: `/interpellations/${row.id}`,
    status: answered ? "interpellation_answered" : "interpellation_waiting",
    decision: null,
    startedAt: row.createdAt,
    answeredAt: row.answeredAt,
    answered,
    open: !answered,
    // Owed an answer under the same droit de suite as a qualified proposal, from the day it was sent.
    ...timing(row.createdAt, row.answeredAt, true, deadlineDays, now),
    nextStep: answered ? { kind: "none", why: "answered" } : { kind: "gtpAnswer" },
    lastAnswer: answered && row.answer ? { kind: "interpellation", text: row.answer, at: row.answeredAt!.toISOString() } : null,
    updatedAt: row.answeredAt ?? row.createdAt,
  };
}

/** The order of the « État » column: along a subject's way, from the first step to the last. */
const STATUS_RANK: Record<BoardStatus, number> = {
  draft: 0,
  published: 1,
  qualified: 2,
  interpellation_waiting: 2,
  under_review: 3,
  on_copil_agenda: 4,
  decided: 5,
  in_progress: 6,
  answered: 7,
  interpellation_answered: 7,
  done: 8,
  withdrawn: 9,
  merged: 10,
};

const TYPE_KINDS: Record<BoardType, BoardKind> = { portees: "carried", suivies: "followed", interpellations: "interpellation" };

const STATE_TEST: Record<BoardState, (item: BoardItem) => boolean> = {
  "en-attente": (item) => item.open,
  repondues: (item) => item.answered,
  "en-retard": (item) => item.overdue,
};

const titleOrder = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** The value a sort reads; null goes last in either order (a subject that does not wait has no wait to compare). */
function sortKey(item: BoardItem, sort: BoardFilters["sort"]): number | string | null {
  switch (sort) {
    case "attente":
      return item.daysWaiting;
    case "echeance":
      return item.deadline ? item.deadline.getTime() : null;
    case "statut":
      return STATUS_RANK[item.status];
    case "titre":
      return item.title;
    case "mise-a-jour":
      return item.updatedAt.getTime();
  }
}

export function sortBoardItems(items: BoardItem[], filters: Pick<BoardFilters, "sort" | "order">): BoardItem[] {
  const direction = filters.order === "asc" ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (typeof a === "string" && typeof b === "string" ? titleOrder.compare(a, b) : (a as number) - (b as number));
  return [...items].sort((a, b) => {
    const ka = sortKey(a, filters.sort);
    const kb = sortKey(b, filters.sort);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    const primary = ka === null || kb === null ? 0 : compare(ka, kb) * direction;
    // Ties read A→Z, then by id, so the same board always prints in the same order.
    return primary || titleOrder.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

export function filterBoardItems(items: BoardItem[], filters: Pick<BoardFilters, "type" | "state">): BoardItem[] {
  return items.filter((item) => (!filters.type || item.kind === TYPE_KINDS[filters.type]) && (!filters.state || STATE_TEST[filters.state](item)));
}

export function countBoard(items: BoardItem[]) {
  return { total: items.length, overdue: items.filter((i) => i.overdue).length, answered: items.filter((i) => i.answered).length };
}

export function buildBoard(rows: { proposals: BoardProposalRow[]; interpellations: BoardInterpellationRow[] }, filters: BoardFilters, { deadlineDays, now }: { deadlineDays: number; now: Date }) {
  const all = [...rows.proposals.map((row) => proposalItem(row, deadlineDays, now)), ...rows.interpellations.map((row) => interpellationItem(row, deadlineDays, now))];
  return { counts: countBoard(all), items: sortBoardItems(filterBoardItems(all, filters), filters) };
}
