import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { auditLabels } from "#app/components/audit/audit-labels.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { isAuditSubjectType, listAuditEntries, listAuditSubjectTypes, parseAuditCursor } from "#app/modules/audit/audit-queries.server.ts";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

export const handle = { i18n: ["admin"] };
export const meta = pageMeta;

/** The one entry written by the platform itself (no actor): the automatic hiding at the reports threshold. */
const AUTOMATIC_ACTION = "moderation.auto_hide";

/** The log shows every kind of entry the code writes, in words (app/components/audit/audit-labels.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.read");
  const url = new URL(request.url);
  const type = url.searchParams.get("type") || null;
  const before = url.searchParams.get("avant") || null;
  const cursor = before === null ? null : parseAuditCursor(before);
  if ((type !== null && !isAuditSubjectType(type)) || (before !== null && !cursor)) throw new Response(null, { status: 400 });
  const locale = await getLocale(request);
  const [t, page, subjectTypes] = await Promise.all([getFixedT(locale, "admin"), listAuditEntries({ subjectType: type, before: cursor }), listAuditSubjectTypes()]);
  return json({
    title: t("audit.title"),
    locale,
    type,
    subjectTypes,
    isFirstPage: cursor === null,
    nextCursor: page.nextCursor,
    entries: page.entries.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      date: formatDateTime(e.createdAt, locale),
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      actorName: e.actorName,
      reason: e.reason,
      changes: Object.entries(e.changes ?? {}).map(([field, change]) => ({ field, before: displayValue(change?.before), after: displayValue(change?.after) })),
    })),
  });
}

function displayValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default function AuditLogRoute() {
  const { entries, subjectTypes, type, isFirstPage, nextCursor, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const fr = contentLang(locale);
  const labels = auditLabels(t);
  const typeQuery = type ? `type=${encodeURIComponent(type)}&` : "";
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>

      <Form method="get" className="filter-form" aria-label={t("audit.filter.legend")}>
        <div className="field">
          <label htmlFor="type">{t("audit.filter.label")}</label>
          <select id="type" name="type" defaultValue={type ?? ""}>
            <option value="">{t("audit.filter.all")}</option>
            {subjectTypes.map((s) => (
              <option key={s} value={s}>
                {labels.subject(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("audit.filter.submit")}
        </button>
      </Form>

      {entries.length === 0 ? (
        <p className="notice">{type ? t("audit.emptyFiltered") : t("audit.empty")}</p>
      ) : (
        <ol className="audit-entries">
          {entries.map((entry) => (
            <li key={entry.id} className="card audit-entry">
              <h2>
                {t("audit.entryTitle", {
                  action: labels.action(entry.action),
                  subject: labels.subject(entry.subjectType),
                  id: entry.subjectId,
                })}
              </h2>
              <p>
                <time dateTime={entry.createdAt}>{entry.date}</time> · {t("audit.by", { actor: entry.actorName ?? (entry.action === AUTOMATIC_ACTION ? t("audit.automatic") : t("audit.unknownActor")) })}
              </p>
              {entry.reason ? <p>{t("audit.reason", { reason: labels.reason(entry.reason) })}</p> : null}
              {entry.changes.length ? (
                <dl className="audit-changes" aria-label={t("audit.changesLabel")}>
                  {entry.changes.map((change) => (
                    <div key={change.field}>
                      <dt>{t(`audit.fields.${change.field}`, { defaultValue: change.field })}</dt>
                      <dd>
                        <span className="audit-value">
                          <span className="audit-value-label">{t("audit.before")}</span> <span lang={change.before === null ? undefined : fr}>{change.before === null ? t("audit.emptyValue") : labels.changeValue(change.field, change.before)}</span>
                        </span>
                        <span className="audit-value">
                          <span className="audit-value-label">{t("audit.after")}</span> <span lang={change.after === null ? undefined : fr}>{change.after === null ? t("audit.emptyValue") : labels.changeValue(change.field, change.after)}</span>
                        </span>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {nextCursor || !isFirstPage ? (
        <nav aria-label={t("audit.pagination")} className="form-actions">
          {nextCursor ? (
            <Link to={`/admin/journal?${typeQuery}avant=${encodeURIComponent(nextCursor)}`} className="button button-secondary">
              {t("audit.older")}
            </Link>
          ) : null}
          {!isFirstPage ? <Link to={type ? `/admin/journal?type=${encodeURIComponent(type)}` : "/admin/journal"}>{t("audit.newest")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
