import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat, formatDateTime } from "#app/components/dates.ts";
import { ErrorSummary, TextAreaField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalStatusBadge } from "#app/components/proposals/proposal-status-badge.tsx";
import { ProposalTimeline } from "#app/components/proposals/proposal-timeline.tsx";
import { ReportDisclosure } from "#app/components/moderation/report-form.tsx";
import { contentLang } from "#app/components/referential.tsx";
import { hiddenReasonText } from "#app/components/hidden-content.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer, requireUser, type AuthenticatedViewer } from "#app/modules/auth/auth.server.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { hiddenReasonOf } from "#app/modules/hidden-content/hidden-reason.server.ts";
import { isAwaitingApproval } from "#app/modules/moderation/moderation-queries.server.ts";
import { getSupportPanel } from "#app/modules/supports/support-queries.server.ts";
import { can, writeBlock } from "#app/modules/auth/permissions.ts";
import { parseContributionsView } from "#app/modules/contributions/contribution-params.ts";
import { getContributionsSection } from "#app/modules/contributions/contribution-queries.server.ts";
import { ContributionsSection } from "#app/components/proposals/contributions-section.tsx";
import { FollowButton } from "#app/components/proposals/follow-button.tsx";
import { SupportButton } from "#app/components/proposals/support-button.tsx";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { addProposalUpdate } from "#app/modules/proposals/add-proposal-update.server.ts";
import { parseProposalId, ProposalUpdateSchema, UPDATE_MAX, WITHDRAW_REASON_MAX, WithdrawProposalSchema } from "#app/modules/proposals/proposal.schema.ts";
import { getProposalPage, getProposalState } from "#app/modules/proposals/proposal-queries.server.ts";
import { authorActions } from "#app/modules/proposals/proposal-rules.ts";
import { publishProposal } from "#app/modules/proposals/publish-proposal.server.ts";
import { withdrawProposal } from "#app/modules/proposals/withdraw-proposal.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { ProposalGovernanceSection } from "#app/components/governance/proposal-governance-section.tsx";
import { timelineDateLabel } from "#app/modules/governance/followup-view.ts";
import { GOVERNANCE_STATUSES, getMergeTarget, getProposalGovernance } from "#app/modules/governance/proposal-governance-queries.server.ts";
import { presentProposalGovernance } from "#app/modules/governance/proposal-governance-view.ts";
import { AWAITING_ANSWER } from "#app/modules/proposals/proposal-status.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { CARRIABLE_STATUSES, carryProposal, councilOfProposal, getCouncilTies } from "#app/modules/councils/carry-proposal.server.ts";
import { CarrySchema, STATEMENT_MAX } from "#app/modules/councils/carry.schema.ts";
import { followForCouncil, unfollowForCouncil } from "#app/modules/councils/council-follow.server.ts";

export const handle = { i18n: ["proposals", "supports", "contributions", "moderation", "interpellations"] };
export const meta = pageMeta;

// A report changes nothing the reporter needs now; reloading could take the reported item (and the
// thanks announced beside it) off the page before it is heard.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) => (formAction === "/signalements" ? false : defaultShouldRevalidate);

