import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerCounters } from "#app/components/governance/answer-counters.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getAnswerCounters } from "#app/modules/governance/answer-counters.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import {
  getReferentialCounts,
  listLaboPrinciples,
  listPastLaboSessions,
  listPiliersWithAmbitions,
  listTransversalAxes,
} from "#app/modules/referential/referential-queries.server.ts";
import { dateFormat, numberFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["home", "instances"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, piliers, axes, principles, pastSessions, counts, answerCounters] = await Promise.all([
    getFixedT(locale, "home"),
    listPiliersWithAmbitions(),
    listTransversalAxes(),
    listLaboPrinciples(),
    listPastLaboSessions(),
    getReferentialCounts(),
    getAnswerCounters({ kind: "territory" }),
  ]);
  return json({ title: t("meta.title"), description: t("meta.description"), locale, piliers, axes, principles, pastSessions, counts, answerCounters });
}

export default function HomeRoute() {
  const { piliers, axes, principles, pastSessions, counts, answerCounters, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  const dates = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const numbers = numberFormat(locale);
  // The referential is written in French; in the English interface screen readers must know it.
  const lang = contentLang(locale);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("hero.title")}</h1>
        <p className="lead">{t("hero.lead")}</p>
        <div className="hero-actions">
          <Link to="/inscription" className="button">
            {t("hero.join")}
          </Link>
          <Link to="/ambitions" className="button button-secondary">
            {t("hero.discover")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="contract-title" className="section">
        <h2 id="contract-title">{t("contract.title")}</h2>
        <p>{t("contract.text", { quartiers: counts.quartiers, communes: counts.communes })}</p>
        <ul className="key-figures">
          <li>
            <strong>{counts.communes}</strong> {t("contract.figures.communes")}
          </li>
          <li>
            <strong>{counts.quartiers}</strong> {t("contract.figures.quartiers")}
          </li>
          <li>
            <strong>{t("contract.figures.residentsValue")}</strong> {t("contract.figures.residents")}
          </li>
          <li>
            <strong>12</strong> {t("contract.figures.ambitions")}
          </li>
        </ul>
      </section>

      <section aria-labelledby="piliers-title" className="section">
        <h2 id="piliers-title">{t("piliers.title")}</h2>
        <p>{t("piliers.intro")}</p>
        <div className="card-grid">
          {piliers.map((pilier) => (
            <article key={pilier.number} className="card" aria-labelledby={`pilier-${pilier.number}`}>
              <p className="eyebrow">{t("piliers.number", { number: pilier.number })}</p>
              <h3 id={`pilier-${pilier.number}`} lang={lang}>
                {pilier.shortTitle}
              </h3>
              <p lang={lang}>{pilier.summary}</p>
              <ul className="ambition-links" lang={lang}>
                {pilier.ambitions.map((ambition) => (
                  <li key={ambition.number}>
                    <Link to={`/ambitions/${ambition.number}`}>
                      <span className="ambition-number">{ambition.number}</span> {ambition.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
        <h3>{t("axes.title")}</h3>
        <ul className="plain-list" lang={lang}>
          {axes.map((axis) => (
            <li key={axis.key}>
              <strong>{axis.title}</strong> — {axis.summary}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="labo-title" className="section">
        <h2 id="labo-title">{t("labo.title")}</h2>
        <p>{t("labo.text")}</p>
        <h3>{t("labo.principlesTitle")}</h3>
        <dl className="principles" lang={lang}>
          {principles.map((p) => (
            <div key={p.position}>
              <dt>{p.label}</dt>
              <dd>{p.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <AnswerCounters counters={answerCounters} locale={locale} />

      <section aria-labelledby="past-title" className="section">
        <h2 id="past-title">{t("past.title")}</h2>
        <p>{t("past.intro")}</p>
        <table className="table">
          <caption className="visually-hidden">{t("past.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("past.date")}</th>
              <th scope="col">{t("past.place")}</th>
              <th scope="col" className="numeric">
                {t("past.attendance")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pastSessions.map((s) => (
              <tr key={s.id}>
                <td>{dates.format(new Date(s.startsAt))}</td>
                <td>
                  <Link to={`/labo/${s.id}`}>{s.placeName}</Link>
                </td>
                <td className="numeric">{s.attendance === null ? "—" : numbers.format(s.attendance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
