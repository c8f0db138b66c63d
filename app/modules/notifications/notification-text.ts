/**
 * What a notice says, in words: one sentence about what happened, the same change without its subject (for
 * digests that group notices under a proposal's title), why this person hears about it, the place it is
 * about, and the words a coordinator wrote with it (reasons, an answer, news), if any. Pure, given a `t`
 * that knows the `notifications` namespace: the in-app centre and the notification emails both use it.
 */
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import type { NotificationEventKind, NotificationReason } from "#db/schema/notifications.ts";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A notice as the queries read it: its event, the title of what it is about, and the person's tie to it. */
export type NoticeSubject = {
  kind: NotificationEventKind;
  payload: Record<string, unknown>;
  reason: NotificationReason;
  proposalId: string | null;
  proposalTitle: string | null;
  /** contribution_reply: the reply. */
  contributionId: string | null;
  laboSessionId: string | null;
  laboSessionTitle: string | null;
  /** interpellation_answered: the interpellation (optional: older callers know none). */
  interpellationId?: string | null;
  interpellationTitle?: string | null;
};

export type NoticeText = {
  /** « La proposition « … » est à l'étude au groupe technique partenarial (GTP). » */
  sentence: string;
  /** The same change without its subject: « est à l'étude au groupe technique partenarial (GTP) ». */
  change: string;
  /** « Vous soutenez cette proposition. » */
  why: string;
  /** A path from the site's root: the proposal, the reply, the rendez-vous or its minutes. */
  href: string;
  /** Text written for residents that came with the change, shown as it was written; null when none. */
  detail: string | null;
};

/** The proposal steps that have their own words; any other step is told as « a avancé ». */
export const DESCRIBED_STEPS = [
  "qualified",
  "carried",
  "under_review",
  "on_copil_agenda",
  "decided",
  "answered",
  "merged",
  "merged_in",
  "decision_corrected",
  "in_progress",
  "milestone_added",
  "milestone_reached",
  "progress",
  "done",
] as const;
const STEPS = new Set<string>(DESCRIBED_STEPS);
const DECISIONS = new Set(["retained", "partly_retained", "not_retained", "postponed"]);
const ANSWERS = new Set(["already_done", "in_progress_elsewhere", "outside_contract"]);

// Per step: the payload's field that holds the text written for residents.
const DETAIL_FIELD: Record<string, string> = {
  carried: "statement",
  on_copil_agenda: "details",
  decided: "reasons",
  answered: "text",
  merged: "reason",
  merged_in: "reason",
  decision_corrected: "text",
  progress: "text",
  done: "text",
};

// The ties an interpellation's notice can come from (its author, its council's members).
const INTERPELLATION_REASONS = new Set(["author", "council_member"]);

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** The variant of a step's words: an under_review may be a reopening or a return from the agenda. */
function stepVariant(step: string, payload: Record<string, unknown>, values: Record<string, unknown>): string {
  if (step === "under_review" && payload.returnedFromAgenda) return "under_review_returned";
  if (step === "under_review" && payload.reopened === true) return "under_review_reopened";
  if (step === "decided") return values.decision ? step : "decided_unknown";
  if (step === "answered") return values.answer ? step : "answered_unknown";
  if (step === "carried") return values.council ? step : "carried_unknown";
  return step;
}

