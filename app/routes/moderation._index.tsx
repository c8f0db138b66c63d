import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReasonOptions } from "#app/components/moderation/reason-options.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getModerationQueue, listQueueQuartiers, parseQueueCursor, type QueueRow } from "#app/modules/moderation/moderation-queries.server.ts";
import { parseQueueFilters, queueHref, SUBJECT_TYPES } from "#app/modules/moderation/moderation.schema.ts";

export const handle = { i18n: ["moderation"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.act");
  const params = new URL(request.url).searchParams;
  const filters = parseQueueFilters(params);
  const after = parseQueueCursor(params.get("apres"));
  const locale = await getLocale(request);
  const [t, queue, quartiers] = await Promise.all([getFixedT(locale, "moderation"), getModerationQueue(filters, after), listQueueQuartiers()]);
  const row = (r: QueueRow) => ({
    id: r.id,
    subjectType: r.subjectType,
    trigger: r.trigger,
    status: r.status,
    label: r.label,
    quartierName: r.quartierName,
    reportCount: r.reportCount,
    reportsSinceDecision: r.reportsSinceDecision,
    reasons: r.reasons,
    autoHidden: r.autoHiddenAt !== null,
    opened: formatDateTime(r.openedAt, locale),
    openedAt: r.openedAt.toISOString(),
    decided: r.decidedAt ? formatDateTime(r.decidedAt, locale) : null,
  });
  return json({
    title: t("queue.title"),
    filters,
    quartiers,
    waiting: queue.waiting.map(row),
    waitingTotal: queue.waitingTotal,
    nextHref: queue.next ? queueHref(filters, queue.next) : null,
    firstHref: after ? queueHref(filters) : null,
    decided: queue.decided.map(row),
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

export default function ModerationQueueRoute() {
  const { filters, quartiers, waiting, waitingTotal, nextHref, firstHref, decided } = useLoaderData<typeof loader>();
  const { t } = useTranslation("moderation");
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p>{t("queue.intro")}</p>
      <Form method="get" className="filter-form" aria-label={t("queue.filters.label")}>
        <div className="field">
          <label htmlFor="type">{t("queue.filters.kind")}</label>
          <select id="type" name="type" defaultValue={filters.kind ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            {SUBJECT_TYPES.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="motif">{t("queue.filters.reason")}</label>
          <select id="motif" name="motif" defaultValue={filters.reason ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            <ReasonOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="quartier">{t("queue.filters.quartier")}</label>
          <select id="quartier" name="quartier" defaultValue={filters.quartier ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            {quartiers.map((q) => (
              <option key={q.code} value={q.code} lang="fr">
                {q.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("queue.filters.submit")}
        </button>
      </Form>

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t("queue.waitingTitle", { count: waitingTotal })}</h2>
        {waiting.length ? <CaseList rows={waiting} /> : <p className="notice">{firstHref ? t("queue.pageEnd") : t("queue.empty")}</p>}
        {nextHref || firstHref ? (
          <nav className="pagination" aria-label={t("queue.pagination")}>
            <ul>
              {nextHref ? (
                <li>
                  <Link to={nextHref} rel="next">
                    {t("queue.next")}
                  </Link>
                </li>
              ) : null}
              {firstHref ? (
                <li>
                  <Link to={firstHref}>{t("queue.first")}</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
      <section aria-labelledby="decided-title">
        <h2 id="decided-title">{t("queue.decidedTitle")}</h2>
        {decided.length ? <CaseList rows={decided} /> : <p>{t("queue.noDecided")}</p>}
      </section>
    </>
  );
}

function CaseList({ rows }: { rows: Row[] }) {
  const { t } = useTranslation("moderation");
  return (
    <ol className="audit-entries moderation-cases">
      {rows.map((row) => (
        <li key={row.id} className="card">
          <h3>
            <Link to={`/moderation/${row.id}`}>
              {t(`kinds.${row.subjectType}`)}
              {row.label ? <span lang="fr"> · {row.label}</span> : null}
            </Link>
          </h3>
          <p>
            <span className="tag">{t(`status.${row.status}`)}</span>{" "}
            {row.trigger === "premoderation" ? <span className="tag tag-muted">{t("queue.premoderation")}</span> : null}{" "}
            {row.autoHidden ? <span className="tag tag-muted">{t("queue.autoHidden")}</span> : null}
          </p>
          <p>
            {row.quartierName ? <span lang="fr">{row.quartierName} · </span> : null}
            {t("queue.reportCount", { count: row.reportCount })}
            {row.reasons.length ? ` (${row.reasons.map((r) => t(`reasons.${r}` as never)).join(", ")})` : null}
          </p>
          <p>
            {t("queue.opened")} <time dateTime={row.openedAt}>{row.opened}</time>
            {row.decided ? ` · ${t("queue.decided", { date: row.decided })}` : null}
          </p>
          {row.reportsSinceDecision > 0 ? <p className="notice notice-warning">{t("queue.sinceDecision", { count: row.reportsSinceDecision })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
