import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField, TextField, useValidatedForm, type FormValues } from "#app/components/forms.tsx";
import {
  ACTION_TITLE_MAX,
  BODY_IN_CHARGE_MAX,
  DoneSchema,
  FOLLOWUP_TEXT_MAX,
  FollowupSchema,
  FUNDER_NAME_MAX,
  funderField,
  funderRowCount,
  MILESTONE_TITLE_MAX,
  MilestoneSchema,
  PORTEUR_MAX,
  ProgressSchema,
} from "#app/modules/governance/followup.schema.ts";

export const FOLLOWUP_INTENTS = ["start", "milestone", "reach", "progress", "funding", "done"] as const;
export type FollowupIntent = (typeof FOLLOWUP_INTENTS)[number];
/** What the page's action answers on a refusal: which form, its errors, and what was typed. */
export type FollowupActionData = { intent: FollowupIntent | null; errors: Record<string, string>; values: Record<string, string> };

/** Every form carries the version of the proposal it was built from (checked by the server). */
function VersionInput({ registration }: { registration: ReturnType<ReturnType<typeof useValidatedForm>["register"]> }) {
  return <input type="hidden" {...registration} />;
}

/** `start` and `funding`: who is in charge, and the funded action with its funders' shares. */
export function FollowupForm({ intent, version, defaults, server, title, intro, submit }: { intent: "start" | "funding"; version: number; defaults: FormValues; server: FollowupActionData | undefined; title: string; intro: ReactNode; submit: string }) {
  const { t } = useTranslation("followup");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(FollowupSchema, server, { ...defaults, version: String(version) });
  const rows = funderRowCount({ ...defaults, ...server?.values });
  const labels: Record<string, string> = {
    bodyInCharge: t("fields.bodyInCharge"),
    actionTitle: t("fields.actionTitle"),
    porteur: t("fields.porteur"),
    amountEur: t("fields.amountEur"),
    funders: t("fields.fundersTitle"),
  };
  for (let i = 0; i < rows; i++) {
    labels[funderField(i, "Name")] = t("fields.funderName", { n: i + 1 });
    labels[funderField(i, "Amount")] = t("fields.funderAmount", { n: i + 1 });
  }
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby={`${intent}-title`}>
      <h2 id={`${intent}-title`}>{title}</h2>
      <p className="field-hint">{intro}</p>
      <ErrorSummary errors={summaryErrors} labels={labels} />
      <input type="hidden" name="intent" value={intent} />
      <VersionInput registration={register("version")} />
      <TextField name="bodyInCharge" label={t("fields.bodyInCharge")} hint={t("fields.bodyInChargeHint")} error={errors.bodyInCharge} registration={register("bodyInCharge")} maxLength={BODY_IN_CHARGE_MAX} required />
      <fieldset className="fieldset">
        <legend>{t("fields.fundedTitle")}</legend>
        <p className="field-hint">{t("fields.fundedHint")}</p>
        <TextField name="actionTitle" label={t("fields.actionTitle")} error={errors.actionTitle} registration={register("actionTitle")} maxLength={ACTION_TITLE_MAX} />
        <TextField name="porteur" label={t("fields.porteur")} hint={t("fields.porteurHint")} error={errors.porteur} registration={register("porteur")} maxLength={PORTEUR_MAX} />
        <TextField name="amountEur" label={t("fields.amountEur")} hint={t("fields.amountHint")} error={errors.amountEur} registration={register("amountEur")} inputMode="numeric" autoComplete="off" />
        <fieldset className="fieldset" id="funders" tabIndex={-1} aria-describedby={errors.funders ? "funders-hint funders-error" : "funders-hint"}>
          <legend>{t("fields.fundersTitle")}</legend>
          <p id="funders-hint" className="field-hint">
            {t("fields.fundersHint")}
          </p>
          {errors.funders ? (
            <p id="funders-error" className="field-error">
              {t(errors.funders as never)}
            </p>
          ) : null}
          {Array.from({ length: rows }, (_, i) => (
            <div className="field-row" key={i}>
              <TextField name={funderField(i, "Name")} label={t("fields.funderName", { n: i + 1 })} error={errors[funderField(i, "Name")]} registration={register(funderField(i, "Name"))} maxLength={FUNDER_NAME_MAX} />
              <TextField name={funderField(i, "Amount")} label={t("fields.funderAmount", { n: i + 1 })} error={errors[funderField(i, "Amount")]} registration={register(funderField(i, "Amount"))} inputMode="numeric" autoComplete="off" />
            </div>
          ))}
        </fieldset>
      </fieldset>
      <button type="submit" className="button">
        {submit}
      </button>
    </Form>
  );
}

