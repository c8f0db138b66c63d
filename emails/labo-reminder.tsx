import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";
import { LaboGreeting, LaboSessionDetails, type LaboSessionEmailData } from "./components/labo-session-details.tsx";

export type LaboReminderData = LaboSessionEmailData;

export const laboReminderSubject = (t: EmailT, data: LaboReminderData) => t("laboReminder.subject", { title: data.title });

/** Sent once, the day before, to the people who have a seat. */
export function LaboReminderEmail({ t, lang, displayName, title, when, place, access, sessionUrl }: EmailBase & LaboReminderData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("laboReminder.preview", { title, when })} heading={t("laboReminder.heading")}>
      <LaboGreeting t={t} displayName={displayName} />
      <Paragraph>{t("laboReminder.intro")}</Paragraph>
      <LaboSessionDetails t={t} title={title} when={when} place={place} access={access} />
      <Paragraph>{t("laboReminder.bring")}</Paragraph>
      <ActionLink t={t} href={sessionUrl} label={t("laboDetails.sessionLink")} />
      <SmallPrint>{t("laboDetails.cancelWithFirstLink")}</SmallPrint>
      <SmallPrint>{t("laboDetails.privacy")}</SmallPrint>
    </EmailLayout>
  );
}
