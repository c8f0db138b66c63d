import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT, type UnsubscribeLinks } from "./components/email-layout.tsx";

/** `unsubscribe`: an account holder's links (this is also their notification email); none for a guest. */
export type LaboMinutesData = { name: string | null; title: string; date: string; url: string; unsubscribe?: UnsubscribeLinks | null };

export const laboMinutesSubject = (t: EmailT, data: LaboMinutesData) => t("laboMinutes.subject", { title: data.title });

/** Sent once, when the minutes of a rendez-vous du Labo are published, to each registrant who left an email. */
export function LaboMinutesEmail({ t, lang, name, title, date, url, unsubscribe }: EmailBase & LaboMinutesData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("laboMinutes.preview", { title })} heading={t("laboMinutes.heading")} unsubscribe={unsubscribe ?? undefined}>
      <Paragraph>{name ? t("layout.greeting", { name }) : t("laboMinutes.greetingNoName")}</Paragraph>
      <Paragraph>{t("laboMinutes.intro", { title, date })}</Paragraph>
      <Paragraph>{t("laboMinutes.content")}</Paragraph>
      <ActionLink t={t} href={url} label={t("laboMinutes.action")} />
      <SmallPrint>{t("laboMinutes.why")}</SmallPrint>
    </EmailLayout>
  );
}
