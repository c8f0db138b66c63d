import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ReasonOptions } from "#app/components/moderation/reason-options.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { decideCase, type Decision, type DecideResult } from "#app/modules/moderation/decide-case.server.ts";
import { getModerationCase } from "#app/modules/moderation/moderation-queries.server.ts";
import { ContestDecisionSchema, HideSchema, NOTE_MAX, NoteSchema, SUSPENSION_DAYS_MAX, SuspendSchema, WarnSchema } from "#app/modules/moderation/moderation.schema.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

export const handle = { i18n: ["moderation"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "moderation.act");
  const moderationCase = await getModerationCase(params.caseId ?? "");
  if (!moderationCase) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "moderation");
  // Not even a look: the page names the reporters.
  if (moderationCase.authorId === viewer.id) return json({ title: t("case.ownTitle"), own: true as const }, { status: 403 });
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : null);
  const c = moderationCase;
  return json({
    title: t("case.title", { kind: t(`kinds.${c.subjectType}`) }),
    own: false as const,
    moderationCase: {
      id: c.id,
      subjectType: c.subjectType,
      subject: c.subject,
      trigger: c.trigger,
      status: c.status,
      quartierName: c.quartierName,
      reportCount: c.reportCount,
      reportsSinceDecision: c.reportsSinceDecision,
      opened: date(c.openedAt),
      autoHidden: date(c.autoHiddenAt),
      decided: date(c.decidedAt),
      decidedByName: c.decidedByName,
      hideReason: c.hideReason,
      decisionNote: c.decisionNote,
      contested: date(c.contestedAt),
      contestText: c.contestText,
      contestDecided: date(c.contestDecidedAt),
      contestDecidedByName: c.contestDecidedByName,
      // The moderator who hid the item may not decide the author's contest.
      decidedByViewer: c.decidedById === viewer.id,
      hasAuthor: c.authorId !== null,
    },
    reports: c.reports.map((r) => ({ id: r.id, reason: r.reason, details: r.details, when: date(r.createdAt), reporterName: r.reporterName })),
    author: c.author ? { name: c.author.name, suspendedUntil: c.author.suspendedUntil && c.author.suspendedUntil > new Date() ? date(c.author.suspendedUntil) : null, profileHidden: c.author.profileHiddenAt !== null } : null,
    history: c.history.map((h) => ({ id: h.id, subjectType: h.subjectType, status: h.status, hideReason: h.hideReason, opened: date(h.openedAt) })),
    warnings: c.warnings.map((w) => ({ message: w.message, when: date(w.createdAt) })),
  });
}

type Intent = Decision["kind"];
type ActionData = { intent: Intent | null; errors: Record<string, string>; values: Record<string, string> };

const REFUSALS: Record<Exclude<DecideResult["status"], "ok">, { status: number; key: string }> = {
  not_found: { status: 404, key: "moderation:case.errors.notFound" },
  forbidden: { status: 403, key: "moderation:case.errors.forbidden" },
  own_content: { status: 403, key: "moderation:case.errors.ownContent" },
  same_moderator: { status: 403, key: "moderation:case.errors.sameModerator" },
  not_allowed: { status: 409, key: "moderation:case.errors.notAllowed" },
};

