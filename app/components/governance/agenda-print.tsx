/**
 * The agenda as it is handed out at the meeting: the meeting's title, date and place, then the items,
 * numbered, with their details. No form, no navigation: it prints on A4 (app/styles/copil-agenda.css).
 */
import { useTranslation } from "react-i18next";
import { RichText } from "#app/components/rich-text.tsx";
import type { AgendaItemView, MeetingView } from "./agenda-types.ts";

export function PrintableAgenda({ meeting, items }: { meeting: MeetingView; items: AgendaItemView[] }) {
  const { t } = useTranslation("copil");
  return (
    <article className="agenda-sheet" aria-labelledby="agenda-sheet-title">
      <header className="agenda-sheet-header">
        <p className="agenda-sheet-kicker">{t("print.kicker", { body: meeting.bodyName })}</p>
        <h1 id="agenda-sheet-title">{meeting.title}</h1>
        <dl className="agenda-sheet-facts">
          <div>
            <dt>{t("meeting.date")}</dt>
            <dd>{meeting.date}</dd>
          </div>
          {meeting.place ? (
            <div>
              <dt>{t("meeting.place")}</dt>
              <dd>{meeting.place}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <h2 className="agenda-sheet-heading">{t("print.agenda")}</h2>
      {items.length ? (
        <ol className="agenda-sheet-items">
          {items.map((item) => (
            <li key={item.id}>
              <h3>{item.title}</h3>
              <p className="agenda-sheet-meta">
                {t(`kinds.${item.kind}`)}
                {item.proposal ? (
                  <>
                    {" · "}
                    {t("item.ambition", { number: item.proposal.ambitionNumber, title: item.proposal.ambitionTitle ?? "" })}
                    {item.proposal.quartierName ? ` · ${item.proposal.quartierName}` : null}
                    {" · "}
                    {t("item.supports", { count: item.proposal.supportCount })}
                  </>
                ) : null}
              </p>
              {item.details ? <RichText text={item.details} /> : null}
              {item.proposal?.publicAnalysis ? (
                <div className="agenda-sheet-analysis">
                  <p>
                    <strong>{item.proposal.partnerName ? t("item.analysisBy", { partner: item.proposal.partnerName }) : t("item.analysis")}</strong>
                  </p>
                  <RichText text={item.proposal.publicAnalysis} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("agenda.empty")}</p>
      )}
    </article>
  );
}