const DESCRIPTION_LENGTH = 150;

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_LENGTH ? flat : `${flat.slice(0, DESCRIPTION_LENGTH).trimEnd()}…`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseProposalId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const [viewer, proposal, locale] = await Promise.all([getViewer(request), getProposalPage(id), getLocale(request)]);
  if (!proposal) throw new Response(null, { status: 404 });
  const isAuthor = viewer !== null && proposal.authorId === viewer.id;
  const isModerator = can(viewer, "moderation.act");
  // A first proposal held by pre-moderation is not public yet: its author (told it waits) and moderators
  // see it; for anyone else it does not exist.
  const awaitingApproval = proposal.hiddenAt !== null && (await isAwaitingApproval(proposal.id));
  if (awaitingApproval && !isAuthor && !isModerator) throw new Response(null, { status: 404 });
  // Hidden by moderation: its author and moderators still see it (with a notice); anyone else sees that it
  // was hidden and why, and nothing of it (not its title, not in the page's meta, not in the HTML).
  if (proposal.hiddenAt && !isAuthor && !isModerator) {
    const tm = await getFixedT(locale, "moderation");
    return json({ hiddenStub: true as const, title: tm("hidden.proposalTitle"), reason: await hiddenReasonOf("proposal", proposal.id) });
  }
  // A draft belongs to its author: anyone else is told it does not exist.
  if (proposal.status === "draft" && !isAuthor) throw new Response(null, { status: 404 });
  // Merged by the GTP into a similar proposal: its page is the other one now, with a word on why.
  if (proposal.status === "merged") {
    const target = await getMergeTarget(proposal.id);
    if (target) throw await redirectWithFlash(proposalPath(target), "proposals:flash.mergedHere");
  }
  const withGovernance = GOVERNANCE_STATUSES.includes(proposal.status);
  // Read together: the panels, and for a qualified proposal its way through the GTP and the COPIL.
  const [t, supports, contributions, governance, deadlineDays] = await Promise.all([
    getFixedT(locale, "proposals"),
    getSupportPanel({ proposalId: proposal.id, viewer }),
    getContributionsSection({ proposalId: proposal.id, viewerId: viewer?.id ?? null, ...parseContributionsView(new URL(request.url).searchParams) }),
    withGovernance ? getProposalGovernance(proposal.id) : null,
    withGovernance && AWAITING_ANSWER.includes(proposal.status) ? getSetting("governance.answerDeadlineDays") : null,
  ]);
  // A member of the council covering the proposal's quartier acts for it here: carry it, follow it.
  const ties = can(viewer, "council.act") && proposal.status !== "draft" && !proposal.hiddenAt ? await getCouncilTies(proposal.id, proposal.quartierCode) : null;
  const covering = ties?.covering && can(viewer, "council.act", { councilCode: ties.covering.code }) ? ties.covering : null;
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  const { authorId: _authorId, hiddenAt: _hiddenAt, authorHidden: _authorHidden, events, ...shown } = proposal;
  const withdrawal = events.findLast((e) => e.kind === "withdrawn");
  return json({
    hiddenStub: false as const,
    title: proposal.title,
    description: excerpt(proposal.body),
    hiddenNotice: proposal.hiddenAt && !(awaitingApproval && isAuthor) ? (isAuthor ? ("author" as const) : ("moderator" as const)) : null,
    hiddenReason: proposal.hiddenAt ? await hiddenReasonOf("proposal", proposal.id) : null,
    locale,
    proposal: {
      ...shown,
      authorName: proposal.authorHidden ? (await getFixedT(locale, "moderation"))("hidden.profile") : (proposal.authorName ?? t("page.formerMember")),
      dateLabel: proposal.publishedAt ? t("page.publishedOn", { date: day.format(proposal.publishedAt) }) : t("page.createdOn", { date: day.format(proposal.createdAt) }),
      withdrawnLabel: proposal.withdrawnAt ? day.format(proposal.withdrawnAt) : null,
      withdrawnReason: withdrawal?.reason ?? null,
    },
    timeline: events.map(({ createdAt, ...event }) => ({ ...event, at: createdAt.toISOString(), atLabel: formatDateTime(createdAt, locale), dateLabel: timelineDateLabel(event, locale) })),
    governance: governance
      ? presentProposalGovernance({ proposal, governance, timeline: events, deadlineDays, locale, coordinator: can(viewer, "governance.manage") })
      : null,
    // What the author may still do (null for everyone else).
    actions: isAuthor ? authorActions(proposal) : null,
    council:
      covering && ties
        ? {
            code: covering.code,
            name: covering.name,
            tie: covering.tie,
            // Carried by another council (the quartier moved to another council since): said, not offered.
            carriedByOther: ties.carriedBy && ties.carriedBy.code !== covering.code ? ties.carriedBy.name : null,
            mayCarry: !ties.carriedBy && CARRIABLE_STATUSES.includes(proposal.status),
          }
        : null,
    supports,
    contributions,
    canContribute: can(viewer, "participation.write"),
    signedIn: viewer !== null,
    awaitingApproval: awaitingApproval && isAuthor,
    // Anyone signed in may report the proposal and its author's profile, except the author.
    reportAuthorId: viewer !== null && !isAuthor && proposal.status !== "draft" ? proposal.authorId : null,
  });
}

