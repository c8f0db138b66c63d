import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { PageHydratesProvider, useRoutesHydrate } from "#app/components/app-link.tsx";
import { useChangeLanguage } from "remix-i18next/react";
import { KNOWN_ERROR_STATUSES, RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { SiteLayout } from "#app/components/site-layout.tsx";
import { useNonce } from "#app/components/nonce.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can, writeBlock } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { fallbackLng } from "#app/modules/i18n/i18n.ts";
import { popFlash } from "#app/modules/platform/flash.server.ts";
import { countUnreadNotifications } from "#app/modules/notifications/notification-queries.server.ts";
import { notificationBell } from "#app/modules/notifications/notification-text.ts";
import stylesheet from "#app/styles/app.css";
import { dateFormat } from "#app/components/dates.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: ["common"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, viewer, flash] = await Promise.all([getLocale(request), getViewer(request), popFlash(request)]);
  // One indexed count for the header's bell; anonymous visitors cost no query.
  const [t, unread] = await Promise.all([getFixedT(locale), viewer ? countUnreadNotifications(viewer.id) : null]);
  const block = viewer ? writeBlock(viewer) : null;
  const day = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
  return json(
    {
      locale,
      siteName: t("layout.siteName"),
      errorTitles: Object.fromEntries(KNOWN_ERROR_STATUSES.map((s) => [s, t(`errors.${s}.title`)])),
      // Translated here, so a flash from any namespace shows even before that namespace reaches the browser.
      flash: flash.message ? t(flash.message) : null,
      viewer: viewer
        ? {
            displayName: viewer.displayName,
            emailVerified: viewer.emailVerified,
            canAdminister: can(viewer, "roles.manage") || can(viewer, "referential.edit"),
            canModerate: can(viewer, "moderation.act"),
            canGovern: can(viewer, "governance.manage"),
            notifications: notificationBell(t, unread ?? 0),
            // Told on every page: a suspended account reads but does not write; a new charter waits to be accepted.
            notice:
              block?.reason === "suspended"
                ? { kind: "suspended" as const, text: t("writeBlocked.suspendedBanner", { date: day.format(block.until) }) }
                : block?.reason === "charter"
                  ? { kind: "charter" as const, text: t("writeBlocked.charterBanner") }
                  : null,
          }
        : null,
    },
    { headers: flash.headers },
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? fallbackLng;
  const nonce = useNonce();
  // Read-only pages (handle.hydrate === false) ship no JavaScript at all: on a cheap phone they are
  // plain HTML. Pages with forms hydrate, for instant validation and in-place updates.
  const hydrate = useRoutesHydrate();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <PageHydratesProvider value={hydrate}>{children}</PageHydratesProvider>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { locale, viewer, flash } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    <SiteLayout viewer={viewer} locale={locale} flash={flash}>
      <Outlet />
    </SiteLayout>
  );
}

export function ErrorBoundary() {
  return (
    <SiteLayout viewer={null} locale={fallbackLng} flash={null}>
      <RouteErrorBoundary />
    </SiteLayout>
  );
}
