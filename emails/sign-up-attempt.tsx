import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type SignUpAttemptData = { displayName: string; signInUrl: string; resetUrl: string };

export const signUpAttemptSubject = (t: EmailT) => t("signUpAttempt.subject");

/**
 * Sent to the owner of an address when someone tries to create an account with it. The sign-up page
 * answers the same either way, so only the owner learns that the account exists.
 */
export function SignUpAttemptEmail({ t, lang, displayName, signInUrl, resetUrl }: EmailBase & SignUpAttemptData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("signUpAttempt.preview")} heading={t("signUpAttempt.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("signUpAttempt.intro")}</Paragraph>
      <Paragraph>{t("signUpAttempt.ifYou")}</Paragraph>
      <ActionLink t={t} href={signInUrl} label={t("signUpAttempt.signIn")} />
      <Paragraph>{t("signUpAttempt.forgot")}</Paragraph>
      <ActionLink t={t} href={resetUrl} label={t("signUpAttempt.reset")} />
      <SmallPrint>{t("signUpAttempt.notYou")}</SmallPrint>
    </EmailLayout>
  );
}
