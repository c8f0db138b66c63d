import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationHiddenData = { displayName: string; subjectType: string; reason: string; note: string; contestUrl: string };

export const moderationHiddenSubject = (t: EmailT) => t("moderationHidden.subject");

/** To the author when a moderator hides their content: what, why, the moderator's note, how to contest. */
export function ModerationHiddenEmail({ t, lang, displayName, subjectType, reason, note, contestUrl }: EmailBase & ModerationHiddenData) {
  const what = t(`moderationSubjects.${subjectType}`);
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationHidden.preview", { what })} heading={t("moderationHidden.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("moderationHidden.intro", { what })}</Paragraph>
      <Paragraph>{t("moderationHidden.reason", { reason: t(`moderationReasons.${reason}`) })}</Paragraph>
      <Paragraph>{t("moderationHidden.note", { note })}</Paragraph>
      <Paragraph>{t("moderationHidden.contest")}</Paragraph>
      <ActionLink t={t} href={contestUrl} label={t("moderationHidden.action")} />
      <SmallPrint>{t("moderationHidden.why")}</SmallPrint>
    </EmailLayout>
  );
}
