import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { contestCase } from "#app/modules/moderation/contest-case.server.ts";
import { getContestableCase } from "#app/modules/moderation/moderation-queries.server.ts";
import { CONTEST_MAX, ContestSchema } from "#app/modules/moderation/moderation.schema.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

export const handle = { i18n: ["moderation"] };
export const meta = pageMeta;

/** Only the author of the hidden item: to anyone else the case does not exist. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const found = await getContestableCase(params.caseId ?? "", viewer.id);
  if (!found) throw new Response(null, { status: 404 });
  const t = await getFixedT(await getLocale(request), "moderation");
  const state = found.contestDecidedAt ? "decided" : found.status === "contested" ? "waiting" : found.status === "hidden" && !found.contestedAt ? "open" : "closed";
  const subject = found.subject;
  return json({
    title: t("contest.title"),
    state,
    subjectType: found.subjectType,
    status: found.status,
    hideReason: found.hideReason,
    note: found.decisionNote,
    // The author's own words, so they know what is meant.
    text: subject.kind === "proposal" || subject.kind === "contribution" || subject.kind === "labo_capture" ? subject.body : subject.kind === "profile" ? subject.name : null,
    heading: subject.kind === "proposal" ? subject.title : subject.kind === "contribution" ? subject.proposalTitle : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  // A malformed id is not found, before the form is read or any query runs.
  const caseId = parseUuid(params.caseId);
  if (!caseId) throw new Response(null, { status: 404 });
  const parsed = await parseForm(request, ContestSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await contestCase({ author: viewer, caseId, text: parsed.data.text });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status === "not_contestable") return json({ errors: { form: "moderation:contest.notContestable" }, values: parsed.values }, { status: 409 });
  return redirectWithFlash(`/moderation/contestation/${caseId}`, "moderation:flash.contested");
}

export default function ContestRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("moderation");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(ContestSchema, actionData);
  return (
    <section className="narrow" aria-labelledby="contest-title">
      <h1 id="contest-title">{t("contest.title")}</h1>
      <h2>{t("contest.whatTitle")}</h2>
      <div className="card">
        <p>{t(`kinds.${data.subjectType}`)}</p>
        {data.heading ? <h3>{data.heading}</h3> : null}
        {data.text ? <RichText text={data.text} /> : null}
      </div>
      {data.hideReason ? <p>{t("contest.reason", { reason: t(`reasons.${data.hideReason}`) })}</p> : null}
      {data.note ? <p>{t("contest.note", { note: data.note })}</p> : null}
      {data.state === "open" ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="form">
          <ErrorSummary errors={summaryErrors} labels={{ text: t("contest.textLabel") }} />
          <p>{t("contest.intro")}</p>
          <TextAreaField name="text" label={t("contest.textLabel")} hint={t("contest.textHint")} error={errors.text} registration={register("text")} rows={6} maxLength={CONTEST_MAX} />
          <button type="submit" className="button">
            {t("contest.submit")}
          </button>
        </Form>
      ) : (
        <>
          {/* A contest sent once the case is no longer open (from another tab, or twice): refused, and said so. */}
          {actionData ? (
            <p className="notice notice-error" role="alert">
              {t("contest.notContestable")}
            </p>
          ) : null}
          <p className="notice">{t(`contest.state.${data.state}`, { status: t(`status.${data.status}`) })}</p>
        </>
      )}
      <p>
        <Link to="/">{t("contest.home")}</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
