import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listPiliersWithAmbitions, listTransversalAxes } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["referential"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, piliers, axes] = await Promise.all([getFixedT(locale, "referential"), listPiliersWithAmbitions(), listTransversalAxes()]);
  return json({
    title: t("ambitions.meta.title"),
    description: t("ambitions.meta.description"),
    locale,
    piliers: piliers.map((p) => ({
      number: p.number,
      shortTitle: p.shortTitle,
      summary: p.summary,
      ambitions: p.ambitions.map((a) => ({ number: a.number, title: a.title, summary: a.summary })),
    })),
    axes: axes.map((a) => ({ key: a.key, title: a.title, summary: a.summary })),
  });
}

export default function AmbitionsRoute() {
  const { piliers, axes, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("referential");
  const fr = contentLang(locale);
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.ambitions") }]} />
      <h1>{t("ambitions.title")}</h1>
      <p className="lead">{t("ambitions.intro")}</p>

      {piliers.map((pilier) => (
        <section key={pilier.number} className="section pilier" aria-labelledby={`pilier-${pilier.number}`}>
          <h2 id={`pilier-${pilier.number}`}>
            <span className="eyebrow">{t("ambitions.pilier", { number: pilier.number })}</span>
            <span lang={fr}>{pilier.shortTitle}</span>
          </h2>
          {pilier.summary ? <p lang={fr}>{pilier.summary}</p> : null}
          <ul className="ambition-list">
            {pilier.ambitions.map((ambition) => (
              <li key={ambition.number} className="card">
                <h3>
                  <Link to={`/ambitions/${ambition.number}`}>
                    <span className="ambition-number" aria-hidden="true">
                      {ambition.number}
                    </span>
                    <span className="visually-hidden">{t("ambitions.ambitionNumber", { number: ambition.number })} : </span>
                    <span className="ambition-title" lang={fr}>
                      {ambition.title}
                    </span>
                  </Link>
                </h3>
                {ambition.summary ? <p lang={fr}>{ambition.summary}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section className="section" aria-labelledby="axes-title">
        <h2 id="axes-title">{t("ambitions.axesTitle")}</h2>
        <p>{t("ambitions.axesIntro")}</p>
        <ul className="card-grid plain-cards">
          {axes.map((axis) => (
            <li key={axis.key} className="card" lang={fr}>
              <h3>{axis.title}</h3>
              {axis.summary ? <p>{axis.summary}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
