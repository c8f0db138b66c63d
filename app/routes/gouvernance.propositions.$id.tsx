import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { AnalysisForm, AnswerForm, AssignForm, MergeForm, PutForwardForm, type GtpIntent } from "#app/components/governance/gtp-instruction-forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { answerDeadline, daysWaiting, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { getInstructionProposal } from "#app/modules/governance/gtp-queries.server.ts";
import { gtpAllows } from "#app/modules/governance/gtp-rules.ts";
import { AnalysisSchema, AnswerSchema, AssignSchema, instructionPath, MergeSchema, PutForwardSchema } from "#app/modules/governance/gtp.schema.ts";
import { assignPartner, recordAnalysis } from "#app/modules/governance/instruct-proposal.server.ts";
import { mergeProposal } from "#app/modules/governance/merge-proposal.server.ts";
import { listActivePartners } from "#app/modules/governance/partner-queries.server.ts";
import { listPlannedCopilMeetings, putForwardProposal } from "#app/modules/governance/put-forward-proposal.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";

export const handle = { i18n: ["gtp"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const proposal = await getInstructionProposal(params.id ?? "");
  if (!proposal) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const now = new Date();
  const [t, days, partners, meetings] = await Promise.all([getFixedT(locale, "gtp"), getSetting("governance.answerDeadlineDays"), listActivePartners(), listPlannedCopilMeetings(now)]);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  const p = proposal;
  const deadline = p.qualifiedAt ? answerDeadline(p.qualifiedAt, days) : null;
  const review = p.review;
  // A partner deactivated since it was assigned stays shown (and chosen) on this proposal.
  const partnerChoices = review?.partnerId && p.partnerName && !partners.some((x) => x.id === review.partnerId) ? [...partners, { id: review.partnerId, name: p.partnerName, description: "" }] : partners;
  return json({
    title: t("instruction.title", { title: p.title }),
    proposal: {
      id: p.id,
      title: p.title,
      body: p.body,
      status: p.status,
      decision: p.decision,
      origin: p.origin,
      originSessionTitle: p.originSessionTitle,
      supportCount: p.supportCount,
      ambition: t("queue.ambitionValue", { number: p.ambitionNumber, title: p.ambitionTitle }),
      place: [p.quartierName, p.communeName].filter(Boolean).join(" · "),
      authorName: p.authorName,
      qualified: p.qualifiedAt ? day.format(p.qualifiedAt) : null,
      daysWaiting: p.qualifiedAt ? daysWaiting(p.qualifiedAt, now) : null,
      deadline: deadline ? day.format(deadline) : null,
      overdue: isOverdue({ qualifiedAt: p.qualifiedAt, answeredAt: p.answeredAt }, days, now),
      answered: p.answeredAt ? day.format(p.answeredAt) : null,
      answerKind: p.answerKind,
      mergedInto: p.mergedIntoId ? { id: p.mergedIntoId, title: p.mergedIntoTitle ?? "" } : null,
      agenda: p.agenda ? { meetingId: p.agenda.meetingId, title: p.agenda.title, when: formatDateTime(p.agenda.startsAt, locale) } : null,
    },
    version: p.version,
    review: {
      partnerId: review?.partnerId ?? null,
      partnerName: p.partnerName,
      feasibility: review?.feasibility ?? "",
      costRange: review?.costRange ?? "",
      existingMeans: review?.existingMeans ?? "",
      publicAnalysis: review?.publicAnalysis ?? "",
      internalNotes: review?.internalNotes ?? "",
      updated: review?.updatedAt ? formatDateTime(review.updatedAt, locale) : null,
    },
    allows: gtpAllows(p),
    partners: partnerChoices.map((x) => ({ id: x.id, name: x.name })),
    meetings: meetings.map((m) => ({ id: m.id, label: t("putForward.meetingOption", { title: m.title, date: formatDateTime(m.startsAt, locale) }) })),
  });
}

type ActionData = { intent: GtpIntent | null; errors: Record<string, string>; values: Record<string, string> };

const INTENTS = { assign: AssignSchema, analysis: AnalysisSchema, put_forward: PutForwardSchema, answer: AnswerSchema, merge: MergeSchema } as const;

/** The refusals every step shares, as an HTTP status and a message for the form. */
const REFUSALS = {
  conflict: { status: 409, key: "gtp:errors.conflict" },
  not_allowed: { status: 409, key: "gtp:errors.notAllowed" },
  forbidden: { status: 403, key: "gtp:errors.forbidden" },
  already_on_agenda: { status: 409, key: "gtp:errors.alreadyOnAgenda" },
} as const;

/** Field-level refusals (the form's input was wrong after all): 400, shown beside the field. */
const FIELD_REFUSALS: Record<string, { field: string; key: string }> = {
  unknown_partner: { field: "partnerId", key: "gtp:validation.unknownPartner" },
  unknown_meeting: { field: "meetingId", key: "gtp:validation.unknownMeeting" },
  "invalid_target:self": { field: "target", key: "gtp:validation.targetSelf" },
  "invalid_target:unknown": { field: "target", key: "gtp:validation.targetUnknown" },
  "invalid_target:hidden": { field: "target", key: "gtp:validation.targetHidden" },
  "invalid_target:closed": { field: "target", key: "gtp:validation.targetClosed" },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "governance.manage");
  const proposalId = parseUuid(params.id);
  if (!proposalId) throw new Response(null, { status: 404 });
  const formData = await request.formData().catch(() => null);
  const intent = String(formData?.get("intent") ?? "");
  if (!formData || !(intent in INTENTS)) return json<ActionData>({ intent: null, errors: { form: "gtp:errors.unknownIntent" }, values: {} }, { status: 400 });
  const known = intent as GtpIntent;
  const parsed = validateFormData(formData, INTENTS[known]);
  // What was typed comes back, but not the version: the page shows the proposal's current one.
  const { version: _version, intent: _intent, ...values } = parsed.values as Record<string, string>;
  if (!parsed.ok) return json<ActionData>({ intent: known, errors: parsed.errors, values }, { status: 400 });

  const actor = viewer;
  const data = parsed.data as never;
  const result =
    known === "assign"
      ? await assignPartner({ actor, proposalId, input: data })
      : known === "analysis"
        ? await recordAnalysis({ actor, proposalId, input: data })
        : known === "put_forward"
          ? await putForwardProposal({ actor, proposalId, input: data })
          : known === "answer"
            ? await answerProposal({ actor, proposalId, input: data })
            : await mergeProposal({ actor, proposalId, input: data });

  if (result.status === "ok") {
    // A merge continues on the proposal that carries on.
    const targetId = (result as { targetId?: string }).targetId;
    const to = instructionPath(targetId ?? proposalId);
    return redirectWithFlash(to, `gtp:flash.${known}`);
  }
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  const field = FIELD_REFUSALS[result.status === "invalid_target" ? `invalid_target:${result.reason}` : result.status];
  if (field) return json<ActionData>({ intent: known, errors: { [field.field]: field.key }, values }, { status: 400 });
  const refusal = REFUSALS[result.status as keyof typeof REFUSALS];
  return json<ActionData>({ intent: known, errors: { form: refusal.key }, values }, { status: refusal.status });
}

