import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextField, useValidatedForm, type FormValues, type ServerFormState } from "#app/components/forms.tsx";
import { EditMeetingSchema, MEETING_PLACE_MAX, MEETING_TITLE_MAX, MeetingSchema } from "#app/modules/governance/meeting.schema.ts";

export type MeetingFormBody = { key: string; name: string };

/** The meeting form (create and edit): body, title, date and start time in Paris time, place. */
export function MeetingForm({
  bodies,
  defaults,
  actionData,
  mode,
}: {
  bodies: MeetingFormBody[];
  defaults: FormValues;
  actionData: ServerFormState;
  mode: { kind: "new" } | { kind: "edit"; version: number };
}) {
  const { t } = useTranslation("instances");
  const schema = mode.kind === "edit" ? EditMeetingSchema : MeetingSchema;
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(schema, actionData, defaults);
  const labels = { bodyKey: t("form.body"), title: t("form.title"), date: t("form.date"), startTime: t("form.startTime"), place: t("form.place") };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary errors={summaryErrors} labels={labels} />
      {mode.kind === "edit" ? (
        <>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={String(mode.version)} />
        </>
      ) : null}
      <SelectField name="bodyKey" label={labels.bodyKey} error={errors.bodyKey} registration={register("bodyKey")}>
        <option value="">{t("form.chooseBody")}</option>
        {bodies.map((b) => (
          <option key={b.key} value={b.key} lang="fr">
            {b.name}
          </option>
        ))}
      </SelectField>
      <TextField name="title" label={labels.title} hint={t("form.titleHint")} error={errors.title} registration={register("title")} maxLength={MEETING_TITLE_MAX} autoComplete="off" />
      <fieldset className="fieldset">
        <legend>{t("form.whenTitle")}</legend>
        <p className="field-hint">{t("form.whenHint")}</p>
        <div className="field-row">
          <TextField name="date" type="date" label={labels.date} error={errors.date} registration={register("date")} />
          <TextField name="startTime" type="time" label={labels.startTime} error={errors.startTime} registration={register("startTime")} />
        </div>
      </fieldset>
      <TextField name="place" label={labels.place} hint={t("form.placeHint")} error={errors.place} registration={register("place")} maxLength={MEETING_PLACE_MAX} autoComplete="off" />
      <div className="form-actions">
        <button type="submit" className="button">
          {mode.kind === "edit" ? t("form.submitEdit") : t("form.submitNew")}
        </button>
      </div>
    </Form>
  );
}