function toDecision(intent: string, formData: FormData): { ok: true; decision: Decision } | { ok: false; errors: Record<string, string>; values: Record<string, string> } | null {
  switch (intent) {
    case "hide": {
      const parsed = validateFormData(formData, HideSchema);
      return parsed.ok ? { ok: true, decision: { kind: "hide", ...parsed.data } } : parsed;
    }
    case "restore":
    case "dismiss":
    case "reopen": {
      const parsed = validateFormData(formData, NoteSchema);
      return parsed.ok ? { ok: true, decision: { kind: intent, note: parsed.data.note } } : parsed;
    }
    case "warn": {
      const parsed = validateFormData(formData, WarnSchema);
      return parsed.ok ? { ok: true, decision: { kind: "warn", message: parsed.data.message } } : parsed;
    }
    case "suspend": {
      const parsed = validateFormData(formData, SuspendSchema);
      return parsed.ok ? { ok: true, decision: { kind: "suspend", ...parsed.data } } : parsed;
    }
    case "contest": {
      const parsed = validateFormData(formData, ContestDecisionSchema);
      return parsed.ok ? { ok: true, decision: { kind: "contest", ...parsed.data } } : parsed;
    }
    default:
      return null;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "moderation.act");
  // A malformed id is not found, before the form is read or any query runs.
  const caseId = parseUuid(params.caseId);
  if (!caseId) throw new Response(null, { status: 404 });
  const formData = await request.formData().catch(() => null);
  const intent = String(formData?.get("intent") ?? "");
  const parsed = formData ? toDecision(intent, formData) : null;
  if (!parsed) return json<ActionData>({ intent: null, errors: { form: "moderation:case.errors.unknownIntent" }, values: {} }, { status: 400 });
  const known = intent as Intent;
  if (!parsed.ok) return json<ActionData>({ intent: known, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await decideCase({ moderator: viewer, caseId, decision: parsed.decision });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status !== "ok") {
    const refusal = REFUSALS[result.status];
    return json<ActionData>({ intent: known, errors: { form: refusal.key }, values: Object.fromEntries([...formData!.entries()].map(([k, v]) => [k, String(v)])) }, { status: refusal.status });
  }
  return redirectWithFlash(`/moderation/${caseId}`, `moderation:flash.${known}`);
}

export default function ModerationCaseRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("moderation");
  if (data.own) {
    return (
      <section className="notice notice-warning" aria-labelledby="own-title">
        <h1 id="own-title">{t("case.ownTitle")}</h1>
        <p>{t("case.ownText")}</p>
        <p>
          <Link to="/moderation">{t("case.back")}</Link>
        </p>
      </section>
    );
  }
  const { moderationCase: c, reports, author, history, warnings } = data;
  return (
    <>
      <p>
        <Link to="/moderation">{t("case.back")}</Link>
      </p>
      <h1>{data.title}</h1>
      <dl className="facts">
        <Fact label={t("case.status")}>
          {t(`status.${c.status}`)}
          {c.trigger === "premoderation" ? ` · ${t("queue.premoderation")}` : null}
        </Fact>
        {c.quartierName ? <Fact label={t("case.quartier")}>{c.quartierName}</Fact> : null}
        <Fact label={t("case.opened")}>{c.opened}</Fact>
        {c.autoHidden ? <Fact label={t("case.autoHidden")}>{c.autoHidden}</Fact> : null}
        {c.decided ? (
          <Fact label={t("case.decided")}>
            {t("case.decidedBy", { date: c.decided, name: c.decidedByName ?? t("case.formerMember") })}
            {c.hideReason ? <p>{t("case.hideReason", { reason: t(`reasons.${c.hideReason}`) })}</p> : null}
            {c.decisionNote ? <p>{t("case.note", { note: c.decisionNote })}</p> : null}
          </Fact>
        ) : null}
        {c.contested ? (
          <Fact label={t("case.contested")}>
            {c.contested}
            <blockquote>
              <RichText text={c.contestText ?? ""} />
            </blockquote>
          </Fact>
        ) : null}
        {c.contestDecided ? <Fact label={t("case.contestDecided")}>{t("case.decidedBy", { date: c.contestDecided, name: c.contestDecidedByName ?? t("case.formerMember") })}</Fact> : null}
      </dl>
      {c.reportsSinceDecision > 0 ? <p className="notice notice-warning">{t("queue.sinceDecision", { count: c.reportsSinceDecision })}</p> : null}

      <section className="section" aria-labelledby="content-title">
        <h2 id="content-title">{t("case.contentTitle")}</h2>
        <Subject subject={c.subject} />
      </section>

      <section className="section" aria-labelledby="reports-title">
        <h2 id="reports-title">{t("case.reportsTitle", { count: reports.length })}</h2>
        {reports.length ? (
          <ul className="plain-list">
            {reports.map((r) => (
              <li key={r.id}>
                <strong>{t(`reasons.${r.reason}`)}</strong> · {r.when} · {t("case.reportedBy", { name: r.reporterName ?? t("case.formerMember") })}
                {r.details ? <RichText text={r.details} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("case.noReports")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="author-title">
        <h2 id="author-title">{t("case.authorTitle")}</h2>
        {author ? (
          <>
            <p>
              {author.name}
              {author.suspendedUntil ? ` · ${t("case.suspendedUntil", { date: author.suspendedUntil })}` : null}
              {author.profileHidden ? ` · ${t("case.profileHidden")}` : null}
            </p>
            <h3>{t("case.historyTitle")}</h3>
            {history.length ? (
              <ul className="plain-list">
                {history.map((h) => (
                  <li key={h.id}>
                    <Link to={`/moderation/${h.id}`}>{t(`kinds.${h.subjectType}`)}</Link> · {h.opened} · {t(`status.${h.status}`)}
                    {h.hideReason ? ` (${t(`reasons.${h.hideReason}`)})` : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("case.noHistory")}</p>
            )}
            <h3>{t("case.warningsTitle")}</h3>
            {warnings.length ? (
              <ul className="plain-list">
                {warnings.map((w, i) => (
                  <li key={i}>
                    {w.when} · {w.message}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("case.noWarnings")}</p>
            )}
          </>
        ) : (
          <p>{t("case.formerMember")}</p>
        )}
      </section>

      <Actions />
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

type SubjectData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { own: false }>["moderationCase"]["subject"];

function Subject({ subject }: { subject: SubjectData }) {
  const { t } = useTranslation("moderation");
  switch (subject.kind) {
    case "proposal":
      return (
        <div className="card">
          <h3>
            <Link to={proposalPath(subject.id)}>{subject.title}</Link>
          </h3>
          <RichText text={subject.body} />
        </div>
      );
    case "contribution":
      return (
        <div className="card">
          <p>{t("case.contributionOn")}</p>
          <h3>
            <Link to={`${proposalPath(subject.proposalId)}#contribution-${subject.id}`}>{subject.proposalTitle}</Link>
          </h3>
          <RichText text={subject.body} />
        </div>
      );
    case "profile":
      return <p className="card">{t("case.profileOf", { name: subject.name })}</p>;
    case "labo_capture":
      return (
        <div className="card">
          <RichText text={subject.body} />
        </div>
      );
    case "gone":
      return <p>{t("case.gone")}</p>;
  }
}

/** The moderator's tools, as the case's state allows. Each is a plain form: one action, one reason. */
function Actions() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("moderation");
  if (data.own) return null;
  const c = data.moderationCase;
  const answer = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  const decidedOnce = c.status === "hidden" || c.status === "restored" || c.status === "dismissed";
  const shown: Record<Intent, boolean> = {
    hide: c.status === "pending",
    restore: c.status === "pending",
    dismiss: c.status === "pending" && c.trigger === "reports",
    contest: c.status === "contested" && !c.decidedByViewer,
    reopen: decidedOnce && !c.contestDecided,
    warn: c.hasAuthor,
    suspend: c.hasAuthor,
  };
  // A decision sent once its form is gone (another moderator decided meanwhile) is refused, and said here.
  const pageError = !actionData ? undefined : actionData.intent === null ? actionData.errors.form : shown[actionData.intent] ? undefined : (actionData.errors.form ?? "moderation:case.errors.notAllowed");
  return (
    <section className="section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t("actions.title")}</h2>
      <p className="field-hint">{t("actions.intro")}</p>
      {pageError ? (
        <p className="notice notice-error" role="alert">
          {t(pageError as never)}
        </p>
      ) : null}
      {c.status === "pending" ? (
        <>
          <ActionForm intent="hide" title={c.trigger === "premoderation" ? t("actions.refuse") : t("actions.hide")} submit={t("actions.hideSubmit")} answer={answer("hide")} danger>
            <ReasonSelect answer={answer("hide")} />
            <NoteField intent="hide" name="note" label={t("actions.noteToAuthor")} hint={t("actions.noteToAuthorHint")} answer={answer("hide")} />
          </ActionForm>
          <ActionForm intent="restore" title={c.trigger === "premoderation" ? t("actions.approve") : t("actions.restore")} submit={c.trigger === "premoderation" ? t("actions.approveSubmit") : t("actions.restoreSubmit")} answer={answer("restore")}>
            <NoteField intent="restore" name="note" label={t("actions.note")} hint={t("actions.noteHint")} answer={answer("restore")} />
          </ActionForm>
          {c.trigger === "reports" ? (
            <ActionForm intent="dismiss" title={t("actions.dismiss")} submit={t("actions.dismissSubmit")} answer={answer("dismiss")}>
              <NoteField intent="dismiss" name="note" label={t("actions.note")} hint={t("actions.noteHint")} answer={answer("dismiss")} />
            </ActionForm>
          ) : null}
        </>
      ) : null}
      {c.status === "contested" ? (
        c.decidedByViewer ? (
          <p className="notice notice-warning">{t("actions.contestOther")}</p>
        ) : (
          <ActionForm intent="contest" title={t("actions.contest")} submit={t("actions.contestSubmit")} answer={answer("contest")}>
            <fieldset className="fieldset choice-group">
              <legend>{t("actions.contestOutcome")}</legend>
              {(["keep", "restore"] as const).map((outcome) => (
                <div className="choice" key={outcome}>
                  <input type="radio" id={`contest-${outcome}`} name="outcome" value={outcome} required defaultChecked={answer("contest")?.values.outcome === outcome} />
                  <label htmlFor={`contest-${outcome}`}>{t(`actions.outcome.${outcome}`)}</label>
                </div>
              ))}
            </fieldset>
            <NoteField intent="contest" name="note" label={t("actions.noteToAuthor")} hint={t("actions.contestNoteHint")} answer={answer("contest")} />
          </ActionForm>
        )
      ) : null}
      {decidedOnce && !c.contestDecided ? (
        <ActionForm intent="reopen" title={t("actions.reopen")} submit={t("actions.reopenSubmit")} answer={answer("reopen")}>
          <NoteField intent="reopen" name="note" label={t("actions.note")} hint={t("actions.noteHint")} answer={answer("reopen")} />
        </ActionForm>
      ) : null}
      {c.hasAuthor ? (
        <>
          <ActionForm intent="warn" title={t("actions.warn")} submit={t("actions.warnSubmit")} answer={answer("warn")}>
            <NoteField intent="warn" name="message" label={t("actions.message")} hint={t("actions.warnHint")} answer={answer("warn")} />
          </ActionForm>
          <ActionForm intent="suspend" title={t("actions.suspend")} submit={t("actions.suspendSubmit")} answer={answer("suspend")} danger>
            <div className="field">
              <label htmlFor="suspend-days">{t("actions.days")}</label>
              <input id="suspend-days" name="days" type="number" inputMode="numeric" min={1} max={SUSPENSION_DAYS_MAX} required defaultValue={answer("suspend")?.values.days ?? "7"} aria-describedby={answer("suspend")?.errors.days ? "suspend-days-error" : undefined} />
              <FieldError id="suspend-days-error" error={answer("suspend")?.errors.days} />
            </div>
            <NoteField intent="suspend" name="message" label={t("actions.message")} hint={t("actions.suspendHint")} answer={answer("suspend")} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

function ActionForm({ intent, title, submit, answer, danger, children }: { intent: Intent; title: string; submit: string; answer: ActionData | undefined; danger?: boolean; children: ReactNode }) {
  const { t } = useTranslation("moderation");
  return (
    <details className="card moderation-action" open={answer ? true : undefined}>
      <summary>{title}</summary>
      <Form method="post" className="form" aria-label={title}>
        <input type="hidden" name="intent" value={intent} />
        {answer?.errors.form ? (
          <p className="notice notice-error" role="alert">
            {t(answer.errors.form as never)}
          </p>
        ) : null}
        {children}
        <button type="submit" className={`button${danger ? " button-danger" : ""}`}>
          {submit}
        </button>
      </Form>
    </details>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation("moderation");
  return error ? (
    <p id={id} className="field-error" role="alert">
      {t(error as never)}
    </p>
  ) : null;
}

function ReasonSelect({ answer }: { answer: ActionData | undefined }) {
  const { t } = useTranslation("moderation");
  const error = answer?.errors.reason;
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor="hide-reason">{t("actions.reason")}</label>
      <p id="hide-reason-hint" className="field-hint">
        {t("actions.reasonHint")}
      </p>
      <FieldError id="hide-reason-error" error={error} />
      <select id="hide-reason" name="reason" required defaultValue={answer?.values.reason ?? ""} aria-describedby={error ? "hide-reason-hint hide-reason-error" : "hide-reason-hint"} aria-invalid={error ? true : undefined}>
        <option value="">{t("actions.chooseReason")}</option>
        <ReasonOptions />
      </select>
    </div>
  );
}

function NoteField({ intent, name, label, hint, answer }: { intent: Intent; name: string; label: string; hint: string; answer: ActionData | undefined }) {
  const id = `${intent}-${name}`;
  const error = answer?.errors[name];
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} error={error} />
      <textarea id={id} name={name} rows={3} required maxLength={NOTE_MAX} defaultValue={answer?.values[name]} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
