import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type NotificationEmailData = {
  displayName: string;
  /** What moved, as one sentence (notification-text.ts). */
  sentence: string;
  /** The words a coordinator wrote with it (reasons, an answer, news), as written; null when none. */
  detail: string | null;
  /** Why this person hears about it: « Vous soutenez cette proposition. » */
  why: string;
  url: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
};

const SUBJECT_MAX = 150;

/** The sentence itself: it says plainly what moved (cut at a word when very long). */
export function notificationSubject(_t: EmailT, data: NotificationEmailData) {
  if (data.sentence.length <= SUBJECT_MAX) return data.sentence;
  const cut = data.sentence.slice(0, SUBJECT_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUBJECT_MAX / 2))}…`;
}

/** One notice, sent as soon as it happens to people who chose « immédiatement » for its kind. */
export function NotificationEmail({ t, lang, displayName, sentence, detail, why, url, unsubscribeUrl, preferencesUrl }: EmailBase & NotificationEmailData) {
  return (
    <EmailLayout t={t} lang={lang} preview={sentence} heading={t("notification.heading")} unsubscribe={{ unsubscribeUrl, preferencesUrl }}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{sentence}</Paragraph>
      {detail ? <Paragraph>{`${t("notification.detailLabel")} ${detail}`}</Paragraph> : null}
      <ActionLink t={t} href={url} label={t("notification.action")} />
      <SmallPrint>{`${why} ${t("notification.rhythm")}`}</SmallPrint>
    </EmailLayout>
  );
}