export function MilestoneForm({ version, server }: { version: number; server: FollowupActionData | undefined }) {
  const { t } = useTranslation("followup");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(MilestoneSchema, server, { version: String(version) });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby="milestone-title">
      <h3 id="milestone-title">{t("milestones.addTitle")}</h3>
      <ErrorSummary errors={summaryErrors} labels={{ title: t("fields.milestoneTitle"), dueOn: t("fields.dueOn") }} />
      <input type="hidden" name="intent" value="milestone" />
      <VersionInput registration={register("version")} />
      <TextField name="title" label={t("fields.milestoneTitle")} hint={t("fields.milestoneTitleHint")} error={errors.title} registration={register("title")} maxLength={MILESTONE_TITLE_MAX} required />
      <TextField name="dueOn" type="date" label={t("fields.dueOn")} hint={t("fields.dueOnHint")} error={errors.dueOn} registration={register("dueOn")} required />
      <button type="submit" className="button">
        {t("milestones.addSubmit")}
      </button>
    </Form>
  );
}

/** One button per milestone not yet reached: a plain form, nothing to type. */
export function ReachMilestoneButton({ version, milestone }: { version: number; milestone: { id: string; title: string } }) {
  const { t } = useTranslation("followup");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="reach" />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <button type="submit" className="button button-small button-secondary" aria-label={t("milestones.reach", { title: milestone.title })}>
        {t("milestones.reachShort")}
      </button>
    </Form>
  );
}

export function ProgressForm({ version, server }: { version: number; server: FollowupActionData | undefined }) {
  const { t } = useTranslation("followup");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(ProgressSchema, server, { version: String(version) });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("progress.title")}</h2>
      <ErrorSummary errors={summaryErrors} labels={{ text: t("fields.progressText") }} />
      <input type="hidden" name="intent" value="progress" />
      <VersionInput registration={register("version")} />
      <TextAreaField name="text" label={t("fields.progressText")} hint={t("fields.progressHint")} error={errors.text} registration={register("text")} rows={5} maxLength={FOLLOWUP_TEXT_MAX} required />
      <button type="submit" className="button">
        {t("progress.submit")}
      </button>
    </Form>
  );
}

/** « Réalisée »: behind a disclosure, since it closes the follow-up. */
export function DoneForm({ version, server }: { version: number; server: FollowupActionData | undefined }) {
  const { t } = useTranslation("followup");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(DoneSchema, server, { version: String(version) });
  return (
    <details className="author-action" open={server ? true : undefined}>
      <summary>{t("done.title")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-label={t("done.title")}>
        <p>{t("done.intro")}</p>
        <ErrorSummary errors={summaryErrors} labels={{ lastWord: t("fields.doneText") }} />
          <input type="hidden" name="intent" value="done" />
        <VersionInput registration={register("version")} />
        <TextAreaField name="lastWord" label={t("fields.doneText")} hint={t("fields.doneHint")} error={errors.lastWord} registration={register("lastWord")} rows={5} maxLength={FOLLOWUP_TEXT_MAX} required />
        <button type="submit" className="button">
          {t("done.submit")}
        </button>
      </Form>
    </details>
  );
}
