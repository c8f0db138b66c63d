import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField, useValidatedForm, type ServerFormState } from "#app/components/forms.tsx";
import { EmailRequestSchema } from "#app/modules/auth/auth.schema.ts";

/**
 * The page that asks for an address to email a link to (sign-in link, new password). After sending, it says
 * so in words that fit an address with or without an account.
 */
export function EmailLinkRequest({ prefix, sent, actionData }: { prefix: "magicLink" | "forgot"; sent: boolean; actionData: ServerFormState }) {
  const { t } = useTranslation("auth");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(EmailRequestSchema, actionData);
  const labels = { email: t("fields.email") };
  return (
    <div className="auth-page">
      <h1>{t(`${prefix}.title`)}</h1>
      {sent ? (
        <div className="notice" role="status">
          <p>
            <strong>{t(`${prefix}.sentTitle`)}</strong>
          </p>
          <p>{t(`${prefix}.sentText`)}</p>
        </div>
      ) : null}
      <p className="lead">{t(`${prefix}.intro`)}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <TextField name="email" type="email" label={labels.email} error={errors.email} registration={register("email")} defaultValue={actionData?.values?.email} autoComplete="email" spellCheck={false} />
        <div className="form-actions">
          <button type="submit" className="button">
            {sent ? t(`${prefix}.submitAgain`) : t(`${prefix}.submit`)}
          </button>
        </div>
      </Form>
      <p className="auth-alternative">
        <Link to="/connexion">{t("magicLink.backToSignIn")}</Link>
      </p>
    </div>
  );
}
