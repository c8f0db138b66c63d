import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "#app/components/app-link.tsx";
import { useTranslation } from "react-i18next";
import { CachedMarkup } from "#app/components/cached-markup.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalCardItem } from "#app/components/proposals/proposal-card.tsx";
import { ActiveFilters, ProposalFacetsPanel, ProposalPagination, ProposalSearchForm } from "#app/components/proposals/proposal-filters.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { countProposalFacets, queryHasWords, RELEVANCE_WINDOW, searchProposals, summarizeFacets } from "#app/modules/proposals-search/proposal-search-queries.server.ts";
import { filtersOf, hasFilters, parseProposalSearch, resolveSearch, searchHref } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { listCommunes, listPiliersWithAmbitions, listQuartiers } from "#app/modules/referential/referential-queries.server.ts";
import { numberFormat } from "#app/components/dates.ts";

// A list to read and filter with a GET form: plain HTML, no JavaScript.
export const handle = { i18n: ["finding"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await getViewer(request); // public page: anyone may read it (the layout shows who is signed in)
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const [t, piliers, quartiers, communes] = await Promise.all([getFixedT(locale, "finding"), listPiliersWithAmbitions(), listQuartiers(), listCommunes()]);
  const { search, ignored } = resolveSearch(parseProposalSearch(url.searchParams), {
    piliers: piliers.map((p) => p.number),
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, pilierNumber: p.number }))),
    quartiers: quartiers.map((q) => q.code),
    communes: communes.map((c) => c.slug),
  });
  // The form sends every field, empty ones too: go to the same list at its short, shareable address.
  if (!ignored.length && [...url.searchParams.values()].some((value) => value.trim() === "")) throw redirect(searchHref(search, { after: search.after, before: search.before }));

  const filters = filtersOf(search);
  const [page, facetRows] = await Promise.all([searchProposals(search), countProposalFacets(filters)]);
  const facets = summarizeFacets(facetRows, filters, new Map(quartiers.map((q) => [q.code, q.communes.map((c) => c.slug)])));
  const noWords = Boolean(search.q && facets.total === 0 && !(await queryHasWords(search.q)));
  return json({
    title: search.q ? t("list.titleSearch", { q: search.q }) : t("list.title"),
    description: t("list.description"),
    locale,
    search,
    ignored: ignored.map((name) => t(`params.${name}`)),
    page,
    facets,
    noWords,
    // Relevance ranks a window of the most recent matches: at its end, say so and offer the rest by date.
    relevanceEnd: page.sort === "relevance" && !page.next && facets.total > RELEVANCE_WINDOW ? RELEVANCE_WINDOW : null,
    filtered: hasFilters(filters),
    options: {
      piliers: piliers.map((p) => ({ number: p.number, shortTitle: p.shortTitle, ambitions: p.ambitions.map((a) => ({ number: a.number, title: a.title })) })),
      quartiers: quartiers.map((q) => ({ code: q.code, name: q.name })),
      communes,
    },
  });
}

export default function ProposalsRoute() {
  const { search, ignored, page, facets, noWords, relevanceEnd, filtered, options, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("finding");
  const numbers = numberFormat(locale);
  const formatted = numbers.format(facets.total);
  const optionsKey = JSON.stringify(options);
  const count = facets.total
    ? search.q
      ? t("list.countSearch", { count: facets.total, formatted, q: search.q })
      : t("list.count", { count: facets.total, formatted })
    : search.q
      ? t("list.countNoneSearch", { q: search.q })
      : t("list.countNone");
  return (
    <>
      <div className="proposals-header">
        <div>
          <h1>{t("list.title")}</h1>
          <p>{t("list.intro")}</p>
        </div>
        <p>
          <AppLink to="/propositions/nouvelle" className="button">
            {t("list.propose")}
          </AppLink>
        </p>
      </div>

      {ignored.length ? (
        <p className="notice notice-warning" role="status">
          {t("list.ignored", { names: [...new Set(ignored)].join(", ") })}
        </p>
      ) : null}

      {/* The form and the counts are the same for everyone with the same filters: cached as markup. */}
      <CachedMarkup cacheKey={`search-form ${JSON.stringify(search)} ${optionsKey}`}>
        <ProposalSearchForm search={search} options={options} locale={locale} />
      </CachedMarkup>

      <div className="proposals-layout">
        <section className="proposals-results" aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            {t("list.resultsTitle")}
          </h2>
          <ActiveFilters search={search} options={options} />
          <p className="result-count">
            {count}
            {facets.total > 1 ? <span className="result-sort"> · {t("list.sortedBy", { sort: t(`sorts.${page.sort}`) })}</span> : null}
          </p>

          {page.items.length ? (
            <ol className="proposal-list">
              {page.items.map((proposal) => (
                <ProposalCardItem key={proposal.id} proposal={proposal} locale={locale} headingLevel={3} />
              ))}
            </ol>
          ) : page.paged ? (
            <p className="notice">{t("empty.pageEnd")}</p>
          ) : (
            <div className="notice empty-state">
              <h3>{filtered ? t("empty.title") : t("list.countNone")}</h3>
              <p>{noWords ? t("empty.noWords") : filtered ? t("empty.filtered") : t("empty.none")}</p>
              <p>
                <AppLink to="/propositions/nouvelle">{t("empty.propose")}</AppLink>
              </p>
            </div>
          )}

          {relevanceEnd ? (
            <p className="notice">
              {t("list.relevanceEnd", { window: numbers.format(relevanceEnd) })}{" "}
              <AppLink to={searchHref(search, { sort: "recent" })}>{t("list.relevanceEndLink", { total: formatted })}</AppLink>
            </p>
          ) : null}

          <ProposalPagination search={search} previous={page.previous} next={page.next} paged={page.paged} />
        </section>

        <CachedMarkup cacheKey={`facets ${JSON.stringify(search)} ${JSON.stringify(facets)} ${optionsKey}`}>
          <ProposalFacetsPanel search={search} facets={facets} options={options} locale={locale} />
        </CachedMarkup>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
