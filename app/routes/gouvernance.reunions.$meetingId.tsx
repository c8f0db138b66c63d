import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { AddFollowupForm, AddFreeForm, Fact, FormRefusal, PublishForm } from "#app/components/governance/agenda-forms.tsx";
import { AgendaItem } from "#app/components/governance/agenda-item.tsx";
import { PrintableAgenda } from "#app/components/governance/agenda-print.tsx";
import type { AgendaActionData, AgendaItemView, MeetingStatusView, MeetingView } from "#app/components/governance/agenda-types.ts";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { addFollowupItem, addFreeItem, editItem, moveItem, removeItem, type AgendaResult } from "#app/modules/governance/agenda-items.server.ts";
import { getAgendaItems, getMeeting, getSessionsWithMinutes } from "#app/modules/governance/agenda-queries.server.ts";
import { AGENDA_INTENTS, AddFollowupSchema, AddFreeSchema, CorrectSchema, DecideItemSchema, EditItemSchema, MoveSchema, PublishSchema, RemoveSchema, type AgendaIntent } from "#app/modules/governance/agenda.schema.ts";
import { correctDecision } from "#app/modules/governance/correct-decision.server.ts";
import { publishDecisions } from "#app/modules/governance/publish-decisions.server.ts";
import { recordDecision } from "#app/modules/governance/record-decision.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import agendaStyles from "#app/styles/copil-agenda.css";

export const handle = { i18n: ["copil"] };
export const meta = pageMeta;
// The agenda prints on A4: this page's print rules only.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];

