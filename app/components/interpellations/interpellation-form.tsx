import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuartierOptions } from "#app/components/referential.tsx";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm, type ServerFormState } from "#app/components/forms.tsx";
import { BODY_MAX, INTERPELLATION_KINDS, ORGANISATION_MAX, TITLE_MAX, type InterpellationSchema, type NetworkInterpellationSchema } from "#app/modules/interpellations/interpellation.schema.ts";

type Choices = { ambitions: { number: number; title: string }[]; quartiers: { code: string; name: string }[] };

/**
 * A question or a request to the GTP: the same fields for a conseil citoyen and for a member of the réseau
 * des acteurs (who also says which organisation they speak for). Posts to its page's action.
 */
export function InterpellationForm({
  schema,
  server,
  choices,
  withOrganisation = false,
  intent,
}: {
  schema: typeof InterpellationSchema | typeof NetworkInterpellationSchema;
  server: ServerFormState;
  choices: Choices;
  withOrganisation?: boolean;
  intent?: string;
}) {
  const { t } = useTranslation("interpellations");
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(schema, server);
  const labels = { kind: t("form.kind"), title: t("form.title"), body: t("form.body"), ambitionNumber: t("form.ambition"), quartierCode: t("form.quartier"), organisation: t("form.organisation") };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary errors={summaryErrors} labels={labels} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {withOrganisation ? (
        <TextField name="organisation" label={labels.organisation} hint={t("form.organisationHint")} error={errors.organisation} registration={register("organisation")} maxLength={ORGANISATION_MAX} autoComplete="organization" />
      ) : null}
      <ChoiceGroup
        name="kind"
        legend={labels.kind}
        error={errors.kind}
        choices={INTERPELLATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`), register: registerChoice("kind", kind) }))}
      />
      <TextField name="title" label={labels.title} hint={t("form.titleHint")} error={errors.title} registration={register("title")} maxLength={TITLE_MAX} />
      <TextAreaField name="body" label={labels.body} hint={t("form.bodyHint")} error={errors.body} registration={register("body")} rows={8} maxLength={BODY_MAX} />
      <SelectField name="ambitionNumber" label={`${labels.ambitionNumber} (${t("common:forms.optional")})`} error={errors.ambitionNumber} registration={register("ambitionNumber")}>
        <option value="">{t("form.noAmbition")}</option>
        {choices.ambitions.map((a) => (
          <option key={a.number} value={a.number} lang="fr">
            {t("form.ambitionOption", { number: a.number, title: a.title })}
          </option>
        ))}
      </SelectField>
      <SelectField name="quartierCode" label={`${labels.quartierCode} (${t("common:forms.optional")})`} error={errors.quartierCode} registration={register("quartierCode")}>
        <option value="">{t("form.noQuartier")}</option>
        <QuartierOptions quartiers={choices.quartiers} lang="fr" />
      </SelectField>
      <button type="submit" className="button">
        {t("form.submit")}
      </button>
    </Form>
  );
}
