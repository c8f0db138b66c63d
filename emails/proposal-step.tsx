import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT, type UnsubscribeLinks } from "./components/email-layout.tsx";

/** The governance steps an author hears about (one email per step, from the proposal's timeline event). */
export const PROPOSAL_STEP_KINDS = [
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
export type ProposalStepKind = (typeof PROPOSAL_STEP_KINDS)[number];

export type ProposalStepData = UnsubscribeLinks & {
  displayName: string;
  title: string;
  url: string;
  step: ProposalStepKind;
  /** What the step says in words written for residents: reasons, an answer, news, a last word, a correction. */
  text?: string | null;
  /** decided: retained | partly_retained | not_retained | postponed; answered: already_done | in_progress_elsewhere | outside_contract. */
  outcome?: string | null;
  /** Who instructs it (under_review), the body in charge (in_progress), the competent body (outside_contract). */
  body?: string | null;
  /** The meeting (on_copil_agenda, decided), already written as "COPIL du 12 mars 2027". */
  meeting?: string | null;
  /** The answer's due date (under_review), a milestone's date, already formatted. */
  date?: string | null;
  /** under_review: the due date has passed (the answer is late, and the email says so). */
  late?: boolean;
  /** A milestone's title. */
  milestone?: string | null;
  /** merged / merged_in: the other proposal. */
  otherTitle?: string | null;
  otherUrl?: string | null;
};

// Steps whose text is introduced by a label ("Pourquoi :"); news and milestones speak for themselves.
const LABELLED_TEXT = new Set<ProposalStepKind>(["on_copil_agenda", "decided", "answered", "merged", "merged_in", "decision_corrected", "done"]);

export const proposalStepSubject = (t: EmailT, data: ProposalStepData) => t(`proposalStep.${data.step}.subject`, { title: data.title });

/** Sent to the author at each step of the feedback loop: GTP instruction, COPIL, answer, follow-up. */
export function ProposalStepEmail({ t, lang, displayName, title, url, step, text, outcome, body, meeting, date, late, milestone, otherTitle, otherUrl, unsubscribeUrl, preferencesUrl }: EmailBase & ProposalStepData) {
  const values = { title, body: body ?? "", meeting: meeting ?? "", date: date ?? "", milestone: milestone ?? "", other: otherTitle ?? "" };
  return (
    <EmailLayout t={t} lang={lang} preview={t(`proposalStep.${step}.subject`, { title })} heading={t(`proposalStep.${step}.heading`)} unsubscribe={{ unsubscribeUrl, preferencesUrl }}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t(`proposalStep.${step}.intro`, values)}</Paragraph>
      {outcome ? <Paragraph>{t("proposalStep.outcome", { outcome: t(`proposalStep.outcomes.${outcome}`) })}</Paragraph> : null}
      {step === "under_review" && body ? <Paragraph>{t("proposalStep.under_review.partner", { body })}</Paragraph> : null}
      {step === "under_review" && date ? <Paragraph>{t(late ? "proposalStep.under_review.deadlineLate" : "proposalStep.under_review.deadline", { date })}</Paragraph> : null}
      {step === "answered" && outcome === "outside_contract" && body ? <Paragraph>{t("proposalStep.answered.competentBody", { body })}</Paragraph> : null}
      {text ? <Paragraph>{LABELLED_TEXT.has(step) ? `${t(`proposalStep.${step}.textLabel`)} ${text}` : text}</Paragraph> : null}
      {otherUrl ? <ActionLink t={t} href={otherUrl} label={t("proposalStep.otherAction", { other: otherTitle ?? "" })} /> : null}
      <ActionLink t={t} href={url} label={t("proposalStep.action")} />
      <SmallPrint>{t("proposalStep.why")}</SmallPrint>
    </EmailLayout>
  );
}
