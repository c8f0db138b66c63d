import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CharterCheckbox } from "#app/components/charter-checkbox.tsx";
import { ErrorSummary, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser, safeRedirectPath } from "#app/modules/auth/auth.server.ts";
import { acceptCharter } from "#app/modules/charter/accept-charter.server.ts";
import { AcceptCharterSchema } from "#app/modules/charter/charter.schema.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["charter"] };
export const meta = pageMeta;

// Signed-in people whose accepted charter is older than the one in force; anyone else goes on.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if ((viewer.charterVersion ?? 0) >= CHARTER_VERSION) throw redirect(redirectTo);
  const t = await getFixedT(await getLocale(request), "charter");
  return json({ title: t("accept.title"), redirectTo });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const parsed = await parseForm(request, AcceptCharterSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const redirectTo = safeRedirectPath(parsed.data.redirectTo);
  if ((viewer.charterVersion ?? 0) >= CHARTER_VERSION) return redirect(redirectTo);
  await acceptCharter(viewer.id);
  return redirectWithFlash(redirectTo, "charter:flash.accepted");
}

export default function AcceptCharterRoute() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("charter");
  const { registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(AcceptCharterSchema, actionData, { redirectTo });
  return (
    <div className="auth-page">
      <h1>{t("accept.title")}</h1>
      <p className="lead">{t("accept.intro")}</p>
      <p>
        <Link to="/charte">{t("accept.readLink")}</Link>
      </p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={{ charter: t("accept.checkbox") }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <CharterCheckbox error={errors.charter} registration={registerChoice("charter", "accepted")} label={t("accept.checkbox")} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("accept.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
