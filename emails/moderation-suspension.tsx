import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationSuspensionData = { displayName: string; until: string; message: string; charterUrl: string };

export const moderationSuspensionSubject = (t: EmailT) => t("moderationSuspension.subject");

/** To an account a moderator suspends: until when, why; reading stays open. */
export function ModerationSuspensionEmail({ t, lang, displayName, until, message, charterUrl }: EmailBase & ModerationSuspensionData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationSuspension.preview", { until })} heading={t("moderationSuspension.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("moderationSuspension.intro", { until })}</Paragraph>
      <Paragraph>{message}</Paragraph>
      <Paragraph>{t("moderationSuspension.reading")}</Paragraph>
      <ActionLink t={t} href={charterUrl} label={t("moderationSuspension.action")} />
      <SmallPrint>{t("moderationSuspension.why")}</SmallPrint>
    </EmailLayout>
  );
}
