import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";
import { LaboGreeting, LaboSessionDetails, type LaboSessionEmailData } from "./components/labo-session-details.tsx";

export type LaboRegistrationData = LaboSessionEmailData & { placement: "confirmed" | "waitlisted"; cancelUrl: string };

export const laboRegistrationSubject = (t: EmailT, data: LaboRegistrationData) => t(`laboRegistration.${data.placement}.subject`, { title: data.title });

/** Sent when someone registers: a seat is theirs, or they are on the waiting list. Carries the .ics. */
export function LaboRegistrationEmail({ t, lang, displayName, placement, title, when, place, access, sessionUrl, cancelUrl }: EmailBase & LaboRegistrationData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t(`laboRegistration.${placement}.preview`, { title, when })} heading={t(`laboRegistration.${placement}.heading`)}>
      <LaboGreeting t={t} displayName={displayName} />
      <Paragraph>{t(`laboRegistration.${placement}.intro`)}</Paragraph>
      <LaboSessionDetails t={t} title={title} when={when} place={place} access={access} />
      <Paragraph>{t(`laboRegistration.${placement}.next`)}</Paragraph>
      <Paragraph>{t("laboRegistration.calendar")}</Paragraph>
      <ActionLink t={t} href={sessionUrl} label={t("laboDetails.sessionLink")} />
      <Paragraph>{t(`laboRegistration.${placement}.cancel`)}</Paragraph>
      <ActionLink t={t} href={cancelUrl} label={t(`laboRegistration.${placement}.cancelLink`)} />
      <SmallPrint>{t("laboRegistration.keepLink")}</SmallPrint>
      <SmallPrint>{t("laboDetails.privacy")}</SmallPrint>
    </EmailLayout>
  );
}
