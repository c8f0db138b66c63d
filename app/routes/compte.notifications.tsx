import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceGroup, ErrorSummary, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { CATEGORIES, FREQUENCIES, NotificationPreferencesSchema } from "#app/modules/notification-emails/notification-preferences.ts";
import { getNotificationPreferences } from "#app/modules/notification-emails/preference-queries.server.ts";
import { saveNotificationPreferences } from "#app/modules/notification-emails/save-notification-preferences.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["notificationSettings", "account"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const [preferences, t] = await Promise.all([getNotificationPreferences(viewer.id), getFixedT(await getLocale(request), "notificationSettings")]);
  return json({ title: t("title"), preferences });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const parsed = await parseForm(request, NotificationPreferencesSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await saveNotificationPreferences(viewer.id, parsed.data);
  return redirectWithFlash("/compte/notifications", "notificationSettings:flash.saved");
}

export default function NotificationSettingsRoute() {
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["notificationSettings", "account"]);
  const { registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(NotificationPreferencesSchema, actionData, preferences);
  const labels = Object.fromEntries(CATEGORIES.map((category) => [category, t(`categories.${category}.label`)]));
  return (
    <div className="account-page">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/compte">{t("account:overview.title")}</Link>
          </li>
          <li aria-current="page">{t("title")}</li>
        </ol>
      </nav>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("rhythms")}</p>
      <p>
        <Link to="/notifications">{t("centreLink")}</Link>
      </p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        {CATEGORIES.map((category) => (
          <ChoiceGroup
            key={category}
            name={category}
            legend={labels[category]!}
            hint={t(`categories.${category}.hint`)}
            error={errors[category]}
            choices={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`frequencies.${frequency}`), register: registerChoice(category, frequency) }))}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="button">
            {t("submit")}
          </button>
          <Link to="/compte">{t("cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
