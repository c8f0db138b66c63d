import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorSummary, TextAreaField, TextField, useValidatedForm, type ServerFormState } from "#app/components/forms.tsx";

export type EditField = {
  name: string;
  /** line: one-line text (longLine: shown on two lines, for long titles); text: paragraphs; number: a whole number. */
  kind: "line" | "longLine" | "text" | "number";
  required?: boolean;
  hint: string;
  rows?: number;
};

/**
 * The back-office form for one referential item. Values are rendered into the HTML (defaultValue), so
 * the form works without JavaScript; with it, the same zod schema checks fields before posting.
 */
export function ReferentialEditForm({
  schema,
  fields,
  defaults,
  actionData,
  cancelTo,
}: {
  schema: z.ZodTypeAny;
  fields: EditField[];
  defaults: Record<string, string>;
  actionData: ServerFormState;
  cancelTo: string;
}) {
  const { t } = useTranslation("admin");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(schema, actionData, defaults);
  const values = { ...defaults, ...actionData?.values };
  const labels = Object.fromEntries(fields.map((f) => [f.name, t(`referential.fields.${f.name}`)]));
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form form-wide">
      <ErrorSummary errors={summaryErrors} labels={labels} />
      {fields.map((field) => {
        const label = field.required ? (
          <>
            {labels[field.name]} <span className="field-required">({t("referential.edit.required")})</span>
          </>
        ) : (
          labels[field.name]
        );
        const common = {
          name: field.name,
          label,
          hint: field.hint,
          error: errors[field.name],
          registration: register(field.name),
          defaultValue: values[field.name] ?? "",
          "aria-required": field.required || undefined,
        };
        if (field.kind === "text") return <TextAreaField key={field.name} rows={field.rows ?? 4} {...common} />;
        if (field.kind === "longLine") return <TextAreaField key={field.name} rows={field.rows ?? 2} {...common} />;
        if (field.kind === "number") return <TextField key={field.name} inputMode="numeric" autoComplete="off" className="input-short" {...common} />;
        return <TextField key={field.name} type="text" autoComplete="off" {...common} />;
      })}
      <div className="form-actions">
        <button type="submit" className="button">
          {t("referential.edit.save")}
        </button>
        <Link to={cancelTo}>{t("referential.edit.cancel")}</Link>
      </div>
    </Form>
  );
}
