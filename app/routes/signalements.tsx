import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { submittedWithJs } from "#app/components/js-marker.tsx";
import { ErrorSummary } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ReportFields, type ReportAnswer } from "#app/components/moderation/report-form.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser, safeRedirectPath } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { ReportSchema, SUBJECT_TYPES } from "#app/modules/moderation/moderation.schema.ts";
import { reportContent } from "#app/modules/moderation/report-content.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { clientAddress, consume } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["moderation"] };
export const meta = pageMeta;

type SubjectType = (typeof SUBJECT_TYPES)[number];
const isSubjectType = (value: unknown): value is SubjectType => (SUBJECT_TYPES as readonly unknown[]).includes(value);

/** The report form on a page of its own: for links (a profile) and for a form sent back with errors without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const subjectType = params.get("type");
  const subjectId = params.get("id");
  if (!isSubjectType(subjectType) || !subjectId || subjectId.length > 100) throw new Response(null, { status: 404 });
  const t = await getFixedT(await getLocale(request), "moderation");
  return json({ title: t("report.pageTitle"), subjectType, subjectId, redirectTo: safeRedirectPath(params.get("retour")) });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string>; subjectType: SubjectType; subjectId: string; redirectTo: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const formData = await request.formData().catch(() => null);
  if (!formData) return json({ status: "error", errors: { form: "validation.invalidForm" }, values: {} } satisfies ReportAnswer, { status: 400 });
  const js = submittedWithJs(formData);
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));
  const parsed = validateFormData(formData, ReportSchema);
  const values = { reason: String(formData.get("reason") ?? ""), details: String(formData.get("details") ?? "") };
  const subjectType = formData.get("subjectType");
  const subjectId = String(formData.get("subjectId") ?? "");

  // Without JavaScript, a refusal shows this route's page: the form again, with what was typed.
  const refuse = (errors: Record<string, string>, status: number, headers?: HeadersInit) => {
    if (js) return json({ status: "error", errors, values } satisfies ReportAnswer, { status, headers });
    if (!isSubjectType(subjectType)) throw new Response(null, { status: 404 });
    return json<ActionData>({ errors, values, subjectType, subjectId, redirectTo }, { status, headers });
  };
  const done = (message: string) => (js ? json({ status: "ok", message } satisfies ReportAnswer) : redirectWithFlash(redirectTo, message));

  if (!parsed.ok) {
    if (parsed.errors.subjectType || parsed.errors.subjectId) throw new Response(null, { status: 404 });
    return refuse(parsed.errors, 400);
  }
  // A suspended account reads but does not write, reports included (an unconfirmed address may report).
  const block = writeBlock(viewer);
  if (block && block.reason !== "unverified") return refuse({ form: writeBlockMessage(block, "") }, 403);
  const limit = await consume("report", { account: viewer.id, address: clientAddress(context) });
  if (!limit.ok) return refuse({ form: "moderation:report.tooMany" }, 429, { "Retry-After": String(limit.retryAfterSeconds) });
  const result = await reportContent({ reporter: viewer, input: parsed.data });
  switch (result.status) {
    case "not_found":
      throw new Response(null, { status: 404 });
    case "own_content":
      return refuse({ form: "moderation:report.ownContent" }, 403);
    case "already_reported":
      return done("moderation:report.already");
    case "ok":
      return done("moderation:report.thanks");
  }
}

export default function ReportRoute() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("moderation");
  const data = actionData ?? { ...loaded, errors: {}, values: {} };
  return (
    <section className="narrow" aria-labelledby="report-title">
      <h1 id="report-title">{t("report.pageTitle")}</h1>
      <p>{t("report.intro")}</p>
      <Form method="post" className="form">
        <ErrorSummary errors={data.errors} labels={{ reason: t("report.reasonLegend"), details: t("report.detailsLabel") }} />
        <ReportFields subjectType={data.subjectType} subjectId={data.subjectId} redirectTo={data.redirectTo} errors={data.errors} values={data.values} plainIds />
        <button type="submit" className="button">
          {t("report.submit")}
        </button>
      </Form>
      <p>
        <Link to={data.redirectTo}>{t("report.back")}</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
