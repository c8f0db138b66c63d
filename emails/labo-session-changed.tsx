import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT, type UnsubscribeLinks } from "./components/email-layout.tsx";
import { LaboGreeting, LaboSessionDetails, type LaboSessionEmailData } from "./components/labo-session-details.tsx";

/** `unsubscribe`: an account holder's links (this is also their notification email); none for a guest. */
export type LaboSessionChangedData = LaboSessionEmailData & { change: "changed" | "cancelled"; reason: string | null; unsubscribe?: UnsubscribeLinks | null };

export const laboSessionChangedSubject = (t: EmailT, data: LaboSessionChangedData) => t(`laboSessionChanged.${data.change}.subject`, { title: data.title });

/** Sent to every registrant when the session's details change, or when it is cancelled. */
export function LaboSessionChangedEmail({ t, lang, displayName, change, reason, title, when, place, access, sessionUrl, unsubscribe }: EmailBase & LaboSessionChangedData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t(`laboSessionChanged.${change}.preview`, { title })} heading={t(`laboSessionChanged.${change}.heading`)} unsubscribe={unsubscribe ?? undefined}>
      <LaboGreeting t={t} displayName={displayName} />
      <Paragraph>{t(`laboSessionChanged.${change}.intro`)}</Paragraph>
      {reason ? <Paragraph>{t("laboSessionChanged.reason", { reason })}</Paragraph> : null}
      <LaboSessionDetails t={t} title={title} when={when} place={place} access={access} />
      <Paragraph>{t(`laboSessionChanged.${change}.next`)}</Paragraph>
      <ActionLink t={t} href={sessionUrl} label={t("laboDetails.sessionLink")} />
      <SmallPrint>{t("laboDetails.privacy")}</SmallPrint>
    </EmailLayout>
  );
}
