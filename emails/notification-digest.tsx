import { Link, Section, Text } from "@react-email/components";
import { ActionLink, EmailLayout, Paragraph, SmallPrint, type EmailBase, type EmailT } from "./components/email-layout.tsx";

export type DigestRhythm = "daily" | "weekly";

export type NotificationDigestData = {
  displayName: string;
  rhythm: DigestRhythm;
  /** One group per proposal: its title, then each change in order, without repeating the title. */
  proposals: { title: string; url: string; why: string; changes: string[] }[];
  /** Notices about something else (a reply, a rendez-vous du Labo), each as its sentence. */
  others: { sentence: string; url: string }[];
  /** The in-app notifications page. */
  centreUrl: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
};

const noticeCount = (data: NotificationDigestData) => data.proposals.reduce((sum, group) => sum + group.changes.length, 0) + data.others.length;

export const notificationDigestSubject = (t: EmailT, data: NotificationDigestData) => t(`notification.digest.subject_${data.rhythm}`, { count: noticeCount(data) });

const groupTitle = { fontSize: "18px", fontWeight: 700, lineHeight: "1.3", margin: "20px 0 8px" };
const link = { color: "#1d4e89" };

/** The day's or the week's notices in one message: grouped by proposal, then the rest. */
export function NotificationDigestEmail({ t, lang, displayName, rhythm, proposals, others, centreUrl, unsubscribeUrl, preferencesUrl }: EmailBase & NotificationDigestData) {
  const subject = notificationDigestSubject(t, { displayName, rhythm, proposals, others, centreUrl, unsubscribeUrl, preferencesUrl });
  return (
    <EmailLayout t={t} lang={lang} preview={subject} heading={t(`notification.digest.heading_${rhythm}`)} unsubscribe={{ unsubscribeUrl, preferencesUrl }}>
      <Paragraph>{t("layout.greeting", { name: displayName })}</Paragraph>
      <Paragraph>{t("notification.digest.intro")}</Paragraph>
      {proposals.map((group) => (
        <Section key={group.url}>
          {/* Text, not a heading: the plain-text version would shout a heading in capitals. */}
          <Text style={groupTitle}>
            <Link href={group.url} style={link}>
              {t("notification.digest.groupTitle", { title: group.title })}
            </Link>
          </Text>
          {group.changes.map((change, i) => (
            <Paragraph key={i}>{`– ${change}`}</Paragraph>
          ))}
          <SmallPrint>{group.why}</SmallPrint>
        </Section>
      ))}
      {others.length ? (
        <Section>
          <Text style={groupTitle}>{t("notification.digest.othersTitle")}</Text>
          {others.map((notice, i) => (
            <Paragraph key={i}>
              {`– ${notice.sentence} `}
              <Link href={notice.url} style={link}>
                {t("notification.digest.see")}
              </Link>
            </Paragraph>
          ))}
        </Section>
      ) : null}
      <ActionLink t={t} href={centreUrl} label={t("notification.digest.action")} />
      <SmallPrint>{t(`notification.digest.why_${rhythm}`)}</SmallPrint>
    </EmailLayout>
  );
}
