import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, useValidatedForm } from "#app/components/forms.tsx";
import { Honeypot } from "#app/components/honeypot.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalFields, proposalFieldLabels, type ProposalFormChoices } from "#app/components/proposals/proposal-form.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { checkNewText } from "#app/modules/abuse/content-guards.server.ts";
import { caughtByHoneypot } from "#app/modules/forms/honeypot.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { createProposal } from "#app/modules/proposals/create-proposal.server.ts";
import { NewProposalSchema } from "#app/modules/proposals/proposal.schema.ts";
import { getProfilePlace, getProposalFormChoices } from "#app/modules/proposals/proposal-queries.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

export const handle = { i18n: ["proposals"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "proposals");
  // Not an error page: a person who may not write yet is told why and what to do (403).
  const block = writeBlock(viewer);
  if (block?.reason === "unverified") return json({ title: t("unverified.title"), unverified: true as const, blocked: null }, { status: 403 });
  if (block) return json({ title: t("new.title"), unverified: false as const, blocked: writeBlockMessage(block, "") }, { status: 403 });
  const [choices, place] = await Promise.all([getProposalFormChoices(), getProfilePlace(viewer.id)]);
  return json({ title: t("new.title"), unverified: false as const, blocked: null, locale, choices, defaults: place });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const parsed = await parseForm(request, NewProposalSchema);
  const block = writeBlock(viewer);
  if (block) return json({ errors: { form: writeBlockMessage(block, "proposals:unverified.text") }, values: parsed.values }, { status: 403 });
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const limit = await consume("proposal", { account: viewer.id, address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "proposals:validation.tooMany" }, values: parsed.values });
  const { intent, website: _honeypot, ...input } = parsed.data;
  // A filled honeypot is a bot: it gets an ordinary-looking answer, and nothing is created.
  if (caughtByHoneypot(parsed.data)) return redirect("/propositions");
  const check = await checkNewText({ authorId: viewer.id, text: input.body });
  if (check.status === "repeated") return json({ errors: { body: "proposals:validation.repeated" }, values: parsed.values }, { status: 409 });
  if (check.status === "too_many_links") return json({ errors: { body: "proposals:validation.tooManyLinks" }, values: parsed.values }, { status: 422 });
  const publish = intent === "publish";
  const result = await createProposal({ author: viewer, input, publish });
  if (result.status === "invalid") return json({ errors: result.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(proposalPath(result.proposalId), result.held ? "moderation:report.heldFlash" : publish ? "proposals:flash.published" : "proposals:flash.draftSaved");
}

export default function NewProposalRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("proposals");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.new") },
        ]}
      />
      {data.unverified ? <Unverified /> : data.blocked === null ? <NewProposalForm choices={data.choices} defaults={data.defaults} locale={data.locale} /> : <Blocked message={data.blocked} />}
    </>
  );
}

function Unverified() {
  const { t } = useTranslation("proposals");
  return (
    <section className="notice notice-warning" aria-labelledby="unverified-title">
      <h1 id="unverified-title">{t("unverified.title")}</h1>
      <p>{t("unverified.text")}</p>
      <p>{t("unverified.help")}</p>
      <p>
        <Link to="/compte" className="button">
          {t("unverified.link")}
        </Link>
      </p>
    </section>
  );
}

function Blocked({ message }: { message: string }) {
  const { t } = useTranslation(["proposals", "common"]);
  return (
    <section className="notice notice-warning" aria-labelledby="blocked-title">
      <h1 id="blocked-title">{t("new.title")}</h1>
      <p>{t(message as never)}</p>
    </section>
  );
}

function NewProposalForm({ choices, defaults, locale }: { choices: ProposalFormChoices; defaults: { communeSlug: string; quartierCode: string }; locale: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  const form = useValidatedForm(NewProposalSchema, actionData, defaults);
  const values = { ...defaults, ...actionData?.values };
  return (
    <div className="proposal-form-page">
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.intro")}</p>
      {/* Once the form comes back with errors, they come first: the explanation is no longer needed. */}
      {actionData ? null : (
        <section className="notice" aria-labelledby="how-title">
          <h2 id="how-title">{t("new.howTitle")}</h2>
          <ol className="steps">
            <li>{t("new.how1")}</li>
            <li>{t("new.how2")}</li>
            <li>{t("new.how3")}</li>
          </ol>
        </section>
      )}
      <Form method="post" noValidate onSubmit={form.onSubmit} className="form form-wide">
        <ErrorSummary errors={form.summaryErrors} labels={proposalFieldLabels(t)} />
        <ProposalFields choices={choices} form={form} values={values} locale={locale} />
        <Honeypot />
        <p id="buttons-hint" className="field-hint">
          {t("new.buttonsHint")}
        </p>
        <div className="form-actions">
          <button type="submit" name="intent" value="publish" className="button" aria-describedby="buttons-hint">
            {t("new.publish")}
          </button>
          <button type="submit" name="intent" value="draft" className="button button-secondary" aria-describedby="buttons-hint">
            {t("new.saveDraft")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