/** The translation key (under notifications:text) and its values for a notice. */
function wording(t: Translate, notice: NoticeSubject): { key: string; values: Record<string, unknown>; detail: string | null } {
  const { payload } = notice;
  switch (notice.kind) {
    case "proposal_step": {
      const step = typeof payload.step === "string" && STEPS.has(payload.step) ? payload.step : "other";
      const values: Record<string, unknown> = {
        meeting: text(payload.meetingTitle) ?? "",
        other: text(payload.otherTitle) ?? "",
        milestone: text(payload.title) ?? "",
        decision: typeof payload.decision === "string" && DECISIONS.has(payload.decision) ? t(`notifications:text.decisions.${payload.decision}`) : null,
        answer: typeof payload.answerKind === "string" && ANSWERS.has(payload.answerKind) ? t(`notifications:text.answers.${payload.answerKind}`) : null,
        council: text(payload.councilName) ?? "",
      };
      const field = DETAIL_FIELD[step];
      return { key: `proposal_step.${stepVariant(step, payload, values)}`, values, detail: field ? text(payload[field]) : null };
    }
    case "proposal_hidden":
    case "proposal_restored":
      // Pre-moderation: the proposal was never public; the moderators accepted it or not.
      return { key: payload.trigger === "premoderation" ? `${notice.kind}_premoderation` : notice.kind, values: {}, detail: null };
    case "labo_session_cancelled":
      return { key: notice.kind, values: {}, detail: text(payload.reason) };
    case "interpellation_answered": {
      // Who asked, in the words the public page uses: the council's name, or the network member's organisation.
      const council = text(payload.councilName);
      const organisation = text(payload.organisation);
      const key = council ? "interpellation_answered" : organisation ? "interpellation_answered_network" : "interpellation_answered_unnamed";
      return { key, values: { council: council ?? "", organisation: organisation ?? "" }, detail: text(payload.answer) };
    }
    default:
      return { key: notice.kind, values: {}, detail: null };
  }
}

/** Where a notice leads: a path from the site's root. */
export function notificationPlace(notice: Pick<NoticeSubject, "kind" | "proposalId" | "contributionId" | "laboSessionId" | "interpellationId">): string {
  switch (notice.kind) {
    case "interpellation_answered":
      return notice.interpellationId ? `/interpellations/${notice.interpellationId}` : "/notifications";
    case "contribution_reply":
      // The reply's permanent link leads to its place in the thread, on whichever page it is.
      return notice.contributionId ? `/contributions/${notice.contributionId}` : notice.proposalId ? proposalPath(notice.proposalId) : "/notifications";
    case "labo_minutes_published":
      return notice.laboSessionId ? `/labo/${notice.laboSessionId}/compte-rendu` : "/labo";
    case "labo_session_changed":
    case "labo_session_cancelled":
      return notice.laboSessionId ? `/labo/${notice.laboSessionId}` : "/labo";
    default:
      return notice.proposalId ? proposalPath(notice.proposalId) : "/notifications";
  }
}

/** The bell counts up to this, then says « plus de 99 »: a long backlog costs no more to count. */
export const UNREAD_COUNT_CAP = 99;

/** What the header's bell shows: the count on its badge, and its accessible name in words. */
export type BellData = { unread: number; badge: string | null; label: string };

export function notificationBell(t: Translate, unread: number): BellData {
  if (unread > UNREAD_COUNT_CAP) return { unread, badge: `${UNREAD_COUNT_CAP}+`, label: t("notifications:bell.many", { count: UNREAD_COUNT_CAP }) };
  if (unread === 0) return { unread, badge: null, label: t("notifications:bell.none") };
  return { unread, badge: String(unread), label: t("notifications:bell.count", { count: unread }) };
}

export function describeNotification(t: Translate, notice: NoticeSubject): NoticeText {
  const { key, values, detail } = wording(t, notice);
  const untitled = t("notifications:text.untitled");
  const isInterpellation = notice.kind === "interpellation_answered";
  const all = { ...values, title: (isInterpellation ? notice.interpellationTitle : notice.proposalTitle) ?? untitled, session: notice.laboSessionTitle ?? untitled };
  return {
    sentence: t(`notifications:text.${key}.sentence`, all),
    change: t(`notifications:text.${key}.change`, all),
    // An interpellation is a question, not a proposal: why this person hears of it is said its own way.
    why: t(isInterpellation && INTERPELLATION_REASONS.has(notice.reason) ? `notifications:text.why.interpellation_${notice.reason}` : `notifications:text.why.${notice.reason}`),
    href: notificationPlace(notice),
    detail,
  };
}