/**
 * A governance meeting's agenda and decisions, for coordinators: build the agenda while it is planned
 * (and print it), record each item's decision once it is held, publish the relevé, then correct a
 * published decision with a dated note. `?imprimer` shows the agenda alone, ready to print.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const meetingId = parseUuid(params.meetingId);
  const meeting = meetingId ? await getMeeting(meetingId) : null;
  if (!meeting) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const print = new URL(request.url).searchParams.has("imprimer");
  const [t, rows, sessions] = await Promise.all([getFixedT(locale, "copil"), getAgendaItems(meeting.id), meeting.status === "planned" && !print ? getSessionsWithMinutes() : Promise.resolve([])]);
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : null);
  const meetingView: MeetingView = {
    id: meeting.id,
    bodyKey: meeting.bodyKey,
    bodyName: meeting.bodyName,
    title: meeting.title,
    date: formatDateTime(meeting.startsAt, locale),
    place: meeting.place,
    status: meeting.status,
    summary: meeting.summary,
    published: date(meeting.publishedAt),
  };
  const items: AgendaItemView[] = rows.map((row, i) => ({
    id: row.id,
    number: i + 1,
    kind: row.kind,
    title: row.title,
    details: row.details,
    decision: row.decision,
    publicReasons: row.publicReasons,
    decided: date(row.decidedAt),
    decidedByName: row.decidedByName,
    laboSessionId: row.laboSessionId,
    proposal: row.proposalId
      ? {
          id: row.proposalId,
          status: row.proposalStatus ?? "",
          version: row.proposalVersion ?? 0,
          hidden: row.proposalHidden !== null,
          supportCount: row.supportCount ?? 0,
          ambitionNumber: row.ambitionNumber ?? 0,
          ambitionTitle: row.ambitionTitle,
          quartierName: row.quartierName,
          partnerName: row.partnerName,
          publicAnalysis: row.publicAnalysis || null,
        }
      : null,
    corrections: row.corrections.map((c) => ({ id: c.id, text: c.text, when: formatDateTime(c.createdAt, locale), actorName: c.actorName })),
  }));
  return json({
    title: print ? t("print.pageTitle", { title: meeting.title }) : t("page.title", { title: meeting.title }),
    print,
    meeting: meetingView,
    items,
    undecided: items.filter((i) => i.kind === "proposal" && !(i.decision && i.publicReasons)).length,
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, followUps: s.followUps ?? "", label: `${s.title} (${formatDateTime(s.startsAt, locale)})` })),
  });
}

type Refusal = { status: number; key: string };
const REFUSALS: Record<string, Refusal> = {
  item_not_found: { status: 404, key: "copil:errors.itemNotFound" },
  not_planned: { status: 409, key: "copil:errors.notPlanned" },
  not_held: { status: 409, key: "copil:errors.notHeld" },
  published: { status: 409, key: "copil:errors.published" },
  already_published: { status: 409, key: "copil:errors.alreadyPublished" },
  undecided: { status: 409, key: "copil:errors.undecided" },
  conflict: { status: 409, key: "copil:errors.conflict" },
  not_published: { status: 409, key: "copil:errors.notPublished" },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "governance.manage");
  const meetingId = parseUuid(params.meetingId);
  if (!meetingId) throw new Response(null, { status: 404 });
  const formData = await request.formData().catch(() => null);
  const rawIntent = String(formData?.get("intent") ?? "");
  if (!formData || !(AGENDA_INTENTS as readonly string[]).includes(rawIntent)) {
    return json<AgendaActionData>({ intent: null, errors: { form: "copil:errors.unknownIntent" }, values: {} }, { status: 400 });
  }
  const intent = rawIntent as AgendaIntent;
  const typed = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
  const itemId = typeof typed.itemId === "string" ? typed.itemId : undefined;
  const invalid = (errors: Record<string, string>, values: Record<string, string> = typed) => json<AgendaActionData>({ intent, itemId, errors, values }, { status: 400 });
  const refuse = (status: string, titles?: string[]) => {
    const refusal = REFUSALS[status] ?? { status: 409, key: "copil:errors.conflict" };
    const key = intent === "publish" && status === "conflict" ? "copil:errors.publishConflict" : refusal.key;
    return json<AgendaActionData>({ intent, itemId, errors: { form: key }, values: typed, titles }, { status: refusal.status });
  };
  const actor = { id: viewer.id };
  const done = (anchor?: string) => redirectWithFlash(`/gouvernance/reunions/${meetingId}${anchor ? `#point-${anchor}` : ""}`, `copil:flash.${intent}`);

  let result: AgendaResult | Awaited<ReturnType<typeof recordDecision>> | Awaited<ReturnType<typeof publishDecisions>> | Awaited<ReturnType<typeof correctDecision>>;
  switch (intent) {
    case "add_followup": {
      const parsed = validateFormData(formData, AddFollowupSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      result = await addFollowupItem({ actor, meetingId, input: parsed.data });
      if (result.status === "session_not_found") return invalid({ laboSessionId: "copil:validation.sessionRequired" });
      break;
    }
    case "add_free": {
      const parsed = validateFormData(formData, AddFreeSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      result = await addFreeItem({ actor, meetingId, input: parsed.data });
      break;
    }
    case "edit_item": {
      const parsed = validateFormData(formData, EditItemSchema);
      if (!parsed.ok) return parsed.errors.itemId ? refuse("item_not_found") : invalid(parsed.errors, parsed.values);
      result = await editItem({ actor, meetingId, input: parsed.data });
      break;
    }
    case "move": {
      const parsed = validateFormData(formData, MoveSchema);
      if (!parsed.ok) return parsed.errors.itemId ? refuse("item_not_found") : invalid(parsed.errors, parsed.values);
      result = await moveItem({ actor, meetingId, itemId: parsed.data.itemId, direction: parsed.data.direction });
      break;
    }
    case "remove": {
      const parsed = validateFormData(formData, RemoveSchema);
      if (!parsed.ok) return refuse("item_not_found");
      result = await removeItem({ actor, meetingId, itemId: parsed.data.itemId, version: parsed.data.version });
      break;
    }
    case "decide": {
      const parsed = validateFormData(formData, DecideItemSchema);
      if (!parsed.ok) return parsed.errors.itemId ? refuse("item_not_found") : invalid(parsed.errors, parsed.values);
      result = await recordDecision({ actor, meetingId, itemId: parsed.data.itemId, decision: parsed.data.decision, publicReasons: parsed.data.publicReasons });
      if (result.status === "invalid") return invalid(result.errors);
      break;
    }
    case "publish": {
      const parsed = validateFormData(formData, PublishSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const published = await publishDecisions({ actor, meetingId, summary: parsed.data.summary });
      if (published.status === "undecided" || published.status === "conflict") return refuse(published.status, published.titles);
      result = published;
      break;
    }
    case "correct": {
      const parsed = validateFormData(formData, CorrectSchema);
      if (!parsed.ok) return parsed.errors.itemId ? refuse("item_not_found") : invalid(parsed.errors, parsed.values);
      result = await correctDecision({ actor, meetingId, itemId: parsed.data.itemId, text: parsed.data.text });
      break;
    }
  }
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status !== "ok") return refuse(result.status);
  const anchor = intent === "remove" || intent === "publish" ? undefined : "itemId" in result && result.itemId ? result.itemId : itemId;
  return done(anchor);
}

/** The print button needs JavaScript: rendered once it runs, so a page without it offers no dead button. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The meeting states in which the page offers each form, and the forms that concern one point. */
const FORM_STATES: Record<AgendaIntent, readonly MeetingStatusView[]> = {
  add_followup: ["planned"],
  add_free: ["planned"],
  edit_item: ["planned"],
  move: ["planned"],
  remove: ["planned", "held"],
  decide: ["held"],
  publish: ["held"],
  correct: ["published"],
};
const ITEM_INTENTS: readonly AgendaIntent[] = ["edit_item", "move", "remove", "decide", "correct"];

