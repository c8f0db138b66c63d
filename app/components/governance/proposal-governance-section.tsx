import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { RichText } from "#app/components/rich-text.tsx";
import type { ProposalGovernanceSection as Section } from "#app/modules/governance/proposal-governance-view.ts";
import { FollowupSummary } from "./followup-summary.tsx";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** « Ce que devient cette proposition »: who studies it, by when it gets an answer, the GTP's opinion, the COPIL, the answer, the work. */
export function ProposalGovernanceSection({ section }: { section: Section }) {
  const { t } = useTranslation("proposals");
  const { partnerName, deadline, analysis, upcomingMeeting, decisions, answer, followup, tools } = section;
  return (
    <section className="section proposal-governance" aria-labelledby="governance-title">
      <h2 id="governance-title">{t("governance.title")}</h2>
      <p className="field-hint">{t("governance.intro")}</p>
      {deadline ? (
        <p className={`notice${deadline.overdue ? " notice-warning" : ""}`}>
          {deadline.overdue ? <strong>{t("governance.overdue", { date: deadline.label })}</strong> : t("governance.deadline", { date: deadline.label })}
        </p>
      ) : null}
      <dl className="facts">
        <Fact label={t("governance.instructedBy")}>{partnerName ?? t("governance.notAssigned")}</Fact>
      </dl>

      {analysis ? (
        <>
          <h3>{t("governance.analysisTitle")}</h3>
          <dl className="facts">
            {analysis.feasibility ? <Fact label={t("governance.feasibility")}>{t(`governance.feasibilities.${analysis.feasibility}`)}</Fact> : null}
            {analysis.costRange ? <Fact label={t("governance.costRange")}>{t(`governance.costRanges.${analysis.costRange}`)}</Fact> : null}
            {analysis.existingMeans ? (
              <Fact label={t("governance.existingMeans")}>
                <RichText text={analysis.existingMeans} />
              </Fact>
            ) : null}
            {analysis.publicAnalysis ? (
              <Fact label={t("governance.publicAnalysis")}>
                <RichText text={analysis.publicAnalysis} />
              </Fact>
            ) : null}
          </dl>
        </>
      ) : null}

      {upcomingMeeting ? (
        <>
          <h3>{t("governance.meetingTitle")}</h3>
          <p>{t("governance.onAgenda", { date: upcomingMeeting.dateLabel })}</p>
          <p>
            <AppLink to={upcomingMeeting.href}>{t("governance.meetingLink", { title: upcomingMeeting.title })}</AppLink>
          </p>
        </>
      ) : null}

      {decisions.map((d) => (
        <div key={d.href} className="governance-decision">
          <h3>{t("governance.decisionTitle")}</h3>
          <p>
            <strong>{t("governance.decisionOn", { date: d.dateLabel, decision: t(`decision.${d.decision}`) })}</strong>
          </p>
          {d.reasons ? (
            <>
              <h4>{t("governance.reasons")}</h4>
              <RichText text={d.reasons} />
            </>
          ) : null}
          {d.corrections.length ? (
            <>
              <h4>{t("governance.correctionsTitle")}</h4>
              <ul className="plain-list">
                {d.corrections.map((c, i) => (
                  <li key={i}>
                    <p>
                      <strong>{t("governance.correctionOn", { date: c.dateLabel })}</strong>
                    </p>
                    <RichText text={c.text} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <AppLink to={d.href}>{t("governance.meetingLink", { title: d.meetingTitle })}</AppLink>
          </p>
        </div>
      ))}

      {answer ? (
        <>
          <h3>{t("governance.answerTitle")}</h3>
          <p>
            <strong>{t("governance.answerKind", { answer: t(`answerKind.${answer.kind}` as never) })}</strong>
          </p>
          {answer.competentBody ? <p>{t("governance.competentBody", { body: answer.competentBody })}</p> : null}
          {answer.text ? <RichText text={answer.text} /> : null}
        </>
      ) : null}

      {followup ? (
        <>
          <h3>{t("governance.followupTitle")}</h3>
          <FollowupSummary followup={followup} headingLevel={4} />
        </>
      ) : null}

      {tools ? (
        <nav className="governance-tools" aria-labelledby="governance-tools-title">
          <h3 id="governance-tools-title">{t("governance.toolsTitle")}</h3>
          <ul className="plain-list">
            <li>
              <AppLink to={tools.instruct}>{t("governance.instructLink")}</AppLink>
            </li>
            <li>
              <AppLink to={tools.followup}>{t("governance.followupLink")}</AppLink>
            </li>
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
