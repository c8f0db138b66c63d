import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
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
import { parseQuartierCodeParam } from "#app/modules/referential/referential-params.ts";
import { getQuartier } from "#app/modules/referential/referential-queries.server.ts";
import { getCouncilOfQuartier } from "#app/modules/councils/council-queries.server.ts";
import { AppLink } from "#app/components/app-link.tsx";
import { numberFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["referential", "finding", "instances", "councils"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const param = parseQuartierCodeParam(params.code);
  if (!param) throw new Response(null, { status: 404 });
  const [quartier, council] = await Promise.all([getQuartier(param.code), getCouncilOfQuartier(param.code)]);
  if (!quartier) throw new Response(null, { status: 404 });
  // Codes are official and upper case (QP062024); any other case is accepted and sent to the canonical address.
  if (!param.canonical) throw redirect(`/quartiers/${quartier.code}`, 301);
  const locale = await getLocale(request);
  const [t, latest, counts, answerCounters] = await Promise.all([
    getFixedT(locale, "referential"),
    listLatestProposals({ quartier: quartier.code }),
    countProposalsByStatus({ quartier: quartier.code }),
    getAnswerCounters({ kind: "quartier", quartierCode: quartier.code }),
  ]);
  return json({
    title: t("quartier.meta.title", { name: quartier.name }),
    description: quartier.summary || undefined,
    locale,
    quartier: {
      code: quartier.code,
      name: quartier.name,
      summary: quartier.summary,
      population: quartier.population,
      medianIncomeEur: quartier.medianIncomeEur,
      npnru: quartier.npnru,
      communes: quartier.communes,
    },
    council,
    proposals: { items: latest, ...counts },
    answerCounters,
  });
}

export default function QuartierRoute() {
  const { quartier, council, locale, proposals, answerCounters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["referential", "finding", "councils"]);
  const fr = contentLang(locale);
  const numbers = numberFormat(locale);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.quartiers"), to: "/quartiers" }, { label: quartier.name, lang: fr }]}
      />
      <article aria-labelledby="quartier-title">
        <header>
          <p className="eyebrow">{t("quartier.eyebrow")}</p>
          <h1 id="quartier-title" lang={fr}>
            {quartier.name}
          </h1>
          <ReferentialText text={quartier.summary} lang={fr} className="lead" />
        </header>

        <section className="section" aria-labelledby="facts-title">
          <h2 id="facts-title">{t("quartier.factsTitle")}</h2>
          <dl className="facts">
            <div>
              <dt>{t("quartier.code")}</dt>
              <dd>{quartier.code}</dd>
            </div>
            <div>
              <dt>{t("quartier.communes", { count: quartier.communes.length })}</dt>
              <dd>{quartier.communes.map((c) => c.name).join(", ")}</dd>
            </div>
            {quartier.population !== null ? (
              <div>
                <dt>{t("quartier.population")}</dt>
                <dd>{t("quartier.populationValue", { value: numbers.format(quartier.population) })}</dd>
              </div>
            ) : null}
            {quartier.medianIncomeEur !== null ? (
              <div>
                <dt>{t("quartier.income")}</dt>
                <dd>
                  {t("quartier.incomeValue", { value: numbers.format(quartier.medianIncomeEur) })}
                  <span className="facts-help">{t("quartier.incomeHelp")}</span>
                </dd>
              </div>
            ) : null}
          </dl>
          <p className="field-hint">{t("quartier.dataNote")}</p>
        </section>

        <section className="section" aria-labelledby="npnru-title">
          <h2 id="npnru-title">{t("quartier.npnruTitle")}</h2>
          <p>{quartier.npnru ? t("quartier.npnruYes") : t("quartier.npnruNo")}</p>
        </section>

        <section className="section" aria-labelledby="council-title">
          <h2 id="council-title">{t("quartier.councilTitle")}</h2>
          <p>{t("councils:quartier.intro")}</p>
          {council ? (
            <>
              <p>
                <AppLink to={`/conseils-citoyens/${council.code}`} lang={fr}>
                  {council.name}
                </AppLink>
              </p>
              <p>{t("councils:quartier.listedMembers", { count: council.listedCount })}</p>
              <h3>{t("councils:quartier.joinTitle")}</h3>
              {council.howToJoin ? <ReferentialText text={council.howToJoin} lang={fr} /> : <p>{t("councils:page.joinDefault")}</p>}
            </>
          ) : (
            <p>{t("councils:quartier.none")}</p>
          )}
        </section>

        <ProposalsSection
          id="proposals-title"
          title={t("finding:section.quartierTitle")}
          data={proposals}
          listHref={`/propositions?quartier=${quartier.code}`}
          listLabel={t("finding:section.seeAllQuartier", { name: quartier.name })}
          emptyText={t("finding:section.noneQuartier")}
          proposeHref={`/propositions/nouvelle?quartier=${quartier.code}`}
          locale={locale}
          hide={{ place: true }}
        />

        <AnswerCounters counters={answerCounters} locale={locale} />

        <p>
          <Link to="/quartiers">{t("quartier.allQuartiers")}</Link>
        </p>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
