import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { PlatformSettingsSchema } from "#app/modules/settings/platform-settings-form.schema.ts";
import { updateAnswerDeadline } from "#app/modules/settings/update-answer-deadline.server.ts";
import { getModerationSettings, updateModerationSettings } from "#app/modules/settings/update-moderation-settings.server.ts";

export const handle = { i18n: ["admin", "moderation", "instances"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.manage");
  const [t, settings, answerDeadlineDays] = await Promise.all([getFixedT(await getLocale(request), "moderation"), getModerationSettings(), getSetting("governance.answerDeadlineDays")]);
  return json({
    title: t("settings.title"),
    defaults: { autoHideThreshold: String(settings.autoHideThreshold), preModeration: settings.preModeration ? "on" : "off", answerDeadlineDays: String(answerDeadlineDays) },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "settings.manage");
  const parsed = await parseForm(request, PlatformSettingsSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { answerDeadlineDays, ...moderation } = parsed.data;
  const results = [await updateModerationSettings(viewer.id, moderation), await updateAnswerDeadline(viewer.id, answerDeadlineDays)];
  return redirectWithFlash("/admin/parametres", results.some((r) => r.status === "ok") ? "moderation:settings.saved" : "moderation:settings.unchanged");
}

export default function ModerationSettingsRoute() {
  const { defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["moderation", "admin", "instances"]);
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(PlatformSettingsSchema, actionData, defaults);
  const labels = { autoHideThreshold: t("settings.threshold"), preModeration: t("settings.preModeration"), answerDeadlineDays: t("instances:settings.deadlineDays") };
  return (
    <>
      <Breadcrumb label={t("settings.breadcrumb")} items={[{ label: t("admin:nav.label"), to: "/admin" }, { label: t("settings.title") }]} />
      <h1>{t("settings.title")}</h1>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <TextField
          name="autoHideThreshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          label={labels.autoHideThreshold}
          hint={t("settings.thresholdHint")}
          error={errors.autoHideThreshold}
          registration={register("autoHideThreshold")}
        />
        <fieldset className="field">
          <legend>{labels.preModeration}</legend>
          <p className="field-hint">{t("settings.preModerationHint")}</p>
          {(["off", "on"] as const).map((value) => (
            <div key={value} className="radio">
              <input type="radio" id={value === "off" ? "preModeration" : "preModeration-on"} {...registerChoice("preModeration", value)} />
              <label htmlFor={value === "off" ? "preModeration" : "preModeration-on"}>{t(`settings.preModeration_${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("instances:settings.title")}</legend>
          <TextField
            name="answerDeadlineDays"
            type="number"
            inputMode="numeric"
            min={14}
            max={730}
            label={labels.answerDeadlineDays}
            hint={t("instances:settings.deadlineHint")}
            error={errors.answerDeadlineDays}
            registration={register("answerDeadlineDays")}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("settings.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