/**
 * A refusal for a form the page no longer shows (the meeting moved on, the point was removed by someone
 * else) is said at the top of the page, or the person would see their form gone without a word.
 */
function refusalWithoutForm(answer: AgendaActionData | undefined, status: MeetingStatusView, items: { id: string }[]): AgendaActionData | undefined {
  if (!answer || answer.intent === null) return answer;
  const pointGone = ITEM_INTENTS.includes(answer.intent) && !items.some((item) => item.id === answer.itemId);
  if (!pointGone && FORM_STATES[answer.intent].includes(status)) return undefined;
  if (answer.errors.form) return answer;
  const why = pointGone ? "itemNotFound" : status === "published" ? "published" : answer.intent === "correct" ? "notPublished" : status === "held" ? "notPlanned" : "notHeld";
  return { ...answer, errors: { form: `copil:errors.${why}` } };
}

export default function MeetingAgendaRoute() {
  const { meeting, items, print, sessions, undecided } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AgendaActionData | undefined;
  const { t } = useTranslation("copil");
  const hydrated = useHydrated();
  const here = `/gouvernance/reunions/${meeting.id}`;

  if (print) {
    return (
      <div className="agenda-print-page">
        <div className="no-print agenda-print-tools">
          <p>
            <Link to={here}>{t("print.back")}</Link>
          </p>
          <p className="field-hint">{t("print.hint")}</p>
          {hydrated ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t("print.button")}
            </button>
          ) : null}
        </div>
        <PrintableAgenda meeting={meeting} items={items} />
      </div>
    );
  }

  return (
    <div className="copil-page">
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.governance"), to: "/gouvernance" },
          { label: meeting.title },
        ]}
      />
      <p className="eyebrow">{meeting.bodyName}</p>
      <h1>{meeting.title}</h1>
      <dl className="facts">
        <Fact label={t("meeting.date")}>{meeting.date}</Fact>
        {meeting.place ? <Fact label={t("meeting.place")}>{meeting.place}</Fact> : null}
        <Fact label={t("meeting.status")}>
          {t(`status.${meeting.status}`)}
          {meeting.published ? ` · ${t("meeting.publishedOn", { date: meeting.published })}` : null}
        </Fact>
      </dl>
      <ul className="agenda-links no-print">
        {meeting.status !== "published" ? (
          <li>
            <Link to={`${here}/modifier`}>{meeting.status === "planned" ? t("links.editOrHeld") : t("links.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${here}?imprimer`}>{t("links.print")}</Link>
        </li>
        <li>
          <Link to={`/instances/${meeting.bodyKey}/${meeting.id}`}>{t("links.public")}</Link>
        </li>
      </ul>
      <p className="notice no-print">{t(`guide.${meeting.status}`)}</p>
      <FormRefusal answer={refusalWithoutForm(actionData, meeting.status, items)} />

      <section className="section" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("agenda.title", { count: items.length })}</h2>
        {items.length ? (
          <ol className="agenda-items">
            {items.map((item, i) => (
              <AgendaItem key={item.id} item={item} status={meeting.status} first={i === 0} last={i === items.length - 1} actionData={actionData} />
            ))}
          </ol>
        ) : (
          <p>{meeting.status === "planned" ? t("agenda.emptyPlanned") : t("agenda.empty")}</p>
        )}
      </section>

      {meeting.status === "planned" ? (
        <section className="section no-print" aria-labelledby="add-title">
          <h2 id="add-title">{t("add.title2")}</h2>
          <p>{t("add.intro")}</p>
          <div className="agenda-add">
            {/* Keyed by the agenda's length: once an item is added, its form starts empty again. */}
            <AddFollowupForm key={`f${items.length}`} sessions={sessions} actionData={actionData} />
            <AddFreeForm key={`a${items.length}`} actionData={actionData} />
          </div>
        </section>
      ) : null}

      {meeting.status === "held" ? (
        <section className="section no-print">
          <PublishForm summary={meeting.summary} undecided={undecided} actionData={actionData} />
        </section>
      ) : null}

      {meeting.status === "published" && meeting.summary ? (
        <section className="section" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("publish.summaryTitle")}</h2>
          <RichText text={meeting.summary} />
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
