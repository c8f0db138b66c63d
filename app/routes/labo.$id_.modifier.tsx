import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, TextAreaField } from "#app/components/forms.tsx";
import { LaboSessionForm } from "#app/components/labo/labo-session-form.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { cancelLaboSession } from "#app/modules/labo/cancel-labo-session.server.ts";
import { readSessionForm, type SessionFormActionData } from "#app/modules/labo/labo-session-form.server.ts";
import { getLaboSessionFormChoices, getLaboSessionFormValues } from "#app/modules/labo/labo-session-queries.server.ts";
import { CANCEL_REASON_MAX, CancelLaboSessionSchema } from "#app/modules/labo/labo-session.schema.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";
import { EDITABLE_STATUSES, updateLaboSession } from "#app/modules/labo/update-labo-session.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["labo"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const locale = await getLocale(request);
  const [t, choices, form] = await Promise.all([getFixedT(locale, "labo"), getLaboSessionFormChoices(), getLaboSessionFormValues(session.id)]);
  if (!form) throw new Response(null, { status: 404 });
  return json({
    title: t("form.editTitle", { title: session.title }),
    locale,
    sessionId: session.id,
    sessionTitle: session.title,
    editable: EDITABLE_STATUSES.includes(session.status),
    draft: session.status === "draft",
    // The session's commune stays possible; an ambassador may otherwise move it to one of theirs only.
    choices: { ...choices, communes: choices.communes.filter((c) => c.slug === session.communeSlug || can(viewer, "labo.manage", { communeSlug: c.slug })) },
    defaults: form.values,
  });
}

type CancelActionData = { intent: "cancel"; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const here = `/labo/${session.id}`;
  if (new URL(request.url).searchParams.get("intent") === "cancel") {
    const formData = await request.formData().catch(() => new FormData());
    const parsed = validateFormData(formData, CancelLaboSessionSchema);
    if (!parsed.ok) return json<CancelActionData>({ intent: "cancel", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await cancelLaboSession({ actor: viewer, sessionId: session.id, reason: parsed.data.reason });
    if (result.status === "not_found") throw new Response(null, { status: 404 });
    if (result.status === "forbidden") throw new Response(null, { status: 403 });
    if (result.status === "not_cancellable") return json<CancelActionData>({ intent: "cancel", errors: { form: "labo:validation.notEditable" }, values: parsed.values }, { status: 409 });
    return redirectWithFlash(here, "labo:flash.cancelled");
  }
  const form = await readSessionForm(request);
  if (form.response) return form.response;
  const { intent, input } = form.data;
  const result = await updateLaboSession({ actor: viewer, sessionId: session.id, input, announce: intent === "announce" });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "not_editable") return json<SessionFormActionData>({ errors: { form: "labo:validation.notEditable" }, values: {}, atelierRows: 0 }, { status: 409 });
  if (result.status === "invalid") return form.invalid(result.errors);
  return redirectWithFlash(here, session.status === "draft" && result.announced ? "labo:flash.announced" : "labo:flash.updated");
}

export default function EditLaboSessionRoute() {
  const { choices, defaults, locale, sessionId, sessionTitle, editable, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("labo");
  const cancelData = actionData && "intent" in actionData ? actionData : undefined;
  const sessionData = actionData && !("intent" in actionData) ? (actionData as SessionFormActionData) : undefined;
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.agenda"), to: "/labo" },
          { label: sessionTitle, to: `/labo/${sessionId}` },
          { label: t("breadcrumb.edit") },
        ]}
      />
      <h1>{t("form.editTitle", { title: sessionTitle })}</h1>
      {editable ? (
        <>
          <p className="lead">{t("form.editIntro")}</p>
          <LaboSessionForm choices={choices} defaults={defaults} actionData={sessionData} locale={locale} mode={{ kind: "edit", draft }} />
          <section className="section danger-zone" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{t("form.cancelTitle")}</h2>
            <p>{t("form.cancelText")}</p>
            <Form method="post" action="?intent=cancel" className="form">
              <ErrorSummary errors={cancelData?.errors ?? {}} labels={{ reason: t("form.cancelReason") }} />
              <TextAreaField
                name="reason"
                label={t("form.cancelReason")}
                hint={t("form.cancelReasonHint")}
                error={cancelData?.errors.reason}
                defaultValue={cancelData?.values.reason ?? ""}
                maxLength={CANCEL_REASON_MAX}
                rows={2}
              />
              <button type="submit" className="button button-danger">
                {t("form.cancelSubmit")}
              </button>
            </Form>
          </section>
        </>
      ) : (
        // A form sent once the session could no longer change (cancelled or held meanwhile): this is why, announced.
        <p className="notice notice-warning" role={actionData ? "alert" : undefined}>
          {t("form.notEditable")}
        </p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