type ActionData = { intent: "withdraw" | "update" | "carry" | "council_follow" | "council_unfollow" | null; errors: Record<string, string>; values: Record<string, string> };

const COUNCIL_REFUSALS = {
  not_covered: "interpellations:carry.notCovered",
  already_carried: "interpellations:carry.alreadyCarried",
  not_waiting: "interpellations:carry.notWaiting",
  carried: "interpellations:carry.cannotUnfollowCarried",
} as const;

/**
 * The council a viewer acts for on this proposal: the one covering its quartier. Unknown, hidden or draft
 * proposal: 404; a viewer who may not act for that council: 403. Null: no council covers it (no quartier).
 */
async function councilToActFor(viewer: AuthenticatedViewer, proposalId: string) {
  const state = await getProposalState(proposalId);
  if (!state || state.status === "draft") throw new Response(null, { status: 404 });
  if (!can(viewer, "council.act")) throw new Response(null, { status: 403 });
  const council = await councilOfProposal(proposalId);
  if (council && !can(viewer, "council.act", { councilCode: council.code })) throw new Response(null, { status: 403 });
  return council;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const id = parseProposalId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  // Suspended, charter to accept, address to confirm: the author is told why, next to their actions.
  const block = writeBlock(viewer);
  if (block) return json<ActionData>({ intent: null, errors: { form: writeBlockMessage(block, "proposals:unverified.text") }, values: {} }, { status: 403 });
  const formData = await request.formData().catch(() => null);
  if (!formData) return json<ActionData>({ intent: null, errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const here = proposalPath(id);
  const refuse = (status: "not_found" | "forbidden") => new Response(null, { status: status === "not_found" ? 404 : 403 });

  switch (formData.get("intent")) {
    case "publish": {
      const result = await publishProposal({ actor: viewer, proposalId: id });
      if (result.status === "not_found" || result.status === "forbidden") throw refuse(result.status);
      if (result.status === "not_draft") return json<ActionData>({ intent: null, errors: { form: "proposals:validation.notDraft" }, values: {} }, { status: 409 });
      return redirectWithFlash(here, result.held ? "moderation:report.heldFlash" : "proposals:flash.published");
    }
    case "withdraw": {
      const parsed = validateFormData(formData, WithdrawProposalSchema);
      if (!parsed.ok) return json<ActionData>({ intent: "withdraw", errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await withdrawProposal({ actor: viewer, proposalId: id, reason: parsed.data.reason });
      if (result.status === "not_found" || result.status === "forbidden") throw refuse(result.status);
      if (result.status === "not_withdrawable") return json<ActionData>({ intent: "withdraw", errors: { form: "proposals:validation.notWithdrawable" }, values: parsed.values }, { status: 409 });
      return redirectWithFlash(here, "proposals:flash.withdrawn");
    }
    case "update": {
      const parsed = validateFormData(formData, ProposalUpdateSchema);
      if (!parsed.ok) return json<ActionData>({ intent: "update", errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await addProposalUpdate({ actor: viewer, proposalId: id, text: parsed.data.text });
      if (result.status === "not_found" || result.status === "forbidden") throw refuse(result.status);
      if (result.status === "not_allowed") return json<ActionData>({ intent: "update", errors: { form: "proposals:validation.updateNotAllowed" }, values: parsed.values }, { status: 409 });
      return redirectWithFlash(here, "proposals:flash.updateAdded");
    }
    case "carry": {
      const council = await councilToActFor(viewer, id);
      const parsed = validateFormData(formData, CarrySchema);
      if (!parsed.ok) return json<ActionData>({ intent: "carry", errors: parsed.errors, values: parsed.values }, { status: 400 });
      if (!council) return json<ActionData>({ intent: "carry", errors: { form: COUNCIL_REFUSALS.not_covered }, values: parsed.values }, { status: 409 });
      const result = await carryProposal({ actor: viewer, councilCode: council.code, proposalId: id, statement: parsed.data.statement });
      if (result.status === "not_found" || result.status === "forbidden") throw refuse(result.status);
      if (result.status !== "ok") return json<ActionData>({ intent: "carry", errors: { form: COUNCIL_REFUSALS[result.status] }, values: parsed.values }, { status: 409 });
      return redirectWithFlash(here, "interpellations:carry.flashCarried");
    }
    case "council_follow":
    case "council_unfollow": {
      const intent = formData.get("intent") as "council_follow" | "council_unfollow";
      const council = await councilToActFor(viewer, id);
      if (!council) return json<ActionData>({ intent, errors: { form: COUNCIL_REFUSALS.not_covered }, values: {} }, { status: 409 });
      const input = { actor: viewer, councilCode: council.code, proposalId: id };
      const result = intent === "council_follow" ? await followForCouncil(input) : await unfollowForCouncil(input);
      if (result.status === "not_found" || result.status === "forbidden") throw refuse(result.status);
      if (result.status !== "ok") return json<ActionData>({ intent, errors: { form: COUNCIL_REFUSALS[result.status] }, values: {} }, { status: 409 });
      return redirectWithFlash(here, intent === "council_follow" ? "interpellations:carry.flashFollowed" : "interpellations:carry.flashUnfollowed");
    }
    default:
      return json<ActionData>({ intent: null, errors: { form: "proposals:validation.unknownIntent" }, values: {} }, { status: 400 });
  }
}

export default function ProposalRoute() {
  const data = useLoaderData<typeof loader>();
  return data.hiddenStub ? <HiddenProposal reason={data.reason} /> : <VisibleProposal data={data} />;
}

/** What people who may not see a hidden proposal get: that it was hidden, and why. */
function HiddenProposal({ reason }: { reason: string | null }) {
  const { t } = useTranslation(["moderation", "proposals"]);
  return (
    <>
      <Breadcrumb
        label={t("proposals:breadcrumb.label")}
        items={[
          { label: t("proposals:breadcrumb.home"), to: "/" },
          { label: t("proposals:breadcrumb.proposals"), to: "/propositions" },
          { label: t("proposals:breadcrumb.proposal") },
        ]}
      />
      <section className="notice notice-warning" aria-labelledby="hidden-title">
        <h1 id="hidden-title">{t("hidden.proposalTitle")}</h1>
        <p>{hiddenReasonText(t as never, reason)}</p>
        <p>
          <Link to="/charte">{t("transparency.charterLink")}</Link>
        </p>
      </section>
    </>
  );
}

type VisibleData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { hiddenStub: false }>;

function VisibleProposal({ data }: { data: VisibleData }) {
  const { proposal, timeline, governance, actions, council, locale, supports, contributions, canContribute, signedIn, hiddenNotice, hiddenReason, awaitingApproval, reportAuthorId } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("proposals");
  const { t: tm } = useTranslation("moderation");
  const here = `/propositions/${proposal.id}`;
  const fr = contentLang(locale);
  const origin =
    proposal.origin === "conseil_citoyen"
      ? proposal.originQuartierName
        ? t("origin.conseil_citoyen", { quartier: proposal.originQuartierName })
        : t("origin.conseil_citoyen_unknown")
      : t(`origin.${proposal.origin}`);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.proposals"), to: "/propositions" },
          { label: t("breadcrumb.proposal") },
        ]}
      />
      <article className="proposal" aria-labelledby="proposal-title">
        <header className="proposal-header">
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <h1 id="proposal-title">{proposal.title}</h1>
          <p className="proposal-meta">
            <span className="visually-hidden">{t("page.statusLabel")} </span>
            <ProposalStatusBadge status={proposal.status} decision={proposal.decision} /> <span className="proposal-origin">{origin}</span>
            {proposal.origin === "conseil_citoyen" && proposal.originQuartierCode ? (
              <>
                {" "}
                <Link to={`/conseils-citoyens/${proposal.originQuartierCode}`}>{t("interpellations:carry.councilLink")}</Link>
              </>
            ) : null}
            {proposal.origin === "labo_session" && proposal.originLaboSessionId ? (
              <>
                {" "}
                <Link to={`/labo/${proposal.originLaboSessionId}`}>{t("page.originSession")}</Link>
              </>
            ) : null}
          </p>
          <p className="proposal-byline">{t("page.byline", { name: proposal.authorName, date: proposal.dateLabel })}</p>
        </header>

        {awaitingApproval ? <p className="notice notice-warning">{tm("report.awaiting")}</p> : null}
        {hiddenNotice ? (
          <div className="notice notice-warning" role="note">
            <p>{t(hiddenNotice === "author" ? "moderation:hidden.authorNotice" : "moderation:hidden.moderatorNotice")}</p>
            <p>{hiddenReasonText(t as never, hiddenReason)}</p>
          </div>
        ) : null}
        {proposal.status === "draft" ? <p className="notice notice-warning">{t("page.draftNotice")}</p> : null}
        {proposal.status === "withdrawn" ? (
          <div className="notice notice-warning" role="note">
            <p>{t("page.withdrawnNotice", { date: proposal.withdrawnLabel ?? "" })}</p>
            {proposal.withdrawnReason ? <p>{t("page.withdrawnReason", { reason: proposal.withdrawnReason })}</p> : null}
          </div>
        ) : null}

        <section className="section" aria-labelledby="idea-title">
          <h2 id="idea-title" className="visually-hidden">
            {t("page.ideaTitle")}
          </h2>
          <RichText text={proposal.body} />
        </section>

        <section className="section" aria-labelledby="details-title">
          <h2 id="details-title">{t("page.detailsTitle")}</h2>
          <dl className="facts proposal-facts">
            <div>
              <dt>{t("page.ambition")}</dt>
              <dd>
                <span className="ambition-number">{proposal.ambitionNumber}</span>{" "}
                <Link to={`/ambitions/${proposal.ambitionNumber}`} lang={fr}>
                  {proposal.ambitionTitle}
                </Link>
              </dd>
            </div>
            {proposal.secondaryAmbitions.length ? (
              <div>
                <dt>{t("page.secondaryAmbitions")}</dt>
                <dd>
                  <ul className="plain-list-inline">
                    {proposal.secondaryAmbitions.map((a) => (
                      <li key={a.number}>
                        <span className="ambition-number">{a.number}</span>{" "}
                        <Link to={`/ambitions/${a.number}`} lang={fr}>
                          {a.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {proposal.axes.length ? (
              <div>
                <dt>{t("page.axes")}</dt>
                <dd>
                  <ul className="tag-list" lang={fr}>
                    {proposal.axes.map((axis) => (
                      <li key={axis.key} className="tag">
                        {axis.title}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {proposal.quartierCode && proposal.quartierName ? (
              <div>
                <dt>{t("page.quartier")}</dt>
                <dd>
                  <Link to={`/quartiers/${proposal.quartierCode}`} lang={fr}>
                    {proposal.quartierName}
                  </Link>
                </dd>
              </div>
            ) : null}
            {proposal.communeSlug && proposal.communeName ? (
              <div>
                <dt>{t("page.commune")}</dt>
                <dd lang={fr}>{proposal.communeHasQuartier ? <Link to={`/quartiers#commune-${proposal.communeSlug}`}>{proposal.communeName}</Link> : proposal.communeName}</dd>
              </div>
            ) : null}
            {proposal.placeDescription ? (
              <div>
                <dt>{t("page.place")}</dt>
                <dd>{proposal.placeDescription}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        {supports ? (
          <section className="section support-section" aria-labelledby="supports-title">
            <h2 id="supports-title">{t("page.supportsTitle")}</h2>
            <SupportButton {...supports} />
            <FollowButton {...supports} />
          </section>
        ) : null}

        {governance ? <ProposalGovernanceSection section={governance} /> : null}

        {actions ? <AuthorActions proposalId={proposal.id} actions={actions} actionData={actionData} /> : null}

        {council ? <CouncilActions council={council} actionData={actionData} showFormErrors={!actions} /> : null}

        <section className="section" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t("page.timelineTitle")}</h2>
          <p className="field-hint">{t("page.timelineIntro")}</p>
          <ProposalTimeline entries={timeline} />
        </section>

        {reportAuthorId ? (
          <div className="report-tools">
            <ReportDisclosure
              subjectType="proposal"
              subjectId={proposal.id}
              redirectTo={here}
              summary={
                <>
                  {tm("report.summary")}
                  <span className="visually-hidden">{tm("report.proposalContext")}</span>
                </>
              }
            />
            <p>
              <Link to={`/signalements?type=profile&id=${encodeURIComponent(reportAuthorId)}&retour=${encodeURIComponent(here)}`}>{tm("report.profile", { name: proposal.authorName })}</Link>
            </p>
          </div>
        ) : null}

        {contributions ? <ContributionsSection section={contributions} canContribute={canContribute} open={contributions.open} signedIn={signedIn} /> : null}
      </article>
      <p className="proposal-cta">
        <Link to="/propositions/nouvelle" className="button button-secondary">
          {t("page.newIdea")}
        </Link>
      </p>
    </>
  );
}

type AuthorActionFlags = { edit: boolean; update: boolean; withdraw: boolean; publish: boolean };

/** The author's own tools: publish a draft, edit while allowed, give news, withdraw (confirmed in a disclosure). */
function AuthorActions({ proposalId, actions, actionData }: { proposalId: string; actions: AuthorActionFlags; actionData: ActionData | undefined }) {
  const { t } = useTranslation("proposals");
  // A refusal for a form no longer offered (the proposal was withdrawn meanwhile, from another tab) is said
  // here, or the author would see the form gone without a word.
  const own = actionData?.intent === "withdraw" || actionData?.intent === "update" ? actionData.intent : null;
  const gone = own && !actions[own] ? actionData : undefined;
  const fallback = gone?.intent === "withdraw" ? "proposals:validation.notWithdrawable" : "proposals:validation.updateNotAllowed";
  const formError = actionData?.intent === null ? actionData.errors : gone ? { form: gone.errors.form ?? fallback } : {};
  return (
    <section className="section author-actions" aria-labelledby="author-title">
      <h2 id="author-title">{t("page.authorTitle")}</h2>
      <ErrorSummary errors={formError} labels={{}} />
      {actions.publish ? (
        <Form method="post" className="author-action">
          <p id="publish-hint">{t("page.publishHint")}</p>
          <button type="submit" name="intent" value="publish" className="button" aria-describedby="publish-hint">
            {t("page.publish")}
          </button>
        </Form>
      ) : null}
      {actions.edit ? (
        <div className="author-action">
          <p id="edit-hint">{t("page.editHint")}</p>
          <Link to={`${proposalPath(proposalId)}/modifier`} className="button button-secondary" aria-describedby="edit-hint">
            {t("page.edit")}
          </Link>
        </div>
      ) : null}
      {actions.update ? <UpdateForm server={actionData?.intent === "update" ? actionData : undefined} /> : null}
      {actions.withdraw ? <WithdrawForm server={actionData?.intent === "withdraw" ? actionData : undefined} /> : null}
    </section>
  );
}

function UpdateForm({ server }: { server: ActionData | undefined }) {
  const { t } = useTranslation("proposals");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(ProposalUpdateSchema, server);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form author-action" id="nouvelles" aria-labelledby="update-title">
      <h3 id="update-title">{t("page.updateTitle")}</h3>
      <ErrorSummary errors={summaryErrors} labels={{ text: t("page.updateLabel") }} />
      <input type="hidden" name="intent" value="update" />
      <TextAreaField name="text" label={t("page.updateLabel")} hint={t("page.updateHint")} error={errors.text} registration={register("text")} rows={5} maxLength={UPDATE_MAX} />
      <button type="submit" className="button">
        {t("page.updateSubmit")}
      </button>
    </Form>
  );
}

function WithdrawForm({ server }: { server: ActionData | undefined }) {
  const { t } = useTranslation("proposals");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(WithdrawProposalSchema, server);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <details className="author-action withdraw" open={hasErrors || undefined}>
      <summary>{t("page.withdrawSummary")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={{ reason: t("page.withdrawReason") }} />
        <p>{t("page.withdrawText")}</p>
        <input type="hidden" name="intent" value="withdraw" />
        <TextAreaField
          name="reason"
          label={`${t("page.withdrawReason")} (${t("common:forms.optional")})`}
          hint={t("page.withdrawReasonHint")}
          error={errors.reason}
          registration={register("reason")}
          rows={3}
          maxLength={WITHDRAW_REASON_MAX}
        />
        <button type="submit" className="button button-danger">
          {t("page.withdrawConfirm")}
        </button>
      </Form>
    </details>
  );
}

type CouncilPanel = { code: string; name: string; tie: "carried" | "followed" | null; carriedByOther: string | null; mayCarry: boolean };
const COUNCIL_INTENTS = new Set(["carry", "council_follow", "council_unfollow"]);

/** « Au nom du conseil citoyen … »: a member carries the proposal to the GTP, or follows it, for the council. */
function CouncilActions({ council, actionData, showFormErrors }: { council: CouncilPanel; actionData: ActionData | undefined; showFormErrors: boolean }) {
  const { t } = useTranslation("interpellations");
  const mine = actionData?.intent && COUNCIL_INTENTS.has(actionData.intent) ? actionData : undefined;
  // The carry form shows its own errors; once it is gone (carried meanwhile), its refusal is said here. A
  // refusal for every form (suspended, charter) is said here when the author's section is not shown.
  const formError = mine ? (mine.intent === "carry" && council.mayCarry ? {} : mine.errors) : showFormErrors && actionData?.intent === null ? actionData.errors : {};
  return (
    <section className="section council-actions" aria-labelledby="council-title">
      <h2 id="council-title">{t("carry.title", { council: council.name })}</h2>
      <ErrorSummary errors={formError} labels={{}} />
      {council.tie === "carried" ? <p className="notice">{t("carry.carriedByYou")}</p> : null}
      {council.carriedByOther ? <p className="notice">{t("carry.carriedByOther", { council: council.carriedByOther })}</p> : null}
      {council.mayCarry ? <CarryForm councilName={council.name} server={mine?.intent === "carry" ? mine : undefined} /> : null}
      {council.tie === "followed" ? (
        <Form method="post" className="author-action">
          <p id="council-follow-hint">{t("carry.followingHint")}</p>
          <button type="submit" name="intent" value="council_unfollow" className="button button-secondary" aria-describedby="council-follow-hint">
            {t("carry.unfollow")}
          </button>
        </Form>
      ) : council.tie === null ? (
        <Form method="post" className="author-action">
          <p id="council-follow-hint">{t("carry.followHint")}</p>
          <button type="submit" name="intent" value="council_follow" className="button button-secondary" aria-describedby="council-follow-hint">
            {t("carry.follow")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function CarryForm({ councilName, server }: { councilName: string; server: ActionData | undefined }) {
  const { t } = useTranslation("interpellations");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(CarrySchema, server);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form author-action" aria-labelledby="carry-title">
      <h3 id="carry-title">{t("carry.formTitle")}</h3>
      <p>{t("carry.intro", { council: councilName })}</p>
      <ErrorSummary errors={summaryErrors} labels={{ statement: t("carry.statement") }} />
      <input type="hidden" name="intent" value="carry" />
      <TextAreaField name="statement" label={t("carry.statement")} hint={t("carry.statementHint")} error={errors.statement} registration={register("statement")} rows={5} maxLength={STATEMENT_MAX} />
      <button type="submit" className="button">
        {t("carry.submit")}
      </button>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
