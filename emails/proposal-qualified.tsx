import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT, type UnsubscribeLinks } from "./components/email-layout.tsx";

export type ProposalQualifiedData = UnsubscribeLinks & { displayName: string; title: string; url: string; supports: number; threshold: number };

export const proposalQualifiedSubject = (t: EmailT) => t("proposalQualified.subject");

/** Sent once to the author when their proposal reaches its ambition's support threshold. */
export function ProposalQualifiedEmail({ t, lang, displayName, title, url, supports, threshold, unsubscribeUrl, preferencesUrl }: EmailBase & ProposalQualifiedData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("proposalQualified.preview", { title })} heading={t("proposalQualified.heading")} unsubscribe={{ unsubscribeUrl, preferencesUrl }}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("proposalQualified.intro", { title, count: supports })}</Paragraph>
      <Paragraph>{t("proposalQualified.threshold", { count: threshold })}</Paragraph>
      <Paragraph>{t("proposalQualified.next")}</Paragraph>
      <ActionLink t={t} href={url} label={t("proposalQualified.action")} />
      <SmallPrint>{t("proposalQualified.why")}</SmallPrint>
    </EmailLayout>
  );
}
