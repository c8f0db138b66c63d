import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type ModerationApprovedData = { displayName: string; title: string; proposalUrl: string };

export const moderationApprovedSubject = (t: EmailT) => t("moderationApproved.subject");

/** A first proposal held by pre-moderation is now public: its author hears it at once. */
export function ModerationApprovedEmail({ t, lang, displayName, title, proposalUrl }: EmailBase & ModerationApprovedData) {
  return (
    <EmailLayout t={t} lang={lang} preview={t("moderationApproved.preview")} heading={t("moderationApproved.heading")}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("moderationApproved.intro", { title })}</Paragraph>
      <Paragraph>{t("moderationApproved.next")}</Paragraph>
      <ActionLink t={t} href={proposalUrl} label={t("moderationApproved.action")} />
      <SmallPrint>{t("moderationApproved.why")}</SmallPrint>
    </EmailLayout>
  );
}
