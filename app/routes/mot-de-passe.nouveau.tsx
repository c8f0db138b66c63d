import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { LINK_PROBLEM_STATUS, LinkProblem } from "#app/components/account/link-problem.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { NewPasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from "#app/modules/auth/auth.schema.ts";
import { inspectAuthToken } from "#app/modules/auth/auth-tokens.server.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { resetPassword } from "#app/modules/auth/password-reset.server.ts";
import { endAllSessions, startSession } from "#app/modules/auth/session.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

// The token stays in the address (the form posts back to it), so it is never copied into the page.
function tokenOf(request: Request) {
  return new URL(request.url).searchParams.get("token");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await getViewer(request);
  const [{ status }, t] = await Promise.all([inspectAuthToken("password_reset", tokenOf(request)), getFixedT(await getLocale(request), "auth")]);
  if (status === "valid") return json({ title: t("newPassword.title"), problem: null });
  return json({ title: t("linkProblem.title"), problem: status }, { status: LINK_PROBLEM_STATUS[status] });
}

export async function action({ request }: ActionFunctionArgs) {
  await getViewer(request);
  const parsed = await parseForm(request, NewPasswordSchema);
  if (!parsed.ok) return json({ problem: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await resetPassword(tokenOf(request), parsed.data.password);
  if (result.status !== "ok") return json({ problem: result.status, errors: {}, values: {} }, { status: LINK_PROBLEM_STATUS[result.status] });
  // Whoever knew the old password is signed out everywhere; this browser starts afresh.
  await endAllSessions(result.userId);
  return redirectWithFlash("/compte", "auth:flash.passwordChanged", { headers: [["Set-Cookie", await startSession(result.userId)]] });
}

export default function NewPasswordRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(NewPasswordSchema, actionData);
  const problem = actionData?.problem ?? data.problem;
  if (problem) return <LinkProblem problem={problem} action={{ to: "/mot-de-passe-oublie", label: t("newPassword.askAgain") }} />;
  const labels = { password: t("newPassword.password"), passwordConfirmation: t("newPassword.confirmation") };
  return (
    <div className="auth-page">
      <h1>{t("newPassword.title")}</h1>
      <p className="lead">{t("newPassword.intro")}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t("signUp.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={errors.password}
          registration={register("password")}
          autoComplete="new-password"
        />
        <TextField name="passwordConfirmation" type="password" label={labels.passwordConfirmation} error={errors.passwordConfirmation} registration={register("passwordConfirmation")} autoComplete="new-password" />
        <p className="field-hint">{t("newPassword.sessionsNote")}</p>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("newPassword.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
