import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { dateFormat, numberFormat } from "#app/components/dates.ts";
import { SelectField, TextField } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { CommuneOptions, contentLang, QuartierOptions } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { formatDuration } from "#app/components/toolbox/toolbox-format.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getToolboxFormChoices, listToolboxDrafts, searchToolbox } from "#app/modules/toolbox/toolbox-queries.server.ts";
import { TOOLBOX_KINDS } from "#app/modules/toolbox/toolbox.schema.ts";
import { hasToolboxFilters, parseToolboxSearch, toolboxHref, TOOLBOX_MAX_PAGE } from "#app/modules/toolbox/toolbox-search.schema.ts";
import toolboxStyles from "#app/styles/toolbox.css";

// A list to read and filter with a GET form: plain HTML, no JavaScript.
export const handle = { i18n: ["toolbox"], hydrate: false };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: toolboxStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request); // public page; editors also see the drafts
  const locale = await getLocale(request);
  const [t, choices] = await Promise.all([getFixedT(locale, "toolbox"), getToolboxFormChoices()]);
  const { search, ignored } = parseToolboxSearch(new URL(request.url).searchParams, {
    ambitions: choices.ambitions.map((a) => a.number),
    quartiers: choices.quartiers.map((q) => q.code),
    communes: choices.communes.map((c) => c.slug),
  });
  const editor = can(viewer, "toolbox.edit");
  const [page, drafts] = await Promise.all([searchToolbox(search), editor && viewer ? listToolboxDrafts(viewer.id) : Promise.resolve(null)]);
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  return json({
    title: search.q ? t("list.titleSearch", { q: search.q }) : t("list.title"),
    description: t("list.description"),
    locale,
    search,
    ignored: [...new Set(ignored)].map((name) => t(`params.${name}`)),
    page: { ...page, items: page.items.map((item) => ({ ...item, publishedLabel: item.publishedAt ? day.format(item.publishedAt) : null })) },
    filtered: hasToolboxFilters(search),
    maxPage: TOOLBOX_MAX_PAGE,
    editor,
    canRefer: can(viewer, "network.refer"),
    drafts: drafts?.map((d) => ({ ...d, updatedLabel: day.format(d.updatedAt) })) ?? null,
    choices,
  });
}

