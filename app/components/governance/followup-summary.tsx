import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FollowupView } from "#app/modules/governance/followup-view.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * A follow-up as residents read it: who is in charge, the funded action (porteur, amount, funders'
 * shares in a table), the milestones with their dates and whether each is reached (in words, not colour).
 */
export function FollowupSummary({ followup, headingLevel, milestoneAction }: { followup: FollowupView; headingLevel: 3 | 4; milestoneAction?: (milestone: FollowupView["milestones"][number]) => ReactNode }) {
  const { t } = useTranslation("proposals");
  const Heading = `h${headingLevel}` as "h3" | "h4";
  const { action } = followup;
  return (
    <div className="followup-summary">
      <dl className="facts">
        <Fact label={t("governance.bodyInCharge")}>{followup.bodyInCharge}</Fact>
        <Fact label={t("governance.startedOn")}>{followup.startedLabel}</Fact>
      </dl>
      {action ? (
        <>
          <Heading>{t("governance.fundedAction")}</Heading>
          <dl className="facts">
            <Fact label={t("governance.fundedAction")}>{action.title}</Fact>
            <Fact label={t("governance.porteur")}>{action.porteur}</Fact>
            <Fact label={t("governance.amount")}>{action.amountLabel}</Fact>
          </dl>
          {action.funders.length ? (
            <div className="table-wrap">
              <table className="table">
                <caption>{t("governance.fundersCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("governance.funder")}</th>
                    <th scope="col">{t("governance.share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {action.funders.map((f, i) => (
                    <tr key={i}>
                      <th scope="row">{f.name}</th>
                      <td>{f.amountLabel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      <Heading>{t("governance.milestonesTitle")}</Heading>
      {followup.milestones.length ? (
        <ol className="plain-list followup-milestones">
          {followup.milestones.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong> · {t("governance.milestoneDue", { date: m.dueLabel })} ·{" "}
              {m.reachedLabel ? <span className="tag tag-ok">{t("governance.milestoneReached", { date: m.reachedLabel })}</span> : <span className="tag tag-muted">{t("governance.milestonePending")}</span>}
              {milestoneAction ? milestoneAction(m) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("governance.noMilestones")}</p>
      )}
    </div>
  );
}
