import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#app/components/dates.ts";
import { ErrorSummary, TextAreaField, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { MinutesSchema } from "#app/modules/labo-console/console.schema.ts";
import { countAttendance, listCarriedProposals, listSessionCaptures } from "#app/modules/labo-console/console-queries.server.ts";
import { canHaveMinutes, markSessionHeld, saveMinutes } from "#app/modules/labo-console/publish-minutes.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["laboConsole"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionRunner(request, params.id);
  const locale = await getLocale(request);
  const [t, counts, captures, carried] = await Promise.all([getFixedT(locale, "laboConsole"), countAttendance(session.id), listSessionCaptures(session.id), listCarriedProposals(session.id)]);
  return json(
    {
      title: t("minutes.title", { title: session.title }),
      session: {
        id: session.id,
        title: session.title,
        when: formatDateTime(session.startsAt, locale),
        status: session.status,
        started: canHaveMinutes(session),
        publishedAt: session.minutesPublishedAt ? formatDateTime(session.minutesPublishedAt, locale) : null,
      },
      counts,
      defaults: {
        summary: session.minutesSummary ?? "",
        decisions: session.minutesDecisions ?? "",
        opinions: session.minutesOpinions ?? "",
        followUps: session.minutesFollowUps ?? "",
        // What the console counted, until the minutes say otherwise.
        attendance: String(session.attendance ?? counts.present),
        newcomers: String(session.newcomers ?? counts.newcomers),
        inMinutes: captures.filter((c) => c.inMinutes).map((c) => c.id),
      },
      captures: captures.map((c) => ({ id: c.id, kind: c.kind, body: c.body, atelierTitle: c.atelierTitle })),
      carried,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]> };

const REFUSALS = {
  not_started: "laboConsole:validation.notStarted",
  cancelled: "laboConsole:validation.cancelled",
  already_published: "laboConsole:validation.alreadyPublished",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const here = `/labo/${session.id}/compte-rendu`;
  const form = await request.formData().catch(() => null);
  if (!form) return json<ActionData>({ errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  if (form.get("intent") === "held") {
    const result = await markSessionHeld({ session, actor: viewer });
    if (result.status !== "ok") return json<ActionData>({ errors: { form: REFUSALS[result.status] }, values: {} }, { status: 409 });
    return redirectWithFlash(here, "laboConsole:flash.held");
  }
  const parsed = validateFormData(form, MinutesSchema);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await saveMinutes({ session, actor: viewer, input: parsed.data });
  if (result.status !== "ok") return json<ActionData>({ errors: { form: REFUSALS[result.status] }, values: parsed.values }, { status: 409 });
  return redirectWithFlash(here, result.published ? "laboConsole:flash.minutesPublished" : "laboConsole:flash.minutesSaved");
}

export default function MinutesRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("laboConsole");
  const form = useValidatedForm(MinutesSchema, actionData, data.defaults);
  const labels = {
    summary: t("minutes.summary"),
    decisions: t("minutes.decisions"),
    opinions: t("minutes.opinions"),
    followUps: t("minutes.followUps"),
    attendance: t("minutes.attendance"),
    newcomers: t("minutes.newcomers"),
    inMinutes: t("minutes.capturesTitle"),
  };
  const published = data.session.publishedAt !== null;
  const canMarkHeld = data.session.started && (data.session.status === "announced" || data.session.status === "full");
  return (
    <div className="labo-console">
      <p>
        <Link to={`/labo/${data.session.id}/console`}>{t("minutes.back")}</Link>
      </p>
      <p className="eyebrow">{t("minutes.eyebrow")}</p>
      <h1>{data.session.title}</h1>
      <p>{data.session.when}</p>
      {published ? (
        <p className="notice">
          {t("minutes.publishedOn", { date: data.session.publishedAt })} <Link to={`/labo/${data.session.id}`}>{t("minutes.seePublic")}</Link>
        </p>
      ) : !data.session.started ? (
        <p className="notice notice-warning">{t("minutes.notStartedNotice")}</p>
      ) : null}
      {canMarkHeld ? (
        <Form method="post" className="labo-held">
          <input type="hidden" name="intent" value="held" />
          <p className="field-hint" id="held-hint">
            {t("minutes.heldHint")}
          </p>
          <button type="submit" className="button button-secondary" aria-describedby="held-hint">
            {t("minutes.held")}
          </button>
        </Form>
      ) : null}

      <Form method="post" noValidate onSubmit={form.onSubmit} className="form form-wide">
        <ErrorSummary errors={form.summaryErrors} labels={labels} />
        <TextAreaField name="summary" label={labels.summary} hint={t("minutes.summaryHint")} error={form.errors.summary} registration={form.register("summary")} rows={6} />
        <TextAreaField name="decisions" label={labels.decisions} hint={t("minutes.decisionsHint")} error={form.errors.decisions} registration={form.register("decisions")} rows={5} />
        {data.carried.length ? (
          <div className="notice">
            <p>{t("minutes.carriedTitle")}</p>
            <ul className="plain-list">
              {data.carried.map((p) => (
                <li key={p.id}>
                  <Link to={proposalPath(p.id)}>{p.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextAreaField name="opinions" label={labels.opinions} hint={t("minutes.opinionsHint")} error={form.errors.opinions} registration={form.register("opinions")} rows={4} />
        <TextAreaField name="followUps" label={labels.followUps} hint={t("minutes.followUpsHint")} error={form.errors.followUps} registration={form.register("followUps")} rows={4} />
        <TextField
          name="attendance"
          label={labels.attendance}
          hint={t("minutes.attendanceHint", { present: data.counts.present })}
          error={form.errors.attendance}
          registration={form.register("attendance")}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          name="newcomers"
          label={labels.newcomers}
          hint={t("minutes.newcomersHint", { newcomers: data.counts.newcomers })}
          error={form.errors.newcomers}
          registration={form.register("newcomers")}
          inputMode="numeric"
          autoComplete="off"
        />
        <fieldset className="fieldset">
          <legend>{labels.inMinutes}</legend>
          <p className="field-hint">{t("minutes.capturesHint")}</p>
          {data.captures.length ? (
            data.captures.map((c) => (
              <div key={c.id} className="checkbox">
                <input type="checkbox" id={`capture-${c.id}`} {...form.registerChoice("inMinutes", c.id)} />
                <label htmlFor={`capture-${c.id}`}>
                  <strong>{t(`kinds.${c.kind}`)}</strong>
                  {c.atelierTitle ? ` (${c.atelierTitle})` : ""} : {c.body}
                </label>
              </div>
            ))
          ) : (
            <p>{t("minutes.noCaptures")}</p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className={published ? "button" : "button button-secondary"}>
            {published ? t("minutes.saveChanges") : t("minutes.saveDraft")}
          </button>
          {published ? null : (
            <button type="submit" name="intent" value="publish" className="button" aria-describedby="publish-hint">
              {t("minutes.publish")}
            </button>
          )}
        </div>
        {published ? null : (
          <p id="publish-hint" className="field-hint">
            {t("minutes.publishHint")}
          </p>
        )}
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
