import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalFields, proposalFieldLabels } from "#app/components/proposals/proposal-form.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { checkLinks } from "#app/modules/abuse/content-guards.server.ts";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { editProposal } from "#app/modules/proposals/edit-proposal.server.ts";
import { parseProposalId, ProposalSchema } from "#app/modules/proposals/proposal.schema.ts";
import { getProposalFormChoices, getProposalPage, getProposalState } from "#app/modules/proposals/proposal-queries.server.ts";
import { acceptsUpdates, isEditable } from "#app/modules/proposals/proposal-rules.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

export const handle = { i18n: ["proposals"] };
export const meta = pageMeta;

/** Unknown or hidden → 404; someone else's → 403. */
async function requireOwnProposal(request: Request, rawId: string | undefined) {
  const viewer = await requireUser(request);
  const id = parseProposalId(rawId);
  if (!id) throw new Response(null, { status: 404 });
  const state = await getProposalState(id);
  if (!state) throw new Response(null, { status: 404 });
  if (state.authorId !== viewer.id) throw json({ reason: "forbidden" }, { status: 403 });
  return { viewer, id, state };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, state } = await requireOwnProposal(request, params.id);
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "proposals");
  const base = { title: t("edit.title"), locale, proposalId: id };
  // No longer editable: say why, and point to what is still possible.
  if (!isEditable(state)) return json({ ...base, editable: false as const, acceptsUpdates: acceptsUpdates(state) });
  const [proposal, choices] = await Promise.all([getProposalPage(id), getProposalFormChoices()]);
  if (!proposal) throw new Response(null, { status: 404 });
  return json({
    ...base,
    editable: true as const,
    proposalTitle: proposal.title,
    choices,
    current: {
      title: proposal.title,
      body: proposal.body,
      ambitionNumber: String(proposal.ambitionNumber),
      secondaryAmbitions: proposal.secondaryAmbitions.map((a) => String(a.number)),
      axes: proposal.axes.map((a) => a.key),
      quartierCode: proposal.quartierCode ?? "",
      communeSlug: proposal.communeSlug ?? "",
      placeDescription: proposal.placeDescription ?? "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, id } = await requireOwnProposal(request, params.id);
  const parsed = await parseForm(request, ProposalSchema);
  // Suspended, charter to accept, address to confirm: refused with the reason, what was typed kept.
  const block = writeBlock(viewer);
  if (block) return json({ errors: { form: writeBlockMessage(block, "proposals:unverified.text") }, values: parsed.values }, { status: 403 });
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  // An edit could add the links a new account may not post.
  if ((await checkLinks({ authorId: viewer.id, text: parsed.data.body })).status === "too_many_links") {
    return json({ errors: { body: "proposals:validation.tooManyLinks" }, values: parsed.values }, { status: 422 });
  }
  const result = await editProposal({ actor: viewer, proposalId: id, input: parsed.data });
  switch (result.status) {
    case "not_found":
      throw new Response(null, { status: 404 });
    case "forbidden":
      throw json({ reason: "forbidden" }, { status: 403 });
    case "not_editable":
      return json({ errors: { form: "proposals:validation.notEditable" }, values: parsed.values }, { status: 409 });
    case "invalid":
      return json({ errors: result.errors, values: parsed.values }, { status: 400 });
    case "unchanged":
      return redirectWithFlash(proposalPath(id), "proposals:flash.unchanged");
    case "ok":
      return redirectWithFlash(proposalPath(id), "proposals:flash.edited");
  }
}

export default function EditProposalRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("proposals");
  const page = proposalPath(data.proposalId);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.proposal"), to: page },
          { label: t("breadcrumb.edit") },
        ]}
      />
      {data.editable ? (
        <EditForm choices={data.choices} current={data.current} locale={data.locale} page={page} />
      ) : (
        <section aria-labelledby="locked-title">
          <h1 id="locked-title">{t("edit.lockedTitle")}</h1>
          <div className="notice notice-warning">
            <p>{data.acceptsUpdates ? t("edit.lockedText") : t("edit.lockedClosed")}</p>
            {data.acceptsUpdates ? <p>{t("edit.lockedUpdate")}</p> : null}
          </div>
          <p className="form-actions">
            {data.acceptsUpdates ? (
              <Link to={`${page}#nouvelles`} className="button">
                {t("edit.lockedUpdateLink")}
              </Link>
            ) : null}
            <Link to={page}>{t("edit.back")}</Link>
          </p>
        </section>
      )}
    </>
  );
}

type EditData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { editable: true }>;

function EditForm({ choices, current, locale, page }: Pick<EditData, "choices" | "current" | "locale"> & { page: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  const form = useValidatedForm(ProposalSchema, actionData, current);
  const values = { ...current, ...actionData?.values };
  return (
    <div className="proposal-form-page">
      <h1>{t("edit.title")}</h1>
      <p className="lead">{t("edit.intro")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="form form-wide">
        <ErrorSummary errors={form.summaryErrors} labels={proposalFieldLabels(t)} />
        <ProposalFields choices={choices} form={form} values={values} locale={locale} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("edit.submit")}
          </button>
          <Link to={page}>{t("edit.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
