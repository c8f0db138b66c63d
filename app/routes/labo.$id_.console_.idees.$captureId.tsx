import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { listPlaceChoices } from "#app/modules/auth/account-queries.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { carryIdeaAsProposal } from "#app/modules/labo-console/carry-idea.server.ts";
import { LaboProposalSchema } from "#app/modules/labo-console/console.schema.ts";
import { getSessionCapture } from "#app/modules/labo-console/console-queries.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { listPiliersWithAmbitions } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["laboConsole", "proposals"] };
export const meta = pageMeta;

/** The idea to carry: a capture of this session, of kind "idea" (anything else is not found). */
async function findIdea(sessionId: string, rawCaptureId: string | undefined) {
  const captureId = parseUuid(rawCaptureId);
  const capture = captureId ? await getSessionCapture(sessionId, captureId) : null;
  if (!capture || capture.kind !== "idea") throw new Response(null, { status: 404 });
  return capture;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionRunner(request, params.id);
  const capture = await findIdea(session.id, params.captureId);
  if (capture.proposalId) return redirectWithFlash(proposalPath(capture.proposalId), "laboConsole:flash.alreadyCarried");
  const locale = await getLocale(request);
  const [t, piliers, places] = await Promise.all([getFixedT(locale, "laboConsole"), listPiliersWithAmbitions(), listPlaceChoices()]);
  return json({
    title: t("carry.title"),
    session: { id: session.id, title: session.title },
    capture: { id: capture.id, body: capture.body },
    defaults: {
      title: "",
      body: capture.body,
      ambitionNumber: capture.ambitionNumber ? String(capture.ambitionNumber) : "",
      quartierCode: capture.quartierCode ?? "",
      communeSlug: session.communeSlug ?? "",
    },
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))),
    ...places,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const capture = await findIdea(session.id, params.captureId);
  const parsed = await parseForm(request, LaboProposalSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await carryIdeaAsProposal({ session, actor: viewer, captureId: capture.id, input: parsed.data });
  switch (result.status) {
    case "ok":
      return redirectWithFlash(proposalPath(result.proposalId), "laboConsole:flash.carried");
    case "already_carried":
      return redirectWithFlash(proposalPath(result.proposalId), "laboConsole:flash.alreadyCarried");
    case "invalid":
      return json({ errors: result.errors, values: parsed.values }, { status: 400 });
    default:
      throw new Response(null, { status: 404 });
  }
}

export default function CarryIdeaRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("laboConsole");
  const form = useValidatedForm(LaboProposalSchema, actionData, data.defaults);
  const labels = { title: t("carry.fieldTitle"), body: t("carry.fieldBody"), ambitionNumber: t("carry.fieldAmbition"), quartierCode: t("carry.fieldQuartier"), communeSlug: t("carry.fieldCommune") };
  return (
    <div className="labo-console">
      <p>
        <Link to={`/labo/${data.session.id}/console#contributions`}>{t("carry.back")}</Link>
      </p>
      <h1>{t("carry.title")}</h1>
      <p className="lead">{t("carry.intro", { title: data.session.title })}</p>
      <blockquote className="labo-capture-quote">{data.capture.body}</blockquote>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="form">
        <ErrorSummary errors={form.summaryErrors} labels={labels} />
        <TextField name="title" label={labels.title} hint={t("carry.titleHint")} error={form.errors.title} registration={form.register("title")} maxLength={170} />
        <TextAreaField name="body" label={labels.body} hint={t("carry.bodyHint")} error={form.errors.body} registration={form.register("body")} rows={6} />
        <SelectField name="ambitionNumber" label={labels.ambitionNumber} error={form.errors.ambitionNumber} registration={form.register("ambitionNumber")}>
          <option value="">{t("carry.chooseAmbition")}</option>
          {data.ambitions.map((a) => (
            <option key={a.number} value={a.number}>{`${a.number}. ${a.title}`}</option>
          ))}
        </SelectField>
        <SelectField name="quartierCode" label={labels.quartierCode} error={form.errors.quartierCode} registration={form.register("quartierCode")}>
          <option value="">{t("carry.noQuartier")}</option>
          {data.quartiers.map((q) => (
            <option key={q.code} value={q.code}>
              {q.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="communeSlug" label={labels.communeSlug} error={form.errors.communeSlug} registration={form.register("communeSlug")}>
          <option value="">{t("carry.noCommune")}</option>
          {data.communes.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <p id="carry-hint" className="field-hint">
          {t("carry.submitHint")}
        </p>
        <button type="submit" className="button" aria-describedby="carry-hint">
          {t("carry.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
