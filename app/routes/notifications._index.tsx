/**
 * The person's notifications, newest first, 20 a page (« Plus anciennes »). Each says what moved, why the
 * person hears about it and when, and links to the place. POST intent=read-one | open (mark read, then go
 * to the place) | read-all (up to when the page was shown). Works without JavaScript; with it, marking
 * read happens in place and the header's count follows. Visiting the page marks nothing read.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#app/components/dates.ts";
import { JsMarker, submittedWithJs } from "#app/components/js-marker.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { markAllNotificationsRead, markNotificationRead } from "#app/modules/notifications/mark-notifications-read.server.ts";
import { countUnreadNotifications, listNotifications, parseNotificationCursor } from "#app/modules/notifications/notification-queries.server.ts";
import { NotificationActionSchema } from "#app/modules/notifications/notification.schema.ts";
import { describeNotification, UNREAD_COUNT_CAP } from "#app/modules/notifications/notification-text.ts";
import { relativeTime } from "#app/modules/notifications/relative-time.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["notifications"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const before = new URL(request.url).searchParams.get("avant") || null;
  const cursor = before === null ? null : parseNotificationCursor(before);
  if (before !== null && !cursor) throw new Response(null, { status: 400 });
  const locale = await getLocale(request);
  const [t, page, unread] = await Promise.all([getFixedT(locale, "notifications"), listNotifications(viewer.id, { before: cursor }), countUnreadNotifications(viewer.id)]);
  const now = new Date();
  return json(
    {
      title: t("page.title"),
      locale,
      unread,
      // « Tout marquer comme lu » reaches the notices that arrived before this moment, not one that came after.
      until: now.toISOString(),
      isFirstPage: cursor === null,
      nextCursor: page.nextCursor,
      items: page.items.map((item) => ({
        id: item.id,
        unread: item.readAt === null,
        ...describeNotification(t, item),
        at: item.createdAt.toISOString(),
        when: capitalized(relativeTime(item.createdAt, now, locale), locale),
        date: formatDateTime(item.createdAt, locale),
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

/** The page the form was on: its address without the `index` marker Remix adds to an index route's forms. */
function pageOf(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}

const capitalized = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