export default function ToolboxRoute() {
  const { search, ignored, page, filtered, maxPage, editor, canRefer, drafts, choices, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("toolbox");
  const fr = contentLang(locale);
  const numbers = numberFormat(locale);
  const ambitionTitle = new Map(choices.ambitions.map((a) => [a.number, a.title]));
  const count = page.total
    ? search.q
      ? t("list.countSearch", { count: page.total, formatted: numbers.format(page.total), q: search.q })
      : t("list.count", { count: page.total, formatted: numbers.format(page.total) })
    : t("list.countNone");
  const lastPage = Math.min(page.pageCount, maxPage);
  return (
    <>
      <div className="proposals-header">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="lead">{t("list.intro")}</p>
        </div>
        {editor ? (
          <p>
            <AppLink to="/boite-a-outils/nouvelle" className="button">
              {t("list.newEntry")}
            </AppLink>
          </p>
        ) : null}
      </div>

      <aside className="notice toolbox-network" aria-labelledby="network-title">
        <h2 id="network-title">{t("network.title")}</h2>
        <p>{t("network.what")}</p>
        {canRefer ? (
          <p>
            <AppLink to="/boite-a-outils/saisir-le-gtp">{t("network.refer")}</AppLink>
          </p>
        ) : (
          <p>{t("network.howToJoin")}</p>
        )}
      </aside>

      {drafts ? (
        <section className="toolbox-drafts" aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t("drafts.title")}</h2>
          {drafts.length ? (
            <ul className="plain-list">
              {drafts.map((draft) => (
                <li key={draft.id}>
                  <AppLink to={`/boite-a-outils/${draft.id}`} lang={fr}>
                    {draft.title}
                  </AppLink>{" "}
                  <span className="tag tag-muted">{t(`kinds.${draft.kind}`)}</span>{" "}
                  <span className="toolbox-meta">
                    {draft.mine ? t("drafts.mine", { date: draft.updatedLabel }) : t("drafts.byOther", { name: draft.authorName ?? t("drafts.unknownAuthor"), date: draft.updatedLabel })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("drafts.none")}</p>
          )}
        </section>
      ) : null}

      <nav className="toolbox-shelves" aria-label={t("shelves.label")}>
        <ul>
          <li>
            <a href={toolboxHref(search, { kind: undefined })} aria-current={search.kind ? undefined : "page"}>
              {t("shelves.all")} <span className="facet-count">({numbers.format(TOOLBOX_KINDS.reduce((sum, kind) => sum + page.kindCounts[kind], 0))})</span>
            </a>
          </li>
          {TOOLBOX_KINDS.map((kind) => (
            <li key={kind}>
              <a href={toolboxHref(search, { kind })} aria-current={search.kind === kind ? "page" : undefined}>
                {t(`shelves.${kind}`)} <span className="facet-count">({numbers.format(page.kindCounts[kind])})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {ignored.length ? (
        <p className="notice notice-warning" role="status">
          {t("list.ignored", { names: ignored.join(", ") })}
        </p>
      ) : null}

      <section className="proposal-search card" aria-labelledby="search-title">
        <h2 id="search-title" className="visually-hidden">
          {t("search.title")}
        </h2>
        <form method="get" action="/boite-a-outils" role="search" aria-labelledby="search-title">
          <TextField name="q" type="search" label={t("search.query")} hint={t("search.queryHint")} defaultValue={search.q ?? ""} maxLength={200} autoComplete="off" enterKeyHint="search" />
          <div className="proposal-search-grid">
            <SelectField name="type" label={t("search.kind")} defaultValue={search.kind ?? ""}>
              <option value="">{t("shelves.all")}</option>
              {TOOLBOX_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`shelves.${kind}`)}
                </option>
              ))}
            </SelectField>
            <SelectField name="ambition" label={t("search.ambition")} defaultValue={search.ambition ?? ""}>
              <option value="">{t("search.anyAmbition")}</option>
              {choices.ambitions.map((a) => (
                <option key={a.number} value={a.number} lang={fr}>
                  {t("search.ambitionOption", { number: a.number, title: a.title })}
                </option>
              ))}
            </SelectField>
            <SelectField name="quartier" label={t("search.quartier")} defaultValue={search.quartier ?? ""}>
              <option value="">{t("search.anyQuartier")}</option>
              <QuartierOptions quartiers={choices.quartiers} lang={fr} />
            </SelectField>
            <SelectField name="commune" label={t("search.commune")} defaultValue={search.commune ?? ""}>
              <option value="">{t("search.anyCommune")}</option>
              <CommuneOptions communes={choices.communes} lang={fr} />
            </SelectField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
            {filtered ? <a href="/boite-a-outils">{t("search.reset")}</a> : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{search.kind ? t(`shelves.${search.kind}`) : t("list.resultsTitle")}</h2>
        <p className="result-count">
          {count}
          {page.total > 1 ? <span className="result-sort"> · {t(`list.sorted.${page.sort}`)}</span> : null}
        </p>
        {page.items.length ? (
          <ol className="toolbox-list">
            {page.items.map((item) => (
              <li key={item.id} className="toolbox-card">
                <p className="toolbox-card-kind">
                  <span className="tag">{t(`kinds.${item.kind}`)}</span>
                </p>
                <h3>
                  <AppLink to={`/boite-a-outils/${item.id}`} lang={fr}>
                    {item.title}
                  </AppLink>
                </h3>
                <p className="toolbox-card-excerpt" lang={fr}>
                  {item.excerpt.length >= 320 ? `${item.excerpt.trimEnd()}…` : item.excerpt}
                </p>
                <ul className="toolbox-card-facts">
                  {item.kind === "method" && item.durationMinutes ? <li>{t("card.duration", { duration: formatDuration(item.durationMinutes) })}</li> : null}
                  {item.organisation ? <li lang={fr}>{t("card.organisation", { name: item.organisation })}</li> : null}
                  {item.quartierName ? <li lang={fr}>{t("card.quartier", { name: item.quartierName })}</li> : null}
                  {item.communes.length ? <li lang={fr}>{t("card.communes", { count: item.communes.length, names: item.communes.map((c) => c.name).join(", ") })}</li> : null}
                  {item.ambitionNumbers.length ? (
                    <li>
                      {t("card.ambitions", { count: item.ambitionNumbers.length })}{" "}
                      {item.ambitionNumbers.map((n, i) => (
                        <span key={n}>
                          {i > 0 ? ", " : ""}
                          <abbr title={ambitionTitle.get(n)} lang={fr}>
                            {n}
                          </abbr>
                        </span>
                      ))}
                    </li>
                  ) : null}
                  {item.publishedLabel ? <li>{t("card.published", { date: item.publishedLabel })}</li> : null}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <div className="notice empty-state">
            <p>{filtered ? t("empty.filtered") : t("empty.none")}</p>
          </div>
        )}

        {lastPage > 1 ? (
          <nav className="pagination" aria-label={t("pagination.label")}>
            <p>{t("pagination.position", { page: page.page, pages: lastPage })}</p>
            <ul className="plain-list-inline">
              {page.page > 1 ? (
                <li>
                  <a href={toolboxHref(search, { page: page.page - 1 })} rel="prev">
                    {t("pagination.previous")}
                  </a>
                </li>
              ) : null}
              {page.page < lastPage ? (
                <li>
                  <a href={toolboxHref(search, { page: page.page + 1 })} rel="next">
                    {t("pagination.next")}
                  </a>
                </li>
              ) : null}
            </ul>
            {page.pageCount > maxPage && page.page === maxPage ? <p>{t("pagination.capped")}</p> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
