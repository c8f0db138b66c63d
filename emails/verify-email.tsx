import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type VerifyEmailData = { displayName: string; url: string };

export const verifyEmailSubject = (t: EmailT) => t("verifyEmail.subject");

/** Sent after sign-up and on request from the account page: confirms the address belongs to the person. */
export function VerifyEmail({ t, lang, displayName, url }: EmailBase & VerifyEmailData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("verifyEmail.preview")} heading={t("verifyEmail.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("verifyEmail.intro")}</Paragraph>
      <ActionLink t={t} href={url} label={t("verifyEmail.action")} />
      <SmallPrint>{t("verifyEmail.expiry")}</SmallPrint>
      <SmallPrint>{t("verifyEmail.notYou")}</SmallPrint>
    </EmailLayout>
  );
}
