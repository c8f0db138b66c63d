import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, numberFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { MAX_ATTEMPTS } from "#app/modules/email/dispatch-outbox.server.ts";
import { OutboxActionSchema } from "#app/modules/email/outbox-admin.schema.ts";
import { countOutboxByStatus, FAILED_MAX_PAGE, listFailedEmails } from "#app/modules/email/outbox-queries.server.ts";
import { retryAllFailedEmails, retryFailedEmail } from "#app/modules/email/retry-emails.server.ts";
import { env } from "#app/env.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["outboxAdmin", "admin"] };
export const meta = pageMeta;

const PAGE = "/admin/courriels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outbox.manage");
  const requested = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  const page = Math.min(Math.max(Number.isFinite(requested) ? requested : 1, 1), FAILED_MAX_PAGE);
  const locale = await getLocale(request);
  const [t, counts, failed] = await Promise.all([getFixedT(locale, "outboxAdmin"), countOutboxByStatus(), listFailedEmails({ page })]);
  return json({
    title: t("title"),
    locale,
    page,
    // In the order a message goes through them.
    counts: (["pending", "sending", "sent", "failed"] as const).map((status) => ({ status, count: counts[status] })),
    failedCount: counts.failed,
    maxAttempts: MAX_ATTEMPTS,
    hasProvider: Boolean(env.RESEND_API_KEY),
    hasMore: failed.hasMore,
    messages: failed.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), date: formatDateTime(m.createdAt, locale) })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "outbox.manage");
  const parsed = await parseForm(request, OutboxActionSchema);
  // Nothing in these forms is typed: a bad id can only be a message that cannot be found.
  if (!parsed.ok) return json({ error: parsed.errors.id ? "outboxAdmin:validation.unknownMessage" : "common:validation.invalidForm" }, { status: 400 });
  if (parsed.data.intent === "retry_all") {
    const { count } = await retryAllFailedEmails({ actorId: viewer.id });
    return redirectWithFlash(PAGE, count ? "outboxAdmin:flash.retriedAll" : "outboxAdmin:flash.nothingToRetry");
  }
  const result = await retryFailedEmail({ actorId: viewer.id, id: parsed.data.id });
  return redirectWithFlash(PAGE, result.status === "ok" ? "outboxAdmin:flash.retried" : "outboxAdmin:flash.nothingToRetry");
}

export default function OutboxAdminRoute() {
  const { locale, page, counts, failedCount, maxAttempts, hasProvider, hasMore, messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("outboxAdmin");
  const numbers = numberFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro", { maxAttempts })}</p>
      {hasProvider ? null : <p className="notice notice-warning">{t("noProvider")}</p>}
      {actionData ? (
        <p className="notice notice-error" role="alert">
          {t(actionData.error as never)}
        </p>
      ) : null}

      <section aria-labelledby="outbox-counts">
        <h2 id="outbox-counts">{t("counts.title")}</h2>
        <dl className="facts">
          {counts.map(({ status, count }) => (
            <div key={status}>
              <dt>{t(`counts.${status}`)}</dt>
              <dd>{numbers.format(count)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="outbox-failed">
        <h2 id="outbox-failed">{t("failed.title")}</h2>
        {failedCount > 0 ? (
          <>
            <p>{t("failed.retryAllHint", { count: failedCount })}</p>
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="retry_all" />
              <button type="submit" className="button">
                {t("failed.retryAll")}
              </button>
            </Form>
          </>
        ) : null}
        {messages.length === 0 ? (
          <p className="notice">{page > 1 ? t("failed.emptyPage") : t("failed.empty")}</p>
        ) : (
          <ol className="audit-entries">
            {messages.map((m) => (
              <li key={m.id} className="card audit-entry">
                <h3>{m.subject}</h3>
                <dl className="facts">
                  <div>
                    <dt>{t("failed.to")}</dt>
                    <dd>{m.to}</dd>
                  </div>
                  <div>
                    <dt>{t("failed.template")}</dt>
                    <dd>
                      <code>{m.template}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("failed.attempts")}</dt>
                    <dd>{numbers.format(m.attempts)}</dd>
                  </div>
                  <div>
                    <dt>{t("failed.createdAt")}</dt>
                    <dd>
                      <time dateTime={m.createdAt}>{m.date}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("failed.error")}</dt>
                    <dd className="break-anywhere">{m.error ?? t("failed.noError")}</dd>
                  </div>
                </dl>
                <Form method="post">
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="id" value={m.id} />
                  <button type="submit" className="button button-secondary button-small">
                    {t("failed.retry")}
                    <span className="visually-hidden"> {t("failed.retryWhich", { subject: m.subject, to: m.to })}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        )}
        {page > 1 || hasMore ? (
          <nav aria-label={t("failed.pagination")} className="pagination">
            {page > 1 ? <Link to={`${PAGE}?page=${page - 1}`}>{t("failed.newer")}</Link> : null}
            {hasMore ? <Link to={`${PAGE}?page=${page + 1}`}>{t("failed.older")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
