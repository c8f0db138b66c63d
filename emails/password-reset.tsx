import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type PasswordResetData = { displayName: string; url: string };

export const passwordResetSubject = (t: EmailT) => t("passwordReset.subject");

export function PasswordResetEmail({ t, lang, displayName, url }: EmailBase & PasswordResetData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("passwordReset.preview")} heading={t("passwordReset.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("passwordReset.intro")}</Paragraph>
      <ActionLink t={t} href={url} label={t("passwordReset.action")} />
      <SmallPrint>{t("passwordReset.expiry")}</SmallPrint>
      <SmallPrint>{t("passwordReset.notYou")}</SmallPrint>
    </EmailLayout>
  );
}
