import { Form } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm, type ServerFormState } from "#app/components/forms.tsx";
import {
  AnalysisSchema,
  AnswerSchema,
  AssignSchema,
  COST_CHOICES,
  DIRECT_ANSWERS,
  FEASIBILITY_CHOICES,
  MergeSchema,
  NOTE_MAX,
  PutForwardSchema,
  TEXT_MAX,
} from "#app/modules/governance/gtp.schema.ts";

/** The GTP's steps on the instruction page; each form posts its `intent` and the proposal's `version`. */
export type GtpIntent = "assign" | "analysis" | "put_forward" | "answer" | "merge";

type Common = { version: number; server: ServerFormState };

/**
 * One step's form: a titled section posting to the page's own action. The hidden `version` is the
 * proposal's state the coordinator saw; if another coordinator moved it meanwhile, the answer is 409 and
 * this form says so (the page then shows the new state).
 */
function StepForm({
  intent,
  version,
  title,
  intro,
  submit,
  danger,
  onSubmit,
  summaryErrors,
  labels,
  children,
}: {
  intent: GtpIntent;
  version: number;
  title: string;
  intro?: ReactNode;
  submit: string;
  danger?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  summaryErrors: Record<string, string>;
  labels: Record<string, string>;
  children: ReactNode;
}) {
  const id = `step-${intent}`;
  return (
    <section className="card section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {intro ? <p className="field-hint">{intro}</p> : null}
      <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby={`${id}-title`}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        <ErrorSummary errors={summaryErrors} labels={labels} />
        {children}
        <div className="form-actions">
          <button type="submit" className={`button${danger ? " button-danger" : ""}`}>
            {submit}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function AssignForm({ version, server, partners, currentPartnerId }: Common & { partners: { id: string; name: string }[]; currentPartnerId: string | null }) {
  const { t } = useTranslation("gtp");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(AssignSchema, server, { version: String(version), partnerId: currentPartnerId ?? "" });
  const labels = { partnerId: t("assign.partner") };
  return (
    <StepForm intent="assign" version={version} title={t("assign.title")} intro={t("assign.intro")} submit={t("assign.submit")} onSubmit={onSubmit} summaryErrors={summaryErrors} labels={labels}>
      {partners.length ? (
        <SelectField name="partnerId" label={labels.partnerId} error={errors.partnerId} registration={register("partnerId")} required>
          <option value="">{t("assign.choose")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="notice notice-warning">
          {t("assign.noPartner")} <AppLink to="/gouvernance/partenaires">{t("assign.partnersLink")}</AppLink>
        </p>
      )}
    </StepForm>
  );
}

export type ReviewDefaults = { feasibility: string; costRange: string; existingMeans: string; publicAnalysis: string; internalNotes: string };

export function AnalysisForm({ version, server, review }: Common & { review: ReviewDefaults }) {
  const { t } = useTranslation("gtp");
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(AnalysisSchema, server, { version: String(version), ...review });
  const labels = {
    feasibility: t("analysis.feasibility"),
    costRange: t("analysis.costRange"),
    existingMeans: t("analysis.existingMeans"),
    publicAnalysis: t("analysis.publicAnalysis"),
    internalNotes: t("analysis.internalNotes"),
  };
  return (
    <StepForm intent="analysis" version={version} title={t("analysis.title")} intro={t("analysis.intro")} submit={t("analysis.submit")} onSubmit={onSubmit} summaryErrors={summaryErrors} labels={labels}>
      <ChoiceGroup
        name="feasibility"
        legend={labels.feasibility}
        error={errors.feasibility}
        choices={FEASIBILITY_CHOICES.map((value) => ({ value, label: t(`feasibility.${value}`), register: registerChoice("feasibility", value) }))}
      />
      <ChoiceGroup
        name="costRange"
        legend={labels.costRange}
        error={errors.costRange}
        choices={COST_CHOICES.map((value) => ({ value, label: t(`cost.${value}`), register: registerChoice("costRange", value) }))}
      />
      <TextAreaField name="existingMeans" rows={3} maxLength={TEXT_MAX} label={labels.existingMeans} hint={t("analysis.existingMeansHint")} error={errors.existingMeans} registration={register("existingMeans")} />
      <TextAreaField name="publicAnalysis" rows={5} maxLength={TEXT_MAX} required label={labels.publicAnalysis} hint={t("analysis.publicAnalysisHint")} error={errors.publicAnalysis} registration={register("publicAnalysis")} />
      <TextAreaField name="internalNotes" rows={4} maxLength={TEXT_MAX} label={labels.internalNotes} hint={t("analysis.internalNotesHint")} error={errors.internalNotes} registration={register("internalNotes")} />
    </StepForm>
  );
}

export function PutForwardForm({ version, server, meetings }: Common & { meetings: { id: string; label: string }[] }) {
  const { t } = useTranslation("gtp");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(PutForwardSchema, server, { version: String(version), meetingId: meetings.length === 1 ? meetings[0]!.id : "" });
  const labels = { meetingId: t("putForward.meeting"), details: t("putForward.details") };
  if (!meetings.length) {
    return (
      <section className="card section" aria-labelledby="step-put_forward-title">
        <h3 id="step-put_forward-title">{t("putForward.title")}</h3>
        <p className="notice notice-warning" role={server?.errors ? "alert" : undefined}>
          {t("putForward.noMeeting")} <AppLink to="/gouvernance/reunions/nouvelle">{t("putForward.createMeeting")}</AppLink>
        </p>
      </section>
    );
  }
  return (
    <StepForm intent="put_forward" version={version} title={t("putForward.title")} intro={t("putForward.intro")} submit={t("putForward.submit")} onSubmit={onSubmit} summaryErrors={summaryErrors} labels={labels}>
      <SelectField name="meetingId" label={labels.meetingId} error={errors.meetingId} registration={register("meetingId")} required>
        <option value="">{t("putForward.choose")}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="details" rows={4} maxLength={NOTE_MAX} label={labels.details} hint={t("putForward.detailsHint")} error={errors.details} registration={register("details")} />
    </StepForm>
  );
}

export function AnswerForm({ version, server }: Common) {
  const { t } = useTranslation("gtp");
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(AnswerSchema, server, { version: String(version) });
  const labels = { answerKind: t("answer.kind"), answerText: t("answer.text"), competentBody: t("answer.competentBody") };
  return (
    <StepForm intent="answer" version={version} title={t("answer.title")} intro={t("answer.intro")} submit={t("answer.submit")} onSubmit={onSubmit} summaryErrors={summaryErrors} labels={labels}>
      <ChoiceGroup
        name="answerKind"
        legend={labels.answerKind}
        error={errors.answerKind}
        choices={DIRECT_ANSWERS.map((value) => ({ value, label: t(`answerKind.${value}`), register: registerChoice("answerKind", value) }))}
      />
      <TextField name="competentBody" maxLength={200} label={labels.competentBody} hint={t("answer.competentBodyHint")} error={errors.competentBody} registration={register("competentBody")} />
      <TextAreaField name="answerText" rows={6} maxLength={TEXT_MAX} required label={labels.answerText} hint={t("answer.textHint")} error={errors.answerText} registration={register("answerText")} />
    </StepForm>
  );
}

export function MergeForm({ version, server }: Common) {
  const { t } = useTranslation("gtp");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(MergeSchema, server, { version: String(version) });
  const labels = { target: t("merge.target"), reason: t("merge.reason") };
  return (
    <StepForm intent="merge" version={version} title={t("merge.title")} intro={t("merge.intro")} submit={t("merge.submit")} danger onSubmit={onSubmit} summaryErrors={summaryErrors} labels={labels}>
      <TextField name="target" inputMode="url" autoComplete="off" required label={labels.target} hint={t("merge.targetHint")} error={errors.target} registration={register("target")} />
      <TextAreaField name="reason" rows={3} maxLength={NOTE_MAX} required label={labels.reason} hint={t("merge.reasonHint")} error={errors.reason} registration={register("reason")} />
    </StepForm>
  );
}
