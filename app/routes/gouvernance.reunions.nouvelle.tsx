import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { MeetingForm } from "#app/components/governance/meeting-form.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { MeetingSchema, parseBodyKey } from "#app/modules/governance/meeting.schema.ts";
import { createMeeting } from "#app/modules/governance/meeting-writes.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { listGovernanceBodies } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["instances"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const [t, bodies] = await Promise.all([getFixedT(await getLocale(request), "instances"), listGovernanceBodies()]);
  // Opened from a body's page (?instance=copil), the form starts on that body.
  const asked = parseBodyKey(new URL(request.url).searchParams.get("instance"));
  return json({
    title: t("form.newTitle"),
    bodies: bodies.map((b) => ({ key: b.key, name: b.name })),
    defaults: { bodyKey: bodies.some((b) => b.key === asked) ? asked! : "", startTime: "14:00" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "governance.manage");
  const parsed = await parseForm(request, MeetingSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createMeeting({ actor: viewer, input: parsed.data });
  if (result.status === "invalid") return json({ errors: result.errors, values: parsed.values }, { status: 400 });
  if (result.status !== "ok") throw new Response(null, { status: 404 });
  return redirectWithFlash(`/instances/${result.bodyKey}/${result.meetingId}`, "instances:flash.meetingCreated");
}

export default function NewMeetingRoute() {
  const { bodies, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("instances");
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.instances"), to: "/instances" }, { label: t("form.newTitle") }]} />
      <h1>{t("form.newTitle")}</h1>
      <p className="lead">{t("form.newIntro")}</p>
      <MeetingForm bodies={bodies} defaults={defaults} actionData={actionData} mode={{ kind: "new" }} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
