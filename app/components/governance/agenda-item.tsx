/**
 * One item of a meeting's agenda on the coordinator's page: what it is about, then the tools the
 * meeting's status allows (build the agenda, record the decision, correct a published one).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RichText } from "#app/components/rich-text.tsx";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { ItemTools } from "./agenda-forms.tsx";
import { answerFor, type AgendaActionData, type AgendaItemView, type MeetingStatusView } from "./agenda-types.ts";
import { Corrections, CorrectForm, DecideForm, DecisionSummary } from "./decision-forms.tsx";

export function AgendaItem({ item, status, first, last, actionData }: { item: AgendaItemView; status: MeetingStatusView; first: boolean; last: boolean; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const p = item.proposal;
  // A proposal hidden or answered meanwhile cannot take the COPIL's decision: it may leave a held meeting's agenda.
  const stale = p !== null && (p.hidden || (status !== "published" && p.status !== "on_copil_agenda"));
  const editing = answerFor(actionData, "decide", item.id) !== undefined;
  return (
    <li className="card agenda-item" id={`point-${item.id}`}>
      <h3>
        <span className="agenda-number">{t("item.number", { number: item.number })}</span>{" "}
        {p && !p.hidden ? <Link to={proposalPath(p.id)}>{item.title}</Link> : item.title}
      </h3>
      <p className="agenda-meta">
        <span className="tag">{t(`kinds.${item.kind}`)}</span>
        {p ? (
          <>
            {" "}
            {t("item.ambition", { number: p.ambitionNumber, title: p.ambitionTitle ?? "" })}
            {p.quartierName ? ` · ${p.quartierName}` : null} · {t("item.supports", { count: p.supportCount })}
          </>
        ) : null}
      </p>
      {stale ? <p className="notice notice-warning">{p.hidden ? t("item.hidden") : t("item.notOnAgenda")}</p> : null}
      {item.details ? (
        <div className="agenda-details">
          {p ? (
            <p>
              <strong>{t("item.gtpNote")}</strong>
            </p>
          ) : null}
          <RichText text={item.details} />
        </div>
      ) : null}
      {p?.publicAnalysis ? (
        <details className="form-more">
          <summary>{p.partnerName ? t("item.analysisBy", { partner: p.partnerName }) : t("item.analysis")}</summary>
          <RichText text={p.publicAnalysis} />
        </details>
      ) : null}

      {status === "planned" ? <ItemTools item={item} first={first} last={last} actionData={actionData} /> : null}
      {status === "held" ? (
        <section className="agenda-decision" aria-label={t("decide.sectionLabel", { number: item.number })}>
          {item.decided && !editing ? (
            <>
              <DecisionSummary item={item} />
              <details className="form-more">
                <summary>
                  {t("decide.change")}
                  <span className="visually-hidden"> : {item.title}</span>
                </summary>
                <DecideForm key={item.decided} item={item} actionData={actionData} />
              </details>
            </>
          ) : (
            <DecideForm item={item} actionData={actionData} />
          )}
          {stale ? <ItemTools item={item} first={first} last={last} actionData={actionData} canRemoveOnly /> : null}
        </section>
      ) : null}
      {status === "published" ? (
        <section className="agenda-decision" aria-label={t("decide.sectionLabel", { number: item.number })}>
          <DecisionSummary item={item} />
          <Corrections item={item} />
          {/* Keyed by the count: once a correction is published, the form starts empty again. */}
          {item.decided ? <CorrectForm key={item.corrections.length} item={item} actionData={actionData} /> : null}
        </section>
      ) : null}
    </li>
  );
}
