/**
 * The board's items in words, for the page, its print view and its CSV file alike: one place says what a
 * status, a wait, a deadline, a next step and an answer read as. Statuses, decisions and answer kinds use
 * the proposal page's own words (proposals namespace). Pure: the loaders pass a translator.
 */
import { dateFormat } from "#app/components/dates.ts";
import { formatDate, formatDay } from "#app/modules/governance/followup-view.ts";
import type { BoardFilters } from "./board.schema.ts";
import type { BoardItem, LastAnswer, NextStep } from "./board-rules.ts";

/** A translator over the councilBoard and proposals namespaces (i18next's, or a stand-in in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Characters of an answer shown in the board's cell; the print view and the CSV give it whole. */
export const EXCERPT_LENGTH = 180;

export type BoardRowView = {
  key: string;
  kind: BoardItem["kind"];
  kindLabel: string;
  title: string;
  href: string;
  status: string;
  waiting: string;
  deadline: { label: string | null; iso: string | null; note: string | null; overdue: boolean };
  nextStep: string;
  lastAnswer: { text: string; excerpt: string; truncated: boolean; date: string; iso: string } | null;
  updated: { label: string; iso: string };
  /** Days as YYYY-MM-DD (Paris), and the wait as a number, for the CSV file. */
  days: { started: string | null; deadline: string | null; answered: string | null; updated: string };
  daysWaiting: number | null;
};

/** A day in Paris as YYYY-MM-DD. */
export function isoDay(at: Date | string) {
  return dateFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
}

function statusText(item: BoardItem, t: Translate) {
  if (item.kind === "interpellation") return t(`councilBoard:status.${item.status}`);
  const status = t(`proposals:status.${item.status}`);
  return item.status === "decided" && item.decision ? t("councilBoard:status.withDecision", { status, decision: t(`proposals:decision.${item.decision}`) }) : status;
}

function waitingText(item: BoardItem, t: Translate) {
  if (item.daysWaiting !== null) return t("councilBoard:waiting.days", { count: item.daysWaiting });
  if (item.answerDays !== null) return t("councilBoard:waiting.answeredIn", { count: item.answerDays });
  if (item.status === "published") return t("councilBoard:waiting.notYet");
  return t("councilBoard:waiting.none");
}

function deadlineView(item: BoardItem, t: Translate, locale: string): BoardRowView["deadline"] {
  if (item.deadline) {
    return {
      label: formatDate(item.deadline, locale),
      iso: item.deadline.toISOString(),
      note: item.overdue ? t("councilBoard:deadline.overdue", { count: item.daysLate }) : null,
      overdue: item.overdue,
    };
  }
  const note = item.answeredLate === null ? (item.status === "published" ? t("councilBoard:deadline.notYet") : t("councilBoard:deadline.none")) : t(item.answeredLate ? "councilBoard:deadline.answeredLate" : "councilBoard:deadline.answeredOnTime");
  return { label: null, iso: null, note, overdue: false };
}

function nextStepText(step: NextStep, t: Translate, locale: string) {
  switch (step.kind) {
    case "copil":
    case "publish":
      return t(`councilBoard:next.${step.kind}`, { date: formatDate(step.at, locale) });
    case "milestone":
      return t("councilBoard:next.milestone", { title: step.title, date: formatDay(step.dueOn, locale) });
    case "none":
      return t(`councilBoard:next.none.${step.why}`);
    default:
      return t(`councilBoard:next.${step.kind}`);
  }
}

/** The answer whole: a COPIL decision with its reasons and dated corrections, a direct answer, an interpellation's answer. */
function answerText(answer: LastAnswer, t: Translate, locale: string) {
  switch (answer.kind) {
    case "decision":
      return [
        t("councilBoard:answer.decision", { date: formatDate(answer.meetingAt, locale), decision: t(`proposals:decision.${answer.decision}`) }),
        answer.reasons,
        ...answer.corrections.map((c) => t("councilBoard:answer.correction", { date: formatDate(c.at, locale), text: c.text })),
      ]
        .filter(Boolean)
        .join("\n");
    case "direct":
      return [
        answer.answerKind ? t("proposals:governance.answerKind", { answer: t(`proposals:answerKind.${answer.answerKind}`) }) : null,
        answer.text,
        answer.competentBody ? t("proposals:governance.competentBody", { body: answer.competentBody }) : null,
      ]
        .filter(Boolean)
        .join("\n");
    case "interpellation":
      return answer.text;
  }
}

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return { excerpt: flat, truncated: false };
  // Cut at a word, never inside a surrogate pair.
  const cut = [...flat].slice(0, EXCERPT_LENGTH).join("");
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_LENGTH / 2));
  return { excerpt: `${atWord.trimEnd()}…`, truncated: true };
}

export function presentBoardItem(item: BoardItem, t: Translate, locale: string): BoardRowView {
  const kindLabel = item.interpellationKind ? t("councilBoard:kind.interpellationOf", { kind: t(`councilBoard:interpellationKind.${item.interpellationKind}`) }) : t(`councilBoard:kind.${item.kind}`);
  const answer = item.lastAnswer;
  const text = answer ? answerText(answer, t, locale) : null;
  return {
    key: `${item.kind}:${item.id}`,
    kind: item.kind,
    kindLabel,
    title: item.title,
    href: item.href,
    status: statusText(item, t),
    waiting: waitingText(item, t),
    deadline: deadlineView(item, t, locale),
    nextStep: nextStepText(item.nextStep, t, locale),
    lastAnswer: answer && text ? { text, ...excerpt(text), date: formatDate(answer.at, locale), iso: new Date(answer.at).toISOString() } : null,
    updated: { label: formatDate(item.updatedAt, locale), iso: item.updatedAt.toISOString() },
    days: {
      started: item.startedAt ? isoDay(item.startedAt) : null,
      deadline: item.deadline ? isoDay(item.deadline) : null,
      answered: answer ? isoDay(answer.at) : null,
      updated: isoDay(item.updatedAt),
    },
    daysWaiting: item.daysWaiting,
  };
}

/** The counts line: « 12 sujets · 3 en retard · 5 réponses reçues ». */
export function countsText(counts: { total: number; overdue: number; answered: number }, t: Translate) {
  return [t("councilBoard:counts.total", { count: counts.total }), t("councilBoard:counts.overdue", { count: counts.overdue }), t("councilBoard:counts.answered", { count: counts.answered })].join(" · ");
}

/** The sort and filters in words, for the printed sheet and the page's summary. */
export function filtersText(filters: BoardFilters, t: Translate) {
  return [
    t("councilBoard:applied.type", { value: t(filters.type ? `councilBoard:filters.types.${filters.type}` : "councilBoard:filters.all") }),
    t("councilBoard:applied.state", { value: t(filters.state ? `councilBoard:filters.states.${filters.state}` : "councilBoard:filters.all") }),
    t("councilBoard:applied.sort", { value: t(`councilBoard:sorts.${filters.sort}`), order: t(`councilBoard:orders.${filters.order}`) }),
  ];
}
