import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { formatDateTime } from "#app/components/dates.ts";

export type MeetingStatusValue = "planned" | "held" | "published";
export type MeetingListItem = { id: string; bodyKey: string; title: string; startsAt: string | Date; place: string; status: MeetingStatusValue };

const STATUS_CLASS: Record<MeetingStatusValue, string> = { planned: "status-open", held: "status-awaiting", published: "status-positive" };

/** The status of a meeting in words (never by colour alone): prévue, tenue, relevé publié. */
export function MeetingStatusBadge({ status }: { status: MeetingStatusValue }) {
  const { t } = useTranslation("instances");
  return <span className={`status-badge ${STATUS_CLASS[status]}`}>{t(`status.${status}`)}</span>;
}

/** Meetings as a list: date and time (Paris), title linking to its page, place, status. */
export function MeetingList({ meetings, locale }: { meetings: MeetingListItem[]; locale: string }) {
  const { t } = useTranslation("instances");
  return (
    <ul className="plain-list meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <time dateTime={new Date(m.startsAt).toISOString()}>{formatDateTime(m.startsAt, locale)}</time> —{" "}
          <AppLink to={`/instances/${m.bodyKey}/${m.id}`}>{m.title}</AppLink>
          {m.place ? <> — {t("meetingList.place", { place: m.place })}</> : null} <span className="visually-hidden">{t("meetingList.status")}</span>{" "}
          <MeetingStatusBadge status={m.status} />
        </li>
      ))}
    </ul>
  );
}