type ActionAnswer = { ok: true } | { error: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const here = pageOf(request);
  const form = await request.formData().catch(() => null);
  const parsed = form ? validateFormData(form, NotificationActionSchema) : null;
  if (!form || !parsed?.ok) return json<ActionAnswer>({ error: "page.invalid" }, { status: 400 });
  const withJs = submittedWithJs(form);
  const input = parsed.data;

  if (input.intent === "read-all") {
    await markAllNotificationsRead({ userId: viewer.id, until: input.until });
    return withJs ? json<ActionAnswer>({ ok: true }) : redirectWithFlash(here, "notifications:page.flashReadAll");
  }
  const result = await markNotificationRead({ userId: viewer.id, notificationId: input.id });
  if (result.status === "not_found") {
    if (withJs) return json<ActionAnswer>({ error: "page.notFound" }, { status: 404 });
    throw new Response(null, { status: 404 });
  }
  if (input.intent === "open") return redirect(result.href);
  return withJs ? json<ActionAnswer>({ ok: true }) : redirect(`${here}#notification-${input.id}`);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

export default function NotificationsRoute() {
  const { unread, until, items, isFirstPage, nextCursor, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("notifications");
  const readAll = useFetcher<ActionAnswer>();
  const countRef = useRef<HTMLParagraphElement>(null);
  const readAllDone = readAll.state === "idle" && readAll.data && "ok" in readAll.data;
  useEffect(() => {
    if (readAllDone) countRef.current?.focus();
  }, [readAllDone]);
  const error = actionData && "error" in actionData ? actionData.error : readAll.data && "error" in readAll.data ? readAll.data.error : null;

  return (
    <>
      <h1>{t("page.title")}</h1>
      <p>{t("page.intro")}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {t(error as never)}
        </p>
      ) : null}
      <div className="notifications-toolbar">
        <p ref={countRef} tabIndex={-1} className="result-count" aria-live="polite">
          {unread === 0 ? t("page.allRead") : unread > UNREAD_COUNT_CAP ? t("page.unreadMany", { count: UNREAD_COUNT_CAP }) : t("page.unreadCount", { count: unread })}
        </p>
        {unread > 0 ? (
          <readAll.Form method="post">
            <JsMarker />
            <input type="hidden" name="intent" value="read-all" />
            <input type="hidden" name="until" value={until} />
            <button type="submit" className="button button-secondary">
              {t("page.readAll")}
            </button>
          </readAll.Form>
        ) : null}
        <Link to="/compte/notifications">{t("page.settings")}</Link>
      </div>
      <section aria-labelledby="notifications-list-title">
        <h2 id="notifications-list-title" className="visually-hidden">
          {t("page.listTitle")}
        </h2>
        {items.length ? (
          <ol className="notification-list">
            {items.map((item) => (
              <NoticeItem key={item.id} item={item} locale={locale} />
            ))}
          </ol>
        ) : (
          <p className="notice">{isFirstPage ? t("page.empty") : t("page.emptyOlder")}</p>
        )}
      </section>
      {!isFirstPage || nextCursor ? (
        <nav className="pagination" aria-label={t("page.pagination")}>
          {!isFirstPage ? <Link to="/notifications">{t("page.newest")}</Link> : null}
          {nextCursor ? (
            <Link to={`/notifications?avant=${encodeURIComponent(nextCursor)}`} rel="next">
              {t("page.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** A click that opens the link where it is (not a new tab or window). */
const plainClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

function NoticeItem({ item, locale }: { item: Item; locale: string }) {
  const { t } = useTranslation("notifications");
  const fetcher = useFetcher<ActionAnswer>();
  const submit = useSubmit();
  const linkRef = useRef<HTMLAnchorElement>(null);
  // Shown read as soon as it is sent; back to unread if the post was refused.
  const marked = fetcher.formData?.get("intent") === "read-one" || Boolean(fetcher.data && "ok" in fetcher.data);
  const unread = item.unread && !marked;
  const failed = fetcher.state === "idle" && fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  // The button is gone once the notice is read: the focus goes to its link rather than to the page's top.
  useEffect(() => {
    if (marked) linkRef.current?.focus();
  }, [marked]);
  const sentenceId = `notification-${item.id}-text`;

  // With JavaScript, opening an unread notice marks it read on the way (a post that redirects to the place).
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!item.unread || !plainClick(event)) return;
    event.preventDefault();
    submit({ intent: "open", id: item.id }, { method: "post" });
  };

  return (
    <li id={`notification-${item.id}`} className={`notification${unread ? " notification-unread" : ""}`}>
      <p className="notification-state">
        {unread ? <span className="tag tag-warning">{t("page.unread")}</span> : <span className="visually-hidden">{t("page.read")}</span>}
      </p>
      <p id={sentenceId} className="notification-sentence">
        <Link ref={linkRef} to={item.href} onClick={open}>
          {item.sentence}
        </Link>
      </p>
      {item.detail ? (
        <p className="notification-detail" lang={contentLang(locale)}>
          {item.detail}
        </p>
      ) : null}
      <p className="notification-meta">
        <time dateTime={item.at} title={item.date}>
          {item.when}
        </time>
        <span aria-hidden="true"> · </span>
        {item.why}
      </p>
      {failed ? (
        <p className="notice notice-error" role="alert">
          {t(failed as never)}
        </p>
      ) : null}
      {unread ? (
        <fetcher.Form method="post" className="notification-read">
          <JsMarker />
          <input type="hidden" name="intent" value="read-one" />
          <input type="hidden" name="id" value={item.id} />
          <button type="submit" className="link-button" aria-describedby={sentenceId}>
            {t("page.readOne")}
          </button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
