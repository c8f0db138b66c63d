import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listQuartiersByCommune } from "#app/modules/referential/referential-queries.server.ts";
import { numberFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["referential"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, groups] = await Promise.all([getFixedT(locale, "referential"), listQuartiersByCommune()]);
  const quartierCount = new Set(groups.flatMap((g) => g.quartiers.map((q) => q.code))).size;
  return json({
    title: t("quartiers.meta.title"),
    description: t("quartiers.meta.description"),
    locale,
    quartierCount,
    communes: groups.map((g) => ({
      slug: g.slug,
      name: g.name,
      quartiers: g.quartiers.map((q) => ({
        code: q.code,
        name: q.name,
        population: q.population,
        npnru: q.npnru,
        otherCommunes: q.communes.filter((c) => c.slug !== g.slug).map((c) => c.name),
      })),
    })),
  });
}

export default function QuartiersRoute() {
  const { communes, quartierCount, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("referential");
  const fr = contentLang(locale);
  const numbers = numberFormat(locale);
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.quartiers") }]} />
      <h1>{t("quartiers.title")}</h1>
      <p className="lead">{t("quartiers.intro", { quartiers: quartierCount, communes: communes.length })}</p>

      <nav aria-labelledby="jump-title" className="commune-jump">
        <h2 id="jump-title">{t("quartiers.jumpTitle")}</h2>
        <ul>
          {communes.map((commune) => (
            <li key={commune.slug}>
              <a href={`#commune-${commune.slug}`}>{commune.name}</a>
            </li>
          ))}
        </ul>
      </nav>

      {communes.map((commune) => (
        <section key={commune.slug} id={`commune-${commune.slug}`} className="section commune-group" aria-labelledby={`commune-${commune.slug}-title`}>
          <h2 id={`commune-${commune.slug}-title`}>
            {commune.name} <span className="commune-count">{t("quartiers.communeCount", { count: commune.quartiers.length })}</span>
          </h2>
          <ul className="card-grid plain-cards">
            {commune.quartiers.map((quartier) => (
              <li key={quartier.code} className="card quartier-card">
                <h3>
                  <Link to={`/quartiers/${quartier.code}`} lang={fr}>
                    {quartier.name}
                  </Link>
                </h3>
                <p className="quartier-meta">{t("quartiers.code", { code: quartier.code })}</p>
                {quartier.population !== null ? <p className="quartier-meta">{t("quartiers.population", { value: numbers.format(quartier.population) })}</p> : null}
                {quartier.otherCommunes.length ? <p className="quartier-meta">{t("quartiers.sharedWith", { communes: quartier.otherCommunes.join(", ") })}</p> : null}
                {quartier.npnru ? <p className="tag">{t("quartiers.npnru")}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
