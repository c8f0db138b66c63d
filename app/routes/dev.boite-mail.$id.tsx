import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getMailboxMessage, requireMailboxReader } from "#app/modules/email/mailbox.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { dateFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["mailbox"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxReader(request);
  const message = await getMailboxMessage(params.id ?? "");
  if (!message) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "mailbox");
  // The files' contents are downloaded from their own route; the page only lists their names.
  const { html: _html, attachments, ...rest } = message;
  const shown = { ...rest, attachments: attachments?.map((a) => ({ filename: a.filename })) ?? null };
  return json({ title: `${message.subject} · ${t("list.title")}`, locale, message: shown });
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text body with its web addresses made clickable (as text: nothing in it is interpreted). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function MailboxMessageRoute() {
  const { message, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("mailbox");
  const dates = dateFormat(locale, { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="mailbox">
      <nav aria-label={t("message.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/dev/boite-mail">{t("list.title")}</Link>
          </li>
          <li aria-current="page">{message.subject}</li>
        </ol>
      </nav>
      <h1>{message.subject}</h1>
      <dl className="account-details">
        <div>
          <dt>{t("fields.to")}</dt>
          <dd className="mailbox-address">{message.to}</dd>
        </div>
        <div>
          <dt>{t("fields.date")}</dt>
          <dd>{dates.format(new Date(message.createdAt))}</dd>
        </div>
        <div>
          <dt>{t("fields.template")}</dt>
          <dd>
            <code>{message.template}</code>
          </dd>
        </div>
        <div>
          <dt>{t("fields.delivery")}</dt>
          <dd>
            {message.delivery === "failed" || message.delivery === "retrying" ? t(`delivery.${message.delivery}With`, { error: message.error }) : t(`delivery.${message.delivery}`)}
          </dd>
        </div>
      </dl>
      <h2>{t("message.textTitle")}</h2>
      <div className="mail-text">
        <LinkedText text={message.text} />
      </div>
      <p>
        <a href={`/dev/boite-mail/${message.id}/html`}>{t("message.htmlLink")}</a>
      </p>
      {message.attachments?.length ? (
        <>
          <h2>{t("message.attachmentsTitle")}</h2>
          <ul>
            {message.attachments.map((attachment, index) => (
              <li key={index}>
                <a href={`/dev/boite-mail/${message.id}/pieces-jointes/${index}`} download={attachment.filename}>
                  {t("message.download", { filename: attachment.filename })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
