import { EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationReportOutcomeData = { displayName: string; subjectType: string; hidden: boolean };

export const moderationReportOutcomeSubject = (t: EmailT) => t("moderationReportOutcome.subject");

/** To each person who reported an item, once the moderators have decided. */
export function ModerationReportOutcomeEmail({ t, lang, displayName, subjectType, hidden }: EmailBase & ModerationReportOutcomeData) {
  const what = t(`moderationSubjects.${subjectType}`);
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationReportOutcome.preview")} heading={t("moderationReportOutcome.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("moderationReportOutcome.thanks", { what })}</Paragraph>
      <Paragraph>{hidden ? t("moderationReportOutcome.hidden") : t("moderationReportOutcome.kept")}</Paragraph>
      <SmallPrint>{t("moderationReportOutcome.why")}</SmallPrint>
    </EmailLayout>
  );
}
