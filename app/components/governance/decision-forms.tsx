/**
 * Decisions on a meeting's items: the form that records one once the meeting is held (editable until
 * the relevé is published), the decision as published, and its dated corrections.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextAreaField, useValidatedForm } from "#app/components/forms.tsx";
import { RichText } from "#app/components/rich-text.tsx";
import { CORRECTION_MAX, CorrectSchema, DECISIONS, DecideItemSchema, DecideProposalSchema, REASONS_MAX } from "#app/modules/governance/agenda.schema.ts";
import { FormRefusal } from "./agenda-forms.tsx";
import { answerFor, type AgendaActionData, type AgendaItemView } from "./agenda-types.ts";

export function DecideForm({ item, actionData }: { item: AgendaItemView; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "decide", item.id);
  const isProposal = item.kind === "proposal";
  const form = useValidatedForm(isProposal ? DecideProposalSchema : DecideItemSchema, answer, { itemId: item.id, decision: item.decision ?? "", publicReasons: item.publicReasons ?? "" });
  const { register, registerChoice, errors } = form;
  const prefix = `decide-${item.id}`;
  const choices = isProposal ? DECISIONS : (["", ...DECISIONS] as const);
  const decisionError = errors.decision;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="form decision-form" aria-label={t("decide.formLabel", { number: item.number })}>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" {...register("itemId")} />
      <FormRefusal answer={answer} />
      <fieldset className={`fieldset choice-group${decisionError ? " field-invalid" : ""}`} aria-describedby={decisionError ? `${prefix}-decision-error` : undefined}>
        <legend>{t("decide.decision")}</legend>
        {decisionError ? (
          <p id={`${prefix}-decision-error`} className="field-error">
            <span className="visually-hidden">{t("common:forms.errorPrefix")} </span>
            {t(decisionError as never)}
          </p>
        ) : null}
        {choices.map((choice) => (
          <div className="choice" key={choice || "none"}>
            <input type="radio" id={`${prefix}-decision-${choice || "none"}`} {...registerChoice("decision", choice)} />
            <label htmlFor={`${prefix}-decision-${choice || "none"}`}>{choice ? t(`decisions.${choice}`) : t("decide.noDecision")}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        name={`${prefix}-publicReasons`}
        label={isProposal ? t("decide.reasons") : `${t("decide.note")} (${t("add.optional")})`}
        hint={isProposal ? t("decide.reasonsHint") : t("decide.noteHint")}
        error={errors.publicReasons}
        registration={register("publicReasons")}
        maxLength={REASONS_MAX}
        rows={5}
      />
      <button type="submit" className="button button-small">
        {item.decided ? t("decide.update") : t("decide.submit")}
      </button>
    </Form>
  );
}

/** The decision as recorded (before publication) or as published (read-only). */
export function DecisionSummary({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation("copil");
  if (!item.decided) return <p className="agenda-undecided">{item.kind === "proposal" ? t("decide.none") : t("decide.noneOptional")}</p>;
  return (
    <div className="decision-summary">
      {item.decision ? (
        <p>
          <strong>{t("decide.decisionLabel")}</strong> <span className="tag">{t(`decisions.${item.decision}`)}</span>
        </p>
      ) : null}
      {item.publicReasons ? (
        <>
          <p className="decision-reasons-label">
            <strong>{item.kind === "proposal" ? t("decide.reasonsLabel") : t("decide.noteLabel")}</strong>
          </p>
          <RichText text={item.publicReasons} />
        </>
      ) : null}
      <p className="field-hint">{t("decide.recordedBy", { date: item.decided, name: item.decidedByName ?? t("decide.formerMember") })}</p>
    </div>
  );
}

export function Corrections({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation("copil");
  if (!item.corrections.length) return null;
  return (
    <div className="decision-corrections">
      <h4>{t("correct.listTitle", { count: item.corrections.length })}</h4>
      <ul className="plain-list">
        {item.corrections.map((c) => (
          <li key={c.id}>
            <p className="field-hint">{t("correct.dated", { date: c.when, name: c.actorName ?? t("decide.formerMember") })}</p>
            <RichText text={c.text} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CorrectForm({ item, actionData }: { item: AgendaItemView; actionData: AgendaActionData | undefined }) {
  const { t } = useTranslation("copil");
  const answer = answerFor(actionData, "correct", item.id);
  const form = useValidatedForm(CorrectSchema, answer, { itemId: item.id });
  const { register, errors } = form;
  return (
    <details className="form-more" open={answer ? true : undefined}>
      <summary>
        {t("correct.open")}
        <span className="visually-hidden"> : {item.title}</span>
      </summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="form">
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" {...register("itemId")} />
        <FormRefusal answer={answer} />
        <TextAreaField name={`correct-${item.id}-text`} label={t("correct.text")} hint={t("correct.hint")} error={errors.text} registration={register("text")} maxLength={CORRECTION_MAX} rows={4} />
        <button type="submit" className="button button-small">
          {t("correct.submit")}
        </button>
      </Form>
    </details>
  );
}
