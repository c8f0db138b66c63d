import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { AnswerCounters } from "#app/components/governance/answer-counters.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalsSection } from "#app/components/proposals/proposals-section.tsx";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getAnswerCounters } from "#app/modules/governance/answer-counters.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { countProposalsByStatus, listLatestProposals } from "#app/modules/proposals-search/proposal-search-queries.server.ts";
import { parseNumberParam } from "#app/modules/referential/referential-params.ts";
import { getAmbitionPage } from "#app/modules/referential/referential-queries.server.ts";
import { numberFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["referential", "finding", "instances"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = parseNumberParam(params.numero);
  if (number === null) throw new Response(null, { status: 404 });
  const [page, latest, counts, answerCounters] = await Promise.all([
    getAmbitionPage(number),
    listLatestProposals({ ambition: number }),
    countProposalsByStatus({ ambition: number }),
    getAnswerCounters({ kind: "ambition", ambitionNumber: number }),
  ]);
  if (!page) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "referential");
  const { ambition, pilier, previous, next } = page;
  return json({
    title: t("ambition.meta.title", { number: ambition.number, title: ambition.title }),
    description: ambition.summary || undefined,
    locale,
    ambition: { number: ambition.number, title: ambition.title, summary: ambition.summary, description: ambition.description, supportThreshold: ambition.supportThreshold },
    pilier: { number: pilier.number, shortTitle: pilier.shortTitle, summary: pilier.summary },
    previous,
    next,
    proposals: { items: latest, ...counts },
    answerCounters,
  });
}

export default function AmbitionRoute() {
  const { ambition, pilier, previous, next, locale, proposals, answerCounters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["referential", "finding"]);
  const fr = contentLang(locale);
  const threshold = ambition.supportThreshold;
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.ambitions"), to: "/ambitions" },
          { label: t("ambition.eyebrow", { number: ambition.number }) },
        ]}
      />
      <article aria-labelledby="ambition-title">
      <header>
        <p className="eyebrow">{t("ambition.eyebrow", { number: ambition.number })}</p>
        <h1 id="ambition-title" lang={fr}>
          {ambition.title}
        </h1>
        <p className="ambition-pilier">
          {t("ambition.pilier", { number: pilier.number })}{" "}
          <Link to={`/ambitions#pilier-${pilier.number}`} lang={fr}>
            {pilier.shortTitle}
          </Link>
        </p>
        <ReferentialText text={ambition.summary} lang={fr} className="lead" />
      </header>

      {ambition.description.trim() ? (
        <section className="section" aria-labelledby="description-title">
          <h2 id="description-title">{t("ambition.descriptionTitle")}</h2>
          <ReferentialText text={ambition.description} lang={fr} />
        </section>
      ) : null}

      <section className="section notice" aria-labelledby="threshold-title">
        <h2 id="threshold-title">{t("ambition.thresholdTitle")}</h2>
        <p>{t("ambition.threshold", { count: threshold, formatted: numberFormat(locale).format(threshold) })}</p>
        <p>{t("ambition.thresholdNext")}</p>
        <p>
          <Link to="/instances">{t("ambition.instancesLink")}</Link>
        </p>
      </section>

      <ProposalsSection
        id="proposals-title"
        title={t("finding:section.ambitionTitle")}
        data={proposals}
        listHref={`/propositions?ambition=${ambition.number}`}
        listLabel={t("finding:section.seeAllAmbition", { number: ambition.number })}
        emptyText={t("finding:section.noneAmbition")}
        proposeHref={`/propositions/nouvelle?ambition=${ambition.number}`}
        locale={locale}
        hide={{ ambition: true }}
      />

      <AnswerCounters counters={answerCounters} locale={locale} />

      <nav className="pager" aria-label={t("ambition.pagination")}>
        <ul>
          {previous ? (
            <li className="pager-previous">
              <Link to={`/ambitions/${previous.number}`} rel="prev">
                <span className="pager-label">{t("ambition.previous")}</span>
                <span lang={fr}>
                  {previous.number}. {previous.title}
                </span>
              </Link>
            </li>
          ) : null}
          {next ? (
            <li className="pager-next">
              <Link to={`/ambitions/${next.number}`} rel="next">
                <span className="pager-label">{t("ambition.next")}</span>
                <span lang={fr}>
                  {next.number}. {next.title}
                </span>
              </Link>
            </li>
          ) : null}
        </ul>
        <p>
          <Link to="/ambitions">{t("ambition.allAmbitions")}</Link>
        </p>
      </nav>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
