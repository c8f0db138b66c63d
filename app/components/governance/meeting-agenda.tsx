import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { dateFormat } from "#app/components/dates.ts";

type Decision = "retained" | "partly_retained" | "not_retained" | "postponed";

/** One agenda line as the public meeting page receives it (decided: only once the relevé is published). */
export type MeetingAgendaItem = {
  id: string;
  kind: "proposal" | "labo_followup" | "free";
  title: string | null;
  details: string;
  proposal: { id: string; hidden: boolean } | null;
  laboSession: { id: string; title: string } | null;
  decided?: { decision: Decision | null; publicReasons: string; corrections: { id: string; text: string; createdAt: string | Date }[] };
};

/**
 * A meeting's agenda in order; once its relevé is published, each item with its decision in words, its
 * public reasons and the dated corrections under it. A hidden proposal shows as « Proposition masquée ».
 */
export function MeetingAgenda({ items, locale, headingLevel }: { items: MeetingAgendaItem[]; locale: string; headingLevel: 2 | 3 }) {
  const { t } = useTranslation("instances");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const day = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  return (
    <ol className="plain-cards meeting-agenda">
      {items.map((item) => {
        const hidden = item.proposal?.hidden ?? (item.kind === "proposal" && item.title === null);
        return (
          <li key={item.id} className="card">
            <p className="eyebrow">{t(`kinds.${item.kind}`)}</p>
            <Heading>
              {hidden ? (
                t("hiddenProposal")
              ) : item.proposal ? (
                <AppLink to={`/propositions/${item.proposal.id}`}>{item.title}</AppLink>
              ) : item.laboSession ? (
                <AppLink to={`/labo/${item.laboSession.id}`}>{item.title}</AppLink>
              ) : (
                item.title
              )}
            </Heading>
            {hidden ? <p className="field-hint">{t("hiddenProposalHelp")}</p> : null}
            {item.details ? <p>{item.details}</p> : null}
            {item.laboSession && item.kind === "labo_followup" && item.laboSession.title !== item.title ? (
              <p>
                {t("meeting.laboSession")} <AppLink to={`/labo/${item.laboSession.id}`}>{item.laboSession.title}</AppLink>
              </p>
            ) : null}
            {item.decided ? (
              <dl className="facts">
                <div>
                  <dt>{t("meeting.decision")}</dt>
                  <dd>
                    <strong>{item.decided.decision ? t(`decision.${item.decided.decision}`) : t("decision.none")}</strong>
                  </dd>
                </div>
                {item.decided.publicReasons ? (
                  <div>
                    <dt>{t("meeting.reasons")}</dt>
                    <dd>{item.decided.publicReasons}</dd>
                  </div>
                ) : null}
                {item.decided.corrections.map((c) => (
                  <div key={c.id} className="notice">
                    <dt>{t("meeting.correction", { date: day.format(new Date(c.createdAt)) })}</dt>
                    <dd>{c.text}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
