import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";
import { LaboGreeting, LaboSessionDetails, type LaboSessionEmailData } from "./components/labo-session-details.tsx";

export type LaboPromotedData = LaboSessionEmailData;

export const laboPromotedSubject = (t: EmailT, data: LaboPromotedData) => t("laboPromoted.subject", { title: data.title });

/** Sent to the first person of the waiting list when a seat frees up: the seat is now theirs. */
export function LaboPromotedEmail({ t, lang, displayName, title, when, place, access, sessionUrl }: EmailBase & LaboPromotedData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("laboPromoted.preview", { title, when })} heading={t("laboPromoted.heading")}>
      <LaboGreeting t={t} displayName={displayName} />
      <Paragraph>{t("laboPromoted.intro")}</Paragraph>
      <LaboSessionDetails t={t} title={title} when={when} place={place} access={access} />
      <Paragraph>{t("laboPromoted.calendar")}</Paragraph>
      <ActionLink t={t} href={sessionUrl} label={t("laboDetails.sessionLink")} />
      <SmallPrint>{t("laboDetails.cancelWithFirstLink")}</SmallPrint>
      <SmallPrint>{t("laboDetails.privacy")}</SmallPrint>
    </EmailLayout>
  );
}