export default function InstructionRoute() {
  const { proposal: p, version, review, allows, partners, meetings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("gtp");
  const server = (intent: GtpIntent) => (actionData?.intent === intent ? actionData : undefined);
  const anyForm = allows.review || allows.putForward || allows.answer || allows.merge;
  // A step refused once the page no longer offers its form (another coordinator moved the proposal on) is
  // said above the forms, or the person would see their form gone without a word.
  const shown: Record<GtpIntent, boolean> = { assign: allows.review, analysis: allows.review, put_forward: allows.putForward, answer: allows.answer, merge: allows.merge };
  const pageRefusal = !actionData ? null : actionData.intent === null ? actionData.errors.form : shown[actionData.intent] ? null : (actionData.errors.form ?? "gtp:errors.notAllowed");
  return (
    <>
      <Breadcrumb label={t("instruction.breadcrumb")} items={[{ label: t("queue.title"), to: "/gouvernance" }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <p className="tag-list">
        <span className="tag">{p.status === "decided" && p.decision === "postponed" ? t("status.postponed") : t(`status.${p.status}` as never)}</span>
        {p.overdue ? <strong className="tag tag-danger">{t("queue.overdue")}</strong> : null}
      </p>
      <dl className="facts">
        <Fact label={t("instruction.origin")}>
          {t(`origin.${p.origin}` as never)}
          {p.originSessionTitle ? ` · ${p.originSessionTitle}` : null}
        </Fact>
        <Fact label={t("queue.ambition")}>{p.ambition}</Fact>
        {p.place ? <Fact label={t("queue.place")}>{p.place}</Fact> : null}
        <Fact label={t("instruction.author")}>{p.authorName ?? t("instruction.formerMember")}</Fact>
        <Fact label={t("queue.supports")}>{p.supportCount}</Fact>
        <Fact label={t("instruction.qualified")}>{p.qualified ? `${p.qualified} (${t("queue.days", { count: p.daysWaiting ?? 0 })})` : t("instruction.notQualified")}</Fact>
        {p.deadline ? (
          <Fact label={t("queue.deadline")}>
            {p.deadline}
            {p.overdue ? ` · ${t("queue.overdue")}` : null}
          </Fact>
        ) : null}
        {p.answered ? <Fact label={t("instruction.answered")}>{`${p.answered}${p.answerKind ? ` · ${t(`answerKind.${p.answerKind}` as never)}` : ""}`}</Fact> : null}
        {p.agenda ? (
          <Fact label={t("instruction.onAgenda")}>
            <AppLink to={`/gouvernance/reunions/${p.agenda.meetingId}`}>{p.agenda.title}</AppLink>, {p.agenda.when}
          </Fact>
        ) : null}
        {p.mergedInto ? (
          <Fact label={t("instruction.mergedInto")}>
            <AppLink to={instructionPath(p.mergedInto.id)}>{p.mergedInto.title}</AppLink>
          </Fact>
        ) : null}
      </dl>
      <p>
        <AppLink to={`${proposalPath(p.id)}#timeline-title`}>{t("instruction.timelineLink")}</AppLink>
      </p>

      <section className="section" aria-labelledby="text-title">
        <h2 id="text-title">{t("instruction.textTitle")}</h2>
        <div className="card">
          <RichText text={p.body} />
        </div>
      </section>

      <section className="section" aria-labelledby="review-title">
        <h2 id="review-title">{t("instruction.reviewTitle")}</h2>
        <dl className="facts">
          <Fact label={t("assign.partner")}>{review.partnerName ?? t("queue.noPartner")}</Fact>
          <Fact label={t("analysis.feasibility")}>{review.feasibility ? t(`feasibility.${review.feasibility}` as never) : t("instruction.notYet")}</Fact>
          <Fact label={t("analysis.costRange")}>{review.costRange ? t(`cost.${review.costRange}` as never) : t("instruction.notYet")}</Fact>
          {review.updated ? <Fact label={t("instruction.reviewUpdated")}>{review.updated}</Fact> : null}
        </dl>
      </section>

      <section className="section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("instruction.stepsTitle")}</h2>
        {pageRefusal ? (
          <p className="notice notice-error" role="alert">
            {t(pageRefusal as never)}
          </p>
        ) : null}
        {anyForm ? <p className="field-hint">{t("instruction.stepsIntro")}</p> : <p>{t("instruction.noStep")}</p>}
        {allows.review ? (
          <>
            <AssignForm version={version} server={server("assign")} partners={partners} currentPartnerId={review.partnerId} />
            <AnalysisForm
              version={version}
              server={server("analysis")}
              review={{ feasibility: review.feasibility, costRange: review.costRange, existingMeans: review.existingMeans, publicAnalysis: review.publicAnalysis, internalNotes: review.internalNotes }}
            />
          </>
        ) : null}
        {allows.putForward ? <PutForwardForm version={version} server={server("put_forward")} meetings={meetings} /> : null}
        {allows.answer ? <AnswerForm version={version} server={server("answer")} /> : null}
        {allows.merge ? <MergeForm version={version} server={server("merge")} /> : null}
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
