import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type MagicLinkData = { displayName: string; url: string };

export const magicLinkSubject = (t: EmailT) => t("magicLink.subject");

/** A one-time sign-in link, for people who would rather not keep a password. */
export function MagicLinkEmail({ t, lang, displayName, url }: EmailBase & MagicLinkData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("magicLink.preview")} heading={t("magicLink.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("magicLink.intro")}</Paragraph>
      <ActionLink t={t} href={url} label={t("magicLink.action")} />
      <SmallPrint>{t("magicLink.expiry")}</SmallPrint>
      <SmallPrint>{t("magicLink.notYou")}</SmallPrint>
    </EmailLayout>
  );
}
