import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm, type ChoiceRegister, type FormValues, type ServerFormState } from "#app/components/forms.tsx";
import { JsMarker } from "#app/components/js-marker.tsx";
import { contentLang } from "#app/components/referential.tsx";
import { DURATION_MAX, LONG_MAX, SHORT_MAX, STEPS_MAX, SUMMARY_MAX, TITLE_MAX, TOOLBOX_FIELDS, toolboxSchemaFor, type ToolboxKind } from "#app/modules/toolbox/toolbox.schema.ts";

export type ToolboxFormChoices = {
  ambitions: { number: number; title: string }[];
  quartiers: { code: string; name: string; communes: string[] }[];
  communes: { slug: string; name: string }[];
};

type Field = (typeof TOOLBOX_FIELDS)[ToolboxKind][number];

/** The label of each field: the title and the summary say something different for each kind. */
function fieldLabel(t: TFunction<"toolbox">, kind: ToolboxKind, field: Field) {
  if (field === "title" || field === "summary") return t(`form.fields.${field}.${kind}`);
  return t(`form.fields.${field}.label`);
}

const OPTIONAL: ReadonlySet<Field> = new Set(["place", "quartierCode", "communeSlugs", "people", "whatDidNot", "ambitionNumbers", "organisation", "publicContact", "audience", "durationMinutes", "material", "themes"]);

function GroupError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error as never)}
    </p>
  );
}

function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  choices,
  registerChoice,
  lang,
}: {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  choices: { value: string; label: ReactNode }[];
  registerChoice: ChoiceRegister;
  lang?: string;
}) {
  return (
    <fieldset className={`fieldset choice-group toolbox-choices${error ? " field-invalid" : ""}`} aria-describedby={[`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(" ")}>
      <legend>{legend}</legend>
      <p id={`${name}-hint`} className="field-hint">
        {hint}
      </p>
      <GroupError id={`${name}-error`} error={error} />
      <div className="toolbox-choice-list">
        {choices.map((choice, i) => {
          // The first box carries the group's id, so the error summary's link lands on the group.
          const id = i === 0 ? name : `${name}-${choice.value}`;
          return (
            <div key={choice.value} className="choice">
              <input type="checkbox" id={id} {...registerChoice(name, choice.value)} />
              <label htmlFor={id} lang={lang}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * The entry form, for a new entry and for editing one. It shows the fields of its kind only. Two buttons
 * post it: a draft is saved or published; a published entry is saved as it is or taken back to the drafts.
 */
export function ToolboxEntryForm({
  kind,
  choices,
  defaults,
  actionData,
  action,
  published,
  locale,
}: {
  kind: ToolboxKind;
  choices: ToolboxFormChoices;
  defaults: FormValues;
  actionData: ServerFormState;
  action?: string;
  published: boolean;
  locale: string;
}) {
  const { t } = useTranslation("toolbox");
  const form = useValidatedForm(toolboxSchemaFor(kind), actionData, defaults);
  const { register, registerChoice, errors } = form;
  const fr = contentLang(locale);
  const fields = TOOLBOX_FIELDS[kind];
  const labels = Object.fromEntries(fields.map((field) => [field, fieldLabel(t, kind, field)]));
  const label = (field: Field) => labels[field] + (OPTIONAL.has(field) ? ` (${t("form.optional")})` : "");
  const hint = (field: Field) => (field === "title" || field === "summary" ? t(`form.fields.${field}.${kind}Hint`) : t(`form.fields.${field}.hint`));

  function renderField(field: Field) {
    switch (field) {
      case "title":
        return <TextField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} maxLength={TITLE_MAX} autoComplete="off" />;
      case "place":
      case "organisation":
      case "audience":
      case "themes":
        return <TextField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} maxLength={SHORT_MAX} autoComplete="off" />;
      case "durationMinutes":
        return (
          <TextField
            key={field}
            name={field}
            label={label(field)}
            hint={hint(field)}
            error={errors[field]}
            registration={register(field)}
            inputMode="numeric"
            className="input-short"
            maxLength={String(DURATION_MAX).length}
            autoComplete="off"
          />
        );
      case "summary":
        return <TextAreaField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} rows={4} maxLength={SUMMARY_MAX} />;
      case "steps":
        return <TextAreaField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} rows={8} maxLength={STEPS_MAX} />;
      case "publicContact":
        return <TextAreaField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} rows={2} maxLength={SHORT_MAX} />;
      case "people":
      case "whatWorked":
      case "whatDidNot":
      case "material":
      case "actions":
        return <TextAreaField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)} rows={4} maxLength={LONG_MAX} />;
      case "quartierCode":
        return (
          <SelectField key={field} name={field} label={label(field)} hint={hint(field)} error={errors[field]} registration={register(field)}>
            <option value="">{t("form.noQuartier")}</option>
            {choices.quartiers.map((q) => (
              <option key={q.code} value={q.code} lang={fr}>
                {q.communes.length ? `${q.name} (${q.communes.join(", ")})` : q.name}
              </option>
            ))}
          </SelectField>
        );
      case "communeSlugs":
        return (
          <CheckboxGroup
            key={field}
            name={field}
            legend={label(field)}
            hint={hint(field)}
            error={errors[field]}
            registerChoice={registerChoice}
            lang={fr}
            choices={choices.communes.map((c) => ({ value: c.slug, label: c.name }))}
          />
        );
      case "ambitionNumbers":
        return (
          <CheckboxGroup
            key={field}
            name={field}
            legend={label(field)}
            hint={hint(field)}
            error={errors[field]}
            registerChoice={registerChoice}
            lang={fr}
            choices={choices.ambitions.map((a) => ({
              value: String(a.number),
              label: (
                <>
                  <span className="ambition-number">{a.number}</span> {a.title}
                </>
              ),
            }))}
          />
        );
    }
  }

  return (
    <Form method="post" action={action} noValidate onSubmit={form.onSubmit} className="form form-wide toolbox-form">
      <ErrorSummary errors={form.summaryErrors} labels={labels} />
      <JsMarker />
      {fields.map(renderField)}
      <div className="form-actions">
        {published ? (
          <>
            <button type="submit" name="intent" value="publish" className="button">
              {t("form.savePublished")}
            </button>
            <button type="submit" name="intent" value="unpublish" className="button button-secondary">
              {t("form.unpublish")}
            </button>
          </>
        ) : (
          <>
            <button type="submit" name="intent" value="save_draft" className="button button-secondary">
              {t("form.saveDraft")}
            </button>
            <button type="submit" name="intent" value="publish" className="button">
              {t("form.publish")}
            </button>
          </>
        )}
      </div>
      <p className="field-hint">{published ? t("form.publishedHint") : t("form.draftHint")}</p>
    </Form>
  );
}
