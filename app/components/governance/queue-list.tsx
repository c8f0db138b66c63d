import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";

/** One waiting proposal of the GTP queue, as the loader prepares it (dates already formatted). */
export type QueueItem = {
  id: string;
  title: string;
  status: string;
  postponed: boolean;
  origin: string;
  supportCount: number;
  ambitionNumber: number;
  ambitionTitle: string;
  quartierName: string | null;
  communeName: string | null;
  partnerName: string | null;
  qualified: string;
  qualifiedIso: string;
  daysWaiting: number;
  deadline: string;
  deadlineIso: string;
  overdue: boolean;
};

/**
 * The GTP queue as cards (a coordinator reads it on a phone): the oldest qualification first, each with
 * its wait, its droit de suite deadline and, when it is past, « en retard » in words (not a colour only).
 */
export function QueueList({ items }: { items: QueueItem[] }) {
  const { t } = useTranslation("gtp");
  return (
    <ol className="plain-cards gtp-queue">
      {items.map((item) => (
        <li key={item.id} className="card">
          <h3 className="proposal-card-title">
            <AppLink to={`/gouvernance/propositions/${item.id}`}>{item.title}</AppLink>
          </h3>
          <p className="tag-list">
            <span className="tag">{item.postponed ? t("status.postponed") : t(`status.${item.status}` as never)}</span>{" "}
            {item.overdue ? <strong className="tag tag-danger">{t("queue.overdue")}</strong> : null}{" "}
            <span className="tag tag-muted">{t(`origin.${item.origin}` as never)}</span>
          </p>
          <dl className="facts">
            <div>
              <dt>{t("queue.waited")}</dt>
              <dd>
                {t("queue.days", { count: item.daysWaiting })} ({t("queue.since")} <time dateTime={item.qualifiedIso}>{item.qualified}</time>)
              </dd>
            </div>
            <div>
              <dt>{t("queue.deadline")}</dt>
              <dd>
                <time dateTime={item.deadlineIso}>{item.deadline}</time>
              </dd>
            </div>
            <div>
              <dt>{t("queue.partner")}</dt>
              <dd>{item.partnerName ?? t("queue.noPartner")}</dd>
            </div>
            <div>
              <dt>{t("queue.ambition")}</dt>
              <dd>{t("queue.ambitionValue", { number: item.ambitionNumber, title: item.ambitionTitle })}</dd>
            </div>
            <div>
              <dt>{t("queue.place")}</dt>
              <dd>{[item.quartierName, item.communeName].filter(Boolean).join(" · ") || t("queue.noPlace")}</dd>
            </div>
            <div>
              <dt>{t("queue.supports")}</dt>
              <dd>{item.supportCount}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
