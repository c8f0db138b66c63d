import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationWarningData = { displayName: string; message: string; charterUrl: string };

export const moderationWarningSubject = (t: EmailT) => t("moderationWarning.subject");

/** A moderator's warning to an author. */
export function ModerationWarningEmail({ t, lang, displayName, message, charterUrl }: EmailBase & ModerationWarningData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationWarning.preview")} heading={t("moderationWarning.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("moderationWarning.intro")}</Paragraph>
      <Paragraph>{message}</Paragraph>
      <Paragraph>{t("moderationWarning.charter")}</Paragraph>
      <ActionLink t={t} href={charterUrl} label={t("moderationWarning.action")} />
      <SmallPrint>{t("moderationWarning.why")}</SmallPrint>
    </EmailLayout>
  );
}
