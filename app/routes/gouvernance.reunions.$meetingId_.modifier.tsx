import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { ErrorSummary } from "#app/components/forms.tsx";
import { MeetingForm } from "#app/components/governance/meeting-form.tsx";
import { MeetingStatusBadge } from "#app/components/governance/meeting-list.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { EditMeetingSchema, parseMeetingId } from "#app/modules/governance/meeting.schema.ts";
import { getMeeting } from "#app/modules/governance/meeting-queries.server.ts";
import { markMeetingHeld, meetingVersion, updateMeeting } from "#app/modules/governance/meeting-writes.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { instantToParis } from "#app/modules/labo/paris-time.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { listGovernanceBodies } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["instances"] };
export const meta = pageMeta;

async function requireMeeting(request: Request, rawId: string | undefined) {
  const viewer = await requirePermission(request, "governance.manage");
  const meetingId = parseMeetingId(rawId);
  const meeting = meetingId ? await getMeeting(meetingId) : null;
  if (!meeting) throw new Response(null, { status: 404 });
  return { viewer, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireMeeting(request, params.meetingId);
  const locale = await getLocale(request);
  const [t, bodies] = await Promise.all([getFixedT(locale, "instances"), listGovernanceBodies()]);
  const { date, time } = instantToParis(meeting.startsAt);
  return json({
    title: t("form.editTitle", { title: meeting.title }),
    locale,
    meeting: { id: meeting.id, bodyKey: meeting.bodyKey, title: meeting.title, status: meeting.status, startsAt: meeting.startsAt.toISOString() },
    version: meetingVersion(meeting),
    started: meeting.startsAt.getTime() <= Date.now(),
    bodies: bodies.map((b) => ({ key: b.key, name: b.name })),
    defaults: { bodyKey: meeting.bodyKey, title: meeting.title, date, startTime: time, place: meeting.place },
  });
}

type ActionData = { intent: "save" | "markHeld"; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = await requireMeeting(request, params.meetingId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return json<ActionData>({ intent: "save", errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const publicPage = (bodyKey: string) => `/instances/${bodyKey}/${meeting.id}`;

  if (formData.get("intent") === "markHeld") {
    const result = await markMeetingHeld({ actor: viewer, meetingId: meeting.id });
    if (result.status === "not_found") throw new Response(null, { status: 404 });
    if (result.status === "not_started") return json<ActionData>({ intent: "markHeld", errors: { form: "instances:errors.notStarted" }, values: {} }, { status: 409 });
    if (result.status === "not_planned") return json<ActionData>({ intent: "markHeld", errors: { form: "instances:errors.notPlanned" }, values: {} }, { status: 409 });
    return redirectWithFlash(publicPage(result.bodyKey), "instances:flash.meetingHeld");
  }

  const parsed = validateFormData(formData, EditMeetingSchema);
  if (!parsed.ok) return json<ActionData>({ intent: "save", errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateMeeting({ actor: viewer, meetingId: meeting.id, version: parsed.data.version, input: parsed.data.input });
  switch (result.status) {
    case "not_found":
      throw new Response(null, { status: 404 });
    case "published":
      return json<ActionData>({ intent: "save", errors: { form: "instances:errors.published" }, values: parsed.values }, { status: 409 });
    case "conflict":
      // The form comes back with the current version (the page reloads it), not with what was typed over it.
      return json<ActionData>({ intent: "save", errors: { form: "instances:errors.conflict" }, values: {} }, { status: 409 });
    case "invalid":
      return json<ActionData>({ intent: "save", errors: result.errors, values: parsed.values }, { status: 400 });
    default:
      return redirectWithFlash(publicPage(result.bodyKey), result.status === "ok" ? "instances:flash.meetingUpdated" : "instances:flash.meetingUnchanged");
  }
}

export default function EditMeetingRoute() {
  const { meeting, version, started, bodies, defaults, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("instances");
  const saveData = actionData?.intent === "save" ? actionData : undefined;
  const heldData = actionData?.intent === "markHeld" ? actionData : undefined;
  const publicHref = `/instances/${meeting.bodyKey}/${meeting.id}`;
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.instances"), to: "/instances" },
          { label: meeting.title, to: publicHref },
          { label: t("manage.edit") },
        ]}
      />
      <h1>{t("form.editTitle", { title: meeting.title })}</h1>
      <p>
        <MeetingStatusBadge status={meeting.status} /> <AppLink to={`/gouvernance/reunions/${meeting.id}`}>{t("form.agendaLink")}</AppLink>
      </p>
      {meeting.status === "published" ? (
        <p className="notice notice-warning">{t("form.publishedNotEditable")}</p>
      ) : (
        <>
          {/* Keyed by version: after a conflict the form starts again from the current values. */}
          <MeetingForm key={version} bodies={bodies} defaults={defaults} actionData={saveData} mode={{ kind: "edit", version }} />
          <section className="section" aria-labelledby="held-title">
            <h2 id="held-title">{t("form.heldTitle")}</h2>
            {meeting.status === "held" ? (
              <p>{t("form.alreadyHeld")}</p>
            ) : (
              <>
                <p>{t("form.heldText")}</p>
                <ErrorSummary errors={heldData?.errors ?? {}} labels={{}} />
                {started ? (
                  <Form method="post" className="form">
                    <input type="hidden" name="intent" value="markHeld" />
                    <button type="submit" className="button button-secondary">
                      {t("form.heldSubmit")}
                    </button>
                  </Form>
                ) : (
                  <p className="notice">{t("form.notStartedYet", { date: formatDateTime(meeting.startsAt, locale) })}</p>
                )}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
