/**
 * The pieces of the public list around the cards: the search form (a plain GET form: it works without
 * JavaScript and its address can be shared), the chosen filters with their "remove" links, the counts
 * per filter (each a link that applies it) and the page links. The list ships no JavaScript and the
 * form and counts are cached as markup (`CachedMarkup`), rendered outside the router: plain links and
 * forms, which is all a page without JavaScript gets anyway.
 */
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "#app/components/forms.tsx";
import { CommuneOptions, contentLang, QuartierOptions } from "#app/components/referential.tsx";
import {
  ORIGIN_FILTERS,
  ORIGIN_VALUES,
  PROPOSAL_SORTS,
  SORT_VALUES,
  STATUS_FILTER_KEYS,
  STATUS_FILTERS,
  STATUS_VALUES,
  searchHref,
  type ProposalSearch,
} from "#app/modules/proposals-search/proposal-search.schema.ts";
import type { ProposalOrigin, ProposalStatus } from "#db/schema/proposals.ts";
import { collator, numberFormat } from "#app/components/dates.ts";

export type SearchOptions = {
  piliers: { number: number; shortTitle: string; ambitions: { number: number; title: string }[] }[];
  quartiers: { code: string; name: string }[];
  communes: { slug: string; name: string }[];
};

export type FacetCounts = {
  total: number;
  ambitions: Record<number, number>;
  quartiers: Record<string, number>;
  communes: Record<string, number>;
  statuses: Partial<Record<ProposalStatus, number>>;
  origins: Partial<Record<ProposalOrigin, number>>;
};

const PATH = "/propositions";
const SELECT_FILTERS = ["pilier", "ambition", "quartier", "commune", "status", "origin"] as const;

function pilierOf(options: SearchOptions, ambition: number | undefined) {
  return options.piliers.find((p) => p.ambitions.some((a) => a.number === ambition));
}

