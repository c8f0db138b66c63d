import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getNotificationPreferences } from "#app/modules/notification-emails/preference-queries.server.ts";
import { unsubscribe } from "#app/modules/notification-emails/save-notification-preferences.server.ts";
import { scopeRhythm, unsubscribeQuery, verifyUnsubscribe } from "#app/modules/notification-emails/unsubscribe-token.server.ts";

// A plain form: no JavaScript needed.
export const handle = { i18n: ["notificationSettings"], hydrate: false };
export const meta = pageMeta;
// The address holds a signature: no cache keeps the page.
const PRIVATE_HEADERS = { "Cache-Control": "no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

function linkOf(request: Request) {
  const query = new URL(request.url).searchParams;
  return verifyUnsubscribe({ u: query.get("u"), c: query.get("c"), s: query.get("s") });
}

/**
 * The « Ne plus recevoir ces messages » link of notification emails: no sign-in, the signed link is the
 * authority. A GET only shows what will stop and a button (mail scanners open links); the POST does it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(await getLocale(request), "notificationSettings");
  const link = linkOf(request);
  if (!link.ok) return json({ title: t("unsubscribe.invalidTitle"), page: { state: "invalid" as const } }, { status: 400, headers: PRIVATE_HEADERS });
  const rhythm = scopeRhythm(link.scope);
  // A digest names the categories it carries today: those the person has on its rhythm.
  const covers = rhythm ? Object.entries(await getNotificationPreferences(link.userId)).flatMap(([category, frequency]) => (frequency === rhythm ? [category] : [])) : [];
  return json(
    { title: t("unsubscribe.title"), page: { state: "confirm" as const, scope: link.scope, rhythm, covers, query: unsubscribeQuery(link.userId, link.scope) } },
    { headers: PRIVATE_HEADERS },
  );
}

/**
 * From the page's button, or from a mail client's own button (RFC 8058: a POST of
 * `List-Unsubscribe=One-Click` to the link, without cookie or Origin; request-guards lets this path
 * through). The body says nothing the link does not: it is not read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const t = await getFixedT(await getLocale(request), "notificationSettings");
  const link = linkOf(request);
  if (!link.ok) return json({ title: t("unsubscribe.invalidTitle"), done: { state: "invalid" as const } }, { status: 400, headers: PRIVATE_HEADERS });
  const result = await unsubscribe(link.userId, link.scope);
  if (result.status === "unknown_user") return json({ title: t("unsubscribe.goneTitle"), done: { state: "gone" as const } }, { status: 404, headers: PRIVATE_HEADERS });
  return json({ title: t("unsubscribe.doneTitle"), done: { state: "done" as const } }, { headers: PRIVATE_HEADERS });
}

export default function UnsubscribeRoute() {
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("notificationSettings");
  const done = actionData?.done;

  if (page.state === "invalid" || done?.state === "invalid") {
    return (
      <section className="text-page" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t("unsubscribe.invalidTitle")}</h1>
        <p>{t("unsubscribe.invalid")}</p>
        <p>
          <Link to="/compte/notifications">{t("unsubscribe.preferencesLink")}</Link>
        </p>
      </section>
    );
  }
  if (done?.state === "gone") {
    return (
      <section className="text-page" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t("unsubscribe.goneTitle")}</h1>
        <p>{t("unsubscribe.gone")}</p>
      </section>
    );
  }
  const { scope, rhythm } = page;
  if (done?.state === "done") {
    return (
      <section className="text-page" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t("unsubscribe.doneTitle")}</h1>
        <p>{rhythm ? t("unsubscribe.doneDigest", { rhythm: t(`unsubscribe.rhythm_${rhythm}`) }) : t("unsubscribe.doneCategory", { about: t(`categories.${scope}.about`) })}</p>
        <p>{t("unsubscribe.stillVisible")}</p>
        <p>{t("unsubscribe.preferences")}</p>
        <p>
          <Link to="/compte/notifications">{t("unsubscribe.preferencesLink")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="text-page" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t("unsubscribe.title")}</h1>
      <p>{rhythm ? t(`unsubscribe.digest_${rhythm}`) : t("unsubscribe.category", { about: t(`categories.${scope}.about`) })}</p>
      {page.covers.length ? <p>{t("unsubscribe.digestCovers", { list: page.covers.map((c) => t(`categories.${c}.about`)).join(", ") })}</p> : null}
      <p>{t("unsubscribe.stillVisible")}</p>
      <Form method="post" action={`/notifications/desabonnement?${page.query}`}>
        <button type="submit" className="button">
          {t("unsubscribe.confirm")}
        </button>
      </Form>
      <p>
        <Link to="/compte/notifications">{t("unsubscribe.preferencesLink")}</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
