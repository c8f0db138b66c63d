import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { PageSection, TextList, translatedList } from "#app/components/static-page.tsx";
import { CHARTER_DATE, CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { dateFormat } from "#app/components/dates.ts";

// Read-only: no JavaScript is sent (see root.tsx).
export const handle = { i18n: ["charter"], hydrate: false };
export const meta = pageMeta;

// Public: everyone may read the rules before signing up.
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, threshold] = await Promise.all([getFixedT(locale, "charter"), getSetting("moderation.autoHideThreshold")]);
  const date = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(`${CHARTER_DATE}T12:00:00Z`));
  return json({ title: t("title"), description: t("description"), version: CHARTER_VERSION, date, threshold });
}

export default function CharterRoute() {
  const { version, date, threshold } = useLoaderData<typeof loader>();
  const { t } = useTranslation("charter");
  const list = (key: string) => translatedList(t as never, key);
  return (
    <article className="text-page">
      <h1>{t("heading")}</h1>
      <p className="field-hint">{t("version", { version, date })}</p>
      {list("intro").map((p) => (
        <p key={p}>{p}</p>
      ))}
      <PageSection id="bienvenu" title={t("welcome.title")}>
        <TextList items={list("welcome.items")} />
      </PageSection>
      <PageSection id="interdit" title={t("forbidden.title")}>
        <TextList items={list("forbidden.items")} />
      </PageSection>
      <PageSection id="moderation" title={t("moderation.title")}>
        <TextList items={list("moderation.items")} />
        <p>
          <Link to="/moderation/transparence">{t("transparencyLink")}</Link>
        </p>
      </PageSection>
      <PageSection id="signaler" title={t("report.title")}>
        <p>{t("report.text")}</p>
      </PageSection>
      <PageSection id="masquage-automatique" title={t("automatic.title")}>
        <p>{t("automatic.text", { count: threshold })}</p>
      </PageSection>
      <PageSection id="contester" title={t("contest.title")}>
        <p>{t("contest.text")}</p>
      </PageSection>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
