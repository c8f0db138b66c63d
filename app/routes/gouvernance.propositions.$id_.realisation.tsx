import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { FollowupSummary } from "#app/components/governance/followup-summary.tsx";
import { DoneForm, FOLLOWUP_INTENTS, FollowupForm, MilestoneForm, ProgressForm, ReachMilestoneButton, type FollowupActionData, type FollowupIntent } from "#app/components/governance/followup-forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalStatusBadge } from "#app/components/proposals/proposal-status-badge.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { completeFollowup, reportProgress, startFollowup, updateFunding } from "#app/modules/governance/followup-steps.server.ts";
import { getFollowupPage } from "#app/modules/governance/followup-queries.server.ts";
import { DoneSchema, FollowupSchema, funderField, MilestoneSchema, ProgressSchema, ReachMilestoneSchema } from "#app/modules/governance/followup.schema.ts";
import { presentFollowup } from "#app/modules/governance/followup-view.ts";
import { addMilestone, reachMilestone } from "#app/modules/governance/milestone-steps.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { parseProposalId } from "#app/modules/proposals/proposal.schema.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { decisionAllowsImplementation } from "#app/modules/proposals/proposal-status.ts";

export const handle = { i18n: ["followup", "proposals"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const id = parseProposalId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const [page, locale] = await Promise.all([getFollowupPage(id), getLocale(request)]);
  if (!page) throw new Response(null, { status: 404 });
  const t = await getFixedT(locale, "followup");
  const f = page.followup;
  // The correction form starts from what is recorded.
  const fundingDefaults: Record<string, string> = f
    ? {
        bodyInCharge: f.bodyInCharge,
        actionTitle: f.actionTitle ?? "",
        porteur: f.porteur ?? "",
        amountEur: f.amountEur === null ? "" : String(f.amountEur),
        ...Object.fromEntries(f.funders.flatMap((share, i) => [[funderField(i, "Name"), share.name], [funderField(i, "Amount"), String(share.amountEur)]])),
      }
    : {};
  return json({
    title: t("page.title", { title: page.title }),
    proposal: { id: page.id, title: page.title, status: page.status, decision: page.decision, version: page.governanceVersion },
    canStart: page.status === "decided" && decisionAllowsImplementation(page.decision) && !f,
    followup: presentFollowup(f, page.milestones, locale),
    fundingDefaults,
  });
}

const CONFLICT = { status: 409, key: "followup:errors.conflict" } as const;

/** A use case's refusal, as the page answers it: a 404 is thrown; the others keep what was typed. */
function refuse(intent: FollowupIntent, status: "not_found" | "conflict" | "not_allowed" | "already_reached", values: Record<string, string>) {
  if (status === "not_found") throw new Response(null, { status: 404 });
  const key =
    status === "conflict"
      ? CONFLICT.key
      : status === "already_reached"
        ? "followup:errors.alreadyReached"
        : intent === "start"
          ? "followup:errors.notStartable"
          : intent === "funding"
            ? "followup:errors.noFollowup"
            : "followup:errors.notInProgress";
  // After a conflict the form takes the page's new version: the coordinator looks, then sends again.
  const { version: _version, ...kept } = values;
  return json<FollowupActionData>({ intent, errors: { form: key }, values: status === "conflict" ? kept : values }, { status: 409 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "governance.manage");
  const id = parseProposalId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const formData = await request.formData().catch(() => null);
  if (!formData) return json<FollowupActionData>({ intent: null, errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const intent = String(formData.get("intent") ?? "") as FollowupIntent;
  if (!FOLLOWUP_INTENTS.includes(intent)) return json<FollowupActionData>({ intent: null, errors: { form: "followup:errors.unknownIntent" }, values: {} }, { status: 400 });
  const here = `/gouvernance/propositions/${id}/realisation`;
  const invalid = (parsed: { errors: Record<string, string>; values: Record<string, string | string[]> }) =>
    json<FollowupActionData>({ intent, errors: parsed.errors, values: Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v])) }, { status: 400 });
  const actor = { id: viewer.id };

  switch (intent) {
    case "start":
    case "funding": {
      const parsed = validateFormData(formData, FollowupSchema);
      if (!parsed.ok) return invalid(parsed);
      if (intent === "start") {
        const result = await startFollowup({ actor, proposalId: id, input: parsed.data });
        if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
        return redirectWithFlash(here, "followup:flash.start");
      }
      const result = await updateFunding({ actor, proposalId: id, input: parsed.data });
      if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
      return redirectWithFlash(here, result.changed ? "followup:flash.funding" : "followup:flash.fundingUnchanged");
    }
    case "milestone": {
      const parsed = validateFormData(formData, MilestoneSchema);
      if (!parsed.ok) return invalid(parsed);
      const result = await addMilestone({ actor, proposalId: id, input: parsed.data });
      if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
      return redirectWithFlash(here, "followup:flash.milestone");
    }
    case "reach": {
      const parsed = validateFormData(formData, ReachMilestoneSchema);
      // A malformed milestone id points at nothing.
      if (!parsed.ok && parsed.errors.milestoneId) throw new Response(null, { status: 404 });
      if (!parsed.ok) return invalid(parsed);
      const result = await reachMilestone({ actor, proposalId: id, input: { version: parsed.data.version, milestoneId: parsed.data.milestoneId.toLowerCase() } });
      if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
      return redirectWithFlash(here, "followup:flash.reach");
    }
    case "progress": {
      const parsed = validateFormData(formData, ProgressSchema);
      if (!parsed.ok) return invalid(parsed);
      const result = await reportProgress({ actor, proposalId: id, version: parsed.data.version, text: parsed.data.text });
      if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
      return redirectWithFlash(here, "followup:flash.progress");
    }
    case "done": {
      const parsed = validateFormData(formData, DoneSchema);
      if (!parsed.ok) return invalid(parsed);
      const result = await completeFollowup({ actor, proposalId: id, version: parsed.data.version, text: parsed.data.lastWord });
      if (result.status !== "ok") return refuse(intent, result.status, parsed.values);
      return redirectWithFlash(here, "followup:flash.done");
    }
  }
}

export default function FollowupRoute() {
  const { proposal, canStart, followup, fundingDefaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FollowupActionData | undefined;
  const { t } = useTranslation("followup");
  const answer = (intent: FollowupIntent) => (actionData?.intent === intent ? actionData : undefined);
  const inProgress = proposal.status === "in_progress";
  // A refusal for a form the page no longer shows (someone moved the proposal on meanwhile) is said at the
  // top, with the reach buttons' refusals, or the person would see their form gone without a word.
  const hasForm: Record<FollowupIntent, boolean> = { start: canStart, milestone: inProgress && !!followup, reach: false, progress: inProgress && !!followup, funding: !!followup, done: inProgress && !!followup };
  const pageError = !actionData || (actionData.intent !== null && hasForm[actionData.intent]) ? undefined : (actionData.errors.form ?? "followup:errors.conflict");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.governance"), to: "/gouvernance" },
          { label: t("breadcrumb.proposal"), to: `/gouvernance/propositions/${proposal.id}` },
          { label: t("breadcrumb.followup") },
        ]}
      />
      <h1>{t("page.heading")}</h1>
      <p className="lead">
        <Link to={proposalPath(proposal.id)}>{proposal.title}</Link>
      </p>
      <p>
        <span>{t("page.statusLabel")} </span>
        <ProposalStatusBadge status={proposal.status} decision={proposal.decision} />
      </p>
      <p className="field-hint">{t("page.intro")}</p>
      {pageError ? (
        <p className="notice notice-error" role="alert">
          {t(pageError as never)}
        </p>
      ) : null}

      {/* Keyed by version: after each step the forms start again from the page's new state. */}
      {canStart ? (
        <section className="section">
          <FollowupForm key={proposal.version} intent="start" version={proposal.version} defaults={{}} server={answer("start")} title={t("start.title")} intro={t("start.intro")} submit={t("start.submit")} />
        </section>
      ) : null}
      {!canStart && !followup ? <p className="notice notice-warning">{t("page.notStartable")}</p> : null}
      {proposal.status === "done" ? <p className="notice">{t("page.doneNotice")}</p> : null}

      {followup ? (
        <section className="section" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("page.summaryTitle")}</h2>
          <FollowupSummary
            followup={followup}
            headingLevel={3}
            milestoneAction={inProgress ? (m) => (m.reachedLabel ? null : <ReachMilestoneButton version={proposal.version} milestone={m} />) : undefined}
          />
          {inProgress ? <MilestoneForm key={proposal.version} version={proposal.version} server={answer("milestone")} /> : null}
        </section>
      ) : null}

      {followup && inProgress ? (
        <section className="section">
          <ProgressForm key={proposal.version} version={proposal.version} server={answer("progress")} />
        </section>
      ) : null}

      {followup ? (
        <section className="section">
          <details className="author-action" open={answer("funding") ? true : undefined}>
            <summary>{t("funding.title")}</summary>
            <FollowupForm key={proposal.version} intent="funding" version={proposal.version} defaults={fundingDefaults} server={answer("funding")} title={t("funding.title")} intro={t("funding.intro")} submit={t("funding.submit")} />
          </details>
        </section>
      ) : null}

      {followup && inProgress ? (
        <section className="section">
          <DoneForm key={proposal.version} version={proposal.version} server={answer("done")} />
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
