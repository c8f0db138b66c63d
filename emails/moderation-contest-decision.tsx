import { EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationContestDecisionData = { displayName: string; subjectType: string; restored: boolean; note: string };

export const moderationContestDecisionSubject = (t: EmailT) => t("moderationContestDecision.subject");

/** To the author who contested a hiding: the second moderator's final decision. */
export function ModerationContestDecisionEmail({ t, lang, displayName, subjectType, restored, note }: EmailBase & ModerationContestDecisionData) {
  const what = t(`moderationSubjects.${subjectType}`);
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationContestDecision.preview")} heading={t("moderationContestDecision.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{restored ? t("moderationContestDecision.restored", { what }) : t("moderationContestDecision.kept", { what })}</Paragraph>
      <Paragraph>{t("moderationContestDecision.note", { note })}</Paragraph>
      <SmallPrint>{t("moderationContestDecision.final")}</SmallPrint>
    </EmailLayout>
  );
}
