import { json, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { groupCouncilsByCommune, listCouncils } from "#app/modules/councils/council-queries.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["councils"], hydrate: false };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, councils] = await Promise.all([getFixedT(locale, "councils"), listCouncils()]);
  return json({
    title: t("index.metaTitle"),
    description: t("index.metaDescription"),
    locale,
    councilCount: councils.length,
    groups: groupCouncilsByCommune(councils, locale),
  });
}

export default function CouncilsIndexRoute() {
  const { groups, councilCount, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("councils");
  const fr = contentLang(locale);
  const dates = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const groupId = (slug: string | null) => `commune-${slug ?? "sans-quartier"}`;
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.councils") }]} />
      <h1>{t("index.title")}</h1>
      <p className="lead">{t("index.lead", { count: councilCount })}</p>

      <section className="section" aria-labelledby="what-title">
        <h2 id="what-title">{t("index.whatTitle")}</h2>
        <p>{t("index.what1")}</p>
        <ul>
          <li>{t("index.collegeResidents")}</li>
          <li>{t("index.collegeActors")}</li>
        </ul>
        <p>{t("index.what2")}</p>
        <p>{t("index.what3")}</p>
      </section>

      <section className="section" aria-labelledby="join-title">
        <h2 id="join-title">{t("index.joinTitle")}</h2>
        <p>{t("index.join")}</p>
      </section>

      <nav aria-labelledby="jump-title" className="commune-jump">
        <h2 id="jump-title">{t("index.jumpTitle")}</h2>
        <ul>
          {groups.map((group) => (
            <li key={group.slug ?? "none"}>
              <a href={`#${groupId(group.slug)}`}>{group.name ?? t("index.noQuartier")}</a>
            </li>
          ))}
        </ul>
      </nav>

      {groups.map((group) => (
        <section key={group.slug ?? "none"} id={groupId(group.slug)} className="section commune-group" aria-labelledby={`${groupId(group.slug)}-title`}>
          <h2 id={`${groupId(group.slug)}-title`}>{group.name ?? t("index.noQuartier")}</h2>
          <ul className="card-grid plain-cards">
            {group.councils.map((council) => (
              <li key={council.code} className="card council-card">
                <h3>
                  <AppLink to={`/conseils-citoyens/${council.code}`} lang={fr}>
                    {council.name}
                  </AppLink>
                </h3>
                <dl className="council-facts">
                  <div>
                    <dt>{t("index.quartiers", { count: council.quartiers.length })}</dt>
                    <dd lang={fr}>{council.quartiers.length ? council.quartiers.map((q) => q.name).join(", ") : t("index.noQuartierYet")}</dd>
                  </div>
                  <div>
                    <dt>{t("index.members")}</dt>
                    <dd>
                      {council.listed.residents + council.listed.actors === 0
                        ? t("index.noListedMember")
                        : `${t("index.residentsCount", { count: council.listed.residents })}, ${t("index.actorsCount", { count: council.listed.actors })}`}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("index.nextMeeting")}</dt>
                    <dd>{council.nextMeetingAt ? dates.format(new Date(council.nextMeetingAt)) : t("index.noMeeting")}</dd>
                  </div>
                  <div>
                    <dt>{t("index.carried")}</dt>
                    <dd>{t("index.carriedCount", { count: council.carriedCount })}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
