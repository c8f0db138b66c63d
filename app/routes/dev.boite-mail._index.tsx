import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { searchText } from "#app/modules/forms/text.ts";
import { listMailbox, requireMailboxReader } from "#app/modules/email/mailbox.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { dateFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["mailbox"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMailboxReader(request);
  const url = new URL(request.url);
  const page = Math.min(Math.max(Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1, 1), 1000);
  const recipient = searchText(url.searchParams.get("destinataire") ?? "", 254).toLowerCase() || null;
  const locale = await getLocale(request);
  const [t, { messages, hasMore }] = await Promise.all([getFixedT(locale, "mailbox"), listMailbox({ page, recipient })]);
  return json({ title: t("list.title"), locale, page, recipient, messages, hasMore });
}

export default function MailboxRoute() {
  const { locale, page, recipient, messages, hasMore } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mailbox");
  const dates = dateFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(recipient ? { destinataire: recipient } : {}), page: String(n) })}`;
  return (
    <div className="mailbox">
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      <Form method="get" className="form mailbox-filter">
        <div className="field">
          <label htmlFor="destinataire">{t("list.filterLabel")}</label>
          <input id="destinataire" name="destinataire" type="email" defaultValue={recipient ?? ""} autoComplete="off" spellCheck={false} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-small">
            {t("list.filterSubmit")}
          </button>
          {recipient ? <Link to="/dev/boite-mail">{t("list.filterClear")}</Link> : null}
        </div>
      </Form>
      {messages.length === 0 ? (
        <p className="notice">{t("list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{recipient ? t("list.captionFor", { recipient, page }) : t("list.caption", { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.date")}</th>
                <th scope="col">{t("fields.to")}</th>
                <th scope="col">{t("fields.subject")}</th>
                <th scope="col">{t("fields.delivery")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{dates.format(new Date(m.createdAt))}</td>
                  <td className="mailbox-address">{m.to}</td>
                  <td>
                    <Link to={`/dev/boite-mail/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{t(`delivery.${m.delivery}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label={t("list.pagination")} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("list.newer")}</Link> : null}
          {hasMore ? <Link to={pageLink(page + 1)}>{t("list.older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
