import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { CommuneOptions, QuartierOptions } from "#app/components/referential.tsx";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm, type ServerFormState } from "#app/components/forms.tsx";
import { InterpellationForm } from "#app/components/interpellations/interpellation-form.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { NetworkInterpellationSchema, NetworkProposalSchema, ORGANISATION_MAX } from "#app/modules/interpellations/interpellation.schema.ts";
import { getInterpellationChoices } from "#app/modules/interpellations/interpellation-queries.server.ts";
import { referProposal } from "#app/modules/interpellations/refer-proposal.server.ts";
import { sendInterpellation } from "#app/modules/interpellations/send-interpellation.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { BODY_MAX, TITLE_MAX } from "#app/modules/proposals/proposal.schema.ts";

export const handle = { i18n: ["interpellations", "proposals"] };
export const meta = pageMeta;

/** What the member chose to send: `?objet=question` or `?objet=proposition` (anything else: the choice). */
type Subject = "interpellation" | "proposal";
const SUBJECTS: Record<string, Subject> = { question: "interpellation", proposition: "proposal" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "network.refer");
  const subject = SUBJECTS[new URL(request.url).searchParams.get("objet") ?? ""] ?? null;
  const [t, choices] = await Promise.all([getLocale(request).then((locale) => getFixedT(locale, "interpellations")), getInterpellationChoices()]);
  return json({ title: t("network.title"), subject, choices });
}

type ActionData = { intent: Subject | null; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "network.refer");
  const block = writeBlock(viewer);
  if (block) return json<ActionData>({ intent: null, errors: { form: writeBlockMessage(block, "interpellations:errors.unverified") }, values: {} }, { status: 403 });
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  if (!formData || (intent !== "interpellation" && intent !== "proposal")) return json<ActionData>({ intent: null, errors: { form: "interpellations:errors.unknownIntent" }, values: {} }, { status: 400 });

  if (intent === "interpellation") {
    const parsed = validateFormData(formData, NetworkInterpellationSchema);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const { organisation, ...input } = parsed.data;
    const result = await sendInterpellation({ actor: viewer, source: { kind: "actor_network", organisation }, input });
    if (result.status === "forbidden" || result.status === "not_found") throw new Response(null, { status: result.status === "forbidden" ? 403 : 404 });
    if (result.status === "invalid") return json<ActionData>({ intent, errors: result.errors, values: parsed.values }, { status: 400 });
    return redirectWithFlash(`/interpellations/${result.id}`, "interpellations:flash.sent");
  }
  const parsed = validateFormData(formData, NetworkProposalSchema);
  if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await referProposal({ actor: viewer, input: parsed.data });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "invalid") return json<ActionData>({ intent, errors: result.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/propositions/${result.proposalId}`, "interpellations:flash.referred");
}

export default function ReferToGtpRoute() {
  const { subject, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("interpellations");
  // After a refusal, the form that was sent (the address may have lost its `objet`).
  const shown = actionData?.intent ?? subject;
  const server = actionData?.intent ? actionData : undefined;
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.toolbox"), to: "/boite-a-outils" },
          { label: t("network.breadcrumb") },
        ]}
      />
      <h1>{t("network.title")}</h1>
      <p className="lead">{t("network.intro")}</p>
      {actionData?.intent === null ? <ErrorSummary errors={actionData.errors} labels={{}} /> : null}
      <nav aria-labelledby="choice-title" className="section">
        <h2 id="choice-title">{t("network.choiceTitle")}</h2>
        <ul className="plain-list">
          <li>
            <Link to="?objet=question" aria-current={shown === "interpellation" ? "page" : undefined}>
              {t("network.chooseQuestion")}
            </Link>
            <p className="field-hint">{t("network.chooseQuestionHint")}</p>
          </li>
          <li>
            <Link to="?objet=proposition" aria-current={shown === "proposal" ? "page" : undefined}>
              {t("network.chooseProposal")}
            </Link>
            <p className="field-hint">{t("network.chooseProposalHint")}</p>
          </li>
        </ul>
      </nav>
      {shown === "interpellation" ? (
        <section aria-labelledby="form-title" className="section">
          <h2 id="form-title">{t("network.questionTitle")}</h2>
          <p>{t("network.publicNotice")}</p>
          <InterpellationForm schema={NetworkInterpellationSchema} server={server} choices={choices} withOrganisation intent="interpellation" />
        </section>
      ) : shown === "proposal" ? (
        <section aria-labelledby="form-title" className="section">
          <h2 id="form-title">{t("network.proposalTitle")}</h2>
          <p>{t("network.proposalIntro")}</p>
          <NetworkProposalForm server={server} choices={choices} />
        </section>
      ) : null}
    </>
  );
}

type Choices = ReturnType<typeof useLoaderData<typeof loader>>["choices"];

function NetworkProposalForm({ server, choices }: { server: ServerFormState; choices: Choices }) {
  const { t } = useTranslation("interpellations");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(NetworkProposalSchema, server);
  const labels = { organisation: t("form.organisation"), title: t("proposalForm.title"), body: t("proposalForm.body"), ambitionNumber: t("form.ambition"), quartierCode: t("form.quartier"), communeSlug: t("proposalForm.commune") };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary errors={summaryErrors} labels={labels} />
      <input type="hidden" name="intent" value="proposal" />
      <TextField name="organisation" label={labels.organisation} hint={t("form.organisationHint")} error={errors.organisation} registration={register("organisation")} maxLength={ORGANISATION_MAX} autoComplete="organization" />
      <TextField name="title" label={labels.title} hint={t("proposalForm.titleHint")} error={errors.title} registration={register("title")} maxLength={TITLE_MAX} />
      <TextAreaField name="body" label={labels.body} hint={t("proposalForm.bodyHint")} error={errors.body} registration={register("body")} rows={8} maxLength={BODY_MAX} />
      <SelectField name="ambitionNumber" label={labels.ambitionNumber} error={errors.ambitionNumber} registration={register("ambitionNumber")}>
        <option value="">{t("proposalForm.chooseAmbition")}</option>
        {choices.ambitions.map((a) => (
          <option key={a.number} value={a.number} lang="fr">
            {t("form.ambitionOption", { number: a.number, title: a.title })}
          </option>
        ))}
      </SelectField>
      <SelectField name="quartierCode" label={labels.quartierCode} hint={t("proposalForm.placeHint")} error={errors.quartierCode} registration={register("quartierCode")}>
        <option value="">{t("form.noQuartier")}</option>
        <QuartierOptions quartiers={choices.quartiers} lang="fr" />
      </SelectField>
      <SelectField name="communeSlug" label={labels.communeSlug} error={errors.communeSlug} registration={register("communeSlug")}>
        <option value="">{t("proposalForm.noCommune")}</option>
        <CommuneOptions communes={choices.communes} lang="fr" />
      </SelectField>
      <button type="submit" className="button">
        {t("proposalForm.submit")}
      </button>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