export function ProposalSearchForm({ search, options, locale }: { search: ProposalSearch; options: SearchOptions; locale: string }) {
  const { t } = useTranslation("finding");
  const fr = contentLang(locale);
  const chosen = SELECT_FILTERS.filter((key) => search[key] !== undefined).length;
  const pilier = search.pilier ?? pilierOf(options, search.ambition)?.number;
  return (
    <section className="proposal-search card" aria-labelledby="search-title">
      <h2 id="search-title" className="visually-hidden">
        {t("search.title")}
      </h2>
      <form method="get" action={PATH} role="search" aria-labelledby="search-title">
        <TextField
          name="q"
          type="search"
          label={t("search.query")}
          hint={t("search.queryHint")}
          defaultValue={search.q ?? ""}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
        />
        <details className="proposal-search-more" open={chosen > 0}>
          <summary>{chosen ? t("search.moreActive", { count: chosen }) : t("search.more")}</summary>
          <div className="proposal-search-grid">
            <SelectField name="pilier" label={t("search.pilier")} defaultValue={pilier ?? ""}>
              <option value="">{t("search.anyPilier")}</option>
              {options.piliers.map((p) => (
                <option key={p.number} value={p.number} lang={fr}>
                  {t("search.pilierOption", { number: p.number, title: p.shortTitle })}
                </option>
              ))}
            </SelectField>
            <SelectField name="ambition" label={t("search.ambition")} defaultValue={search.ambition ?? ""}>
              <option value="">{t("search.anyAmbition")}</option>
              {options.piliers.map((p) => (
                <optgroup key={p.number} label={t("search.pilierGroup", { number: p.number, title: p.shortTitle })}>
                  {p.ambitions.map((a) => (
                    <option key={a.number} value={a.number} lang={fr}>
                      {t("search.ambitionOption", { number: a.number, title: a.title })}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField name="quartier" label={t("search.quartier")} defaultValue={search.quartier ?? ""}>
              <option value="">{t("search.anyQuartier")}</option>
              <QuartierOptions quartiers={options.quartiers} lang={fr} />
            </SelectField>
            <SelectField name="commune" label={t("search.commune")} defaultValue={search.commune ?? ""}>
              <option value="">{t("search.anyCommune")}</option>
              <CommuneOptions communes={options.communes} lang={fr} />
            </SelectField>
            <SelectField name="statut" label={t("search.status")} hint={t("statusHint")} defaultValue={search.status ? STATUS_VALUES[search.status] : ""}>
              <option value="">{t("search.anyStatus")}</option>
              {STATUS_FILTER_KEYS.map((key) => (
                <option key={key} value={STATUS_VALUES[key]}>
                  {t(`statusFilters.${key}`)}
                </option>
              ))}
            </SelectField>
            <SelectField name="origine" label={t("search.origin")} defaultValue={search.origin ? ORIGIN_VALUES[search.origin] : ""}>
              <option value="">{t("search.anyOrigin")}</option>
              {ORIGIN_FILTERS.map((origin) => (
                <option key={origin} value={ORIGIN_VALUES[origin]}>
                  {t(`origins.${origin}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </details>
        <div className="proposal-search-actions">
          {/* Empty means "the default": relevance once words are typed, else the most recent first. So a
              search typed on the default list is sorted by relevance without touching this select. */}
          <SelectField name="tri" label={t("search.sort")} defaultValue={search.sort && search.sort !== "relevance" ? SORT_VALUES[search.sort] : ""}>
            <option value="">{t("sorts.auto")}</option>
            {PROPOSAL_SORTS.filter((sort) => sort !== "relevance").map((sort) => (
              <option key={sort} value={SORT_VALUES[sort]}>
                {t(`sorts.${sort}`)}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
            {Object.keys(search).length ? <a href={PATH}>{t("search.reset")}</a> : null}
          </div>
        </div>
      </form>
    </section>
  );
}

/** A readable name for each chosen filter, as on its chip. */
function chipLabels(search: ProposalSearch, options: SearchOptions, t: ReturnType<typeof useTranslation<"finding">>["t"]) {
  const chips: { key: keyof ProposalSearch; label: string }[] = [];
  if (search.q) chips.push({ key: "q", label: t("chips.q", { q: search.q }) });
  const pilier = options.piliers.find((p) => p.number === search.pilier);
  if (pilier) chips.push({ key: "pilier", label: t("chips.pilier", { number: pilier.number, title: pilier.shortTitle }) });
  const ambition = options.piliers.flatMap((p) => p.ambitions).find((a) => a.number === search.ambition);
  if (ambition) chips.push({ key: "ambition", label: t("chips.ambition", { number: ambition.number, title: ambition.title }) });
  const quartier = options.quartiers.find((q) => q.code === search.quartier);
  if (quartier) chips.push({ key: "quartier", label: t("chips.quartier", { name: quartier.name }) });
  const commune = options.communes.find((c) => c.slug === search.commune);
  if (commune) chips.push({ key: "commune", label: t("chips.commune", { name: commune.name }) });
  if (search.status) chips.push({ key: "status", label: t("chips.status", { label: t(`statusFilters.${search.status}`) }) });
  if (search.origin) chips.push({ key: "origin", label: t("chips.origin", { label: t(`origins.${search.origin}`) }) });
  return chips;
}

export function ActiveFilters({ search, options }: { search: ProposalSearch; options: SearchOptions }) {
  const { t } = useTranslation("finding");
  const chips = chipLabels(search, options, t);
  if (!chips.length) return null;
  return (
    <div className="active-filters">
      <h3 id="active-filters-title" className="active-filters-title">
        {t("chips.title")}
      </h3>
      <ul className="chip-list" aria-labelledby="active-filters-title">
        {chips.map((chip) => (
          <li key={chip.key} className="chip">
            <span>{chip.label}</span>{" "}
            <a href={searchHref(search, { [chip.key]: undefined })}>
              {t("chips.remove")}
              <span className="visually-hidden"> {t("chips.removeLabel", { label: chip.label })}</span>
            </a>
          </li>
        ))}
      </ul>
      {chips.length > 1 ? (
        <p>
          <a href={PATH}>{t("chips.clearAll")}</a>
        </p>
      ) : null}
    </div>
  );
}

type FacetLink = { id: string; label: string; count: number; href: string; current: boolean; lang?: string };

function FacetGroup({ id, title, links, note, locale }: { id: string; title: string; links: FacetLink[]; note?: string; locale: string }) {
  const { t } = useTranslation("finding");
  const numbers = numberFormat(locale);
  if (!links.length) return null;
  return (
    <section className="facet-group" aria-labelledby={`facet-${id}`}>
      <h3 id={`facet-${id}`}>{title}</h3>
      {note ? <p className="field-hint">{note}</p> : null}
      <ul className="facet-list">
        {links.map((link) => (
          <li key={link.id}>
            {link.current ? (
              <span className="facet-current">
                <span lang={link.lang}>{link.label}</span> <span className="facet-count">{numbers.format(link.count)}</span>
                <span className="visually-hidden"> ({t("facets.current")})</span>
              </span>
            ) : (
              <a href={link.href}>
                <span lang={link.lang}>{link.label}</span>{" "}
                <span className="facet-count">
                  <span aria-hidden="true">{numbers.format(link.count)}</span>
                  <span className="visually-hidden">{t("facets.count", { count: link.count, formatted: numbers.format(link.count) })}</span>
                </span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const TOP_PLACES = 10;

/** Counts per filter value, each a link that applies it (keeping the search and the other filters). */
export function ProposalFacetsPanel({ search, facets, options, locale }: { search: ProposalSearch; facets: FacetCounts; options: SearchOptions; locale: string }) {
  const { t } = useTranslation("finding");
  const fr = contentLang(locale);
  const frenchOrder = collator("fr");
  const byCount = (a: FacetLink, b: FacetLink) => b.count - a.count || frenchOrder.compare(a.label, b.label);

  const ambitions: FacetLink[] = options.piliers
    .flatMap((p) => p.ambitions)
    .filter((a) => facets.ambitions[a.number])
    .map((a) => ({
      id: String(a.number),
      label: t("facets.ambitionLabel", { number: a.number, title: a.title }),
      lang: fr,
      count: facets.ambitions[a.number]!,
      href: searchHref(search, { ambition: a.number, pilier: undefined }),
      current: search.ambition === a.number,
    }));
  const quartiers: FacetLink[] = options.quartiers
    .filter((q) => facets.quartiers[q.code])
    .map((q) => ({ id: q.code, label: q.name, lang: fr, count: facets.quartiers[q.code]!, href: searchHref(search, { quartier: q.code }), current: search.quartier === q.code }))
    .sort(byCount);
  const communes: FacetLink[] = options.communes
    .filter((c) => facets.communes[c.slug])
    .map((c) => ({ id: c.slug, label: c.name, lang: fr, count: facets.communes[c.slug]!, href: searchHref(search, { commune: c.slug }), current: search.commune === c.slug }))
    .sort(byCount);
  const statuses: FacetLink[] = STATUS_FILTER_KEYS.map((key) => ({
    id: key,
    label: t(`statusFilters.${key}`),
    count: STATUS_FILTERS[key].reduce((sum, status) => sum + (facets.statuses[status] ?? 0), 0),
    href: searchHref(search, { status: key }),
    current: search.status === key,
  })).filter((link) => link.count > 0);
  const origins: FacetLink[] = ORIGIN_FILTERS.map((origin) => ({
    id: origin,
    label: t(`origins.${origin}`),
    count: facets.origins[origin] ?? 0,
    href: searchHref(search, { origin }),
    current: search.origin === origin,
  })).filter((link) => link.count > 0);

  if (![ambitions, quartiers, communes, statuses, origins].some((list) => list.length)) return null;
  return (
    <aside className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t("facets.title")}</h2>
      <p className="field-hint">{t("facets.intro")}</p>
      <FacetGroup id="statuts" title={t("facets.statuses")} links={statuses} locale={locale} />
      <FacetGroup id="ambitions" title={t("facets.ambitions")} links={ambitions} locale={locale} />
      <FacetGroup
        id="quartiers"
        title={t("facets.quartiers")}
        links={quartiers.slice(0, TOP_PLACES)}
        note={quartiers.length > TOP_PLACES ? t("facets.topNote", { count: TOP_PLACES }) : undefined}
        locale={locale}
      />
      <FacetGroup
        id="communes"
        title={t("facets.communes")}
        links={communes.slice(0, TOP_PLACES)}
        note={communes.length > TOP_PLACES ? t("facets.topNote", { count: TOP_PLACES }) : undefined}
        locale={locale}
      />
      <FacetGroup id="origines" title={t("facets.origins")} links={origins} locale={locale} />
    </aside>
  );
}

export function ProposalPagination({ search, previous, next, paged }: { search: ProposalSearch; previous: string | null; next: string | null; paged: boolean }) {
  const { t } = useTranslation("finding");
  if (!previous && !next && !paged) return null;
  return (
    <nav className="pagination proposal-pagination" aria-label={t("pagination.label")}>
      <ul>
        {previous ? (
          <li>
            <a href={searchHref(search, { before: previous, after: undefined })} rel="prev">
              {t("pagination.previous")}
            </a>
          </li>
        ) : null}
        {next ? (
          <li>
            <a href={searchHref(search, { after: next, before: undefined })} rel="next">
              {t("pagination.next")}
            </a>
          </li>
        ) : null}
        {paged ? (
          <li>
            <a href={searchHref(search)}>{t("pagination.start")}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
