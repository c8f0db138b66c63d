import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { BoardTable, SORTABLE, type SortHeader } from "#app/components/council-board/board-table.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireBoardAccess } from "#app/modules/council-board/board-access.server.ts";
import { getCouncilBoard } from "#app/modules/council-board/board-queries.server.ts";
import { BOARD_ORDERS, BOARD_SORTS, BOARD_STATES, BOARD_TYPES, boardCsvPath, boardPath, boardPrintPath, boardSearch, hasBoardFilters, parseBoardFilters, sortSearch } from "#app/modules/council-board/board.schema.ts";
import { countsText, presentBoardItem } from "#app/modules/council-board/present-board.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import boardStyles from "#app/styles/council-board.css";

// A GET form and links: the page ships no JavaScript.
export const handle = { i18n: ["councilBoard"], hydrate: false };
export const meta = pageMeta;
// Members' working page: never kept by a shared cache (the page and its data requests alike).
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];

/** The council's tracking board: what becomes of everything it carries, follows or asked, for its members. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireBoardAccess(request, params.code);
  const filters = parseBoardFilters(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const [t, board] = await Promise.all([getFixedT(locale, ["councilBoard", "proposals"]), getCouncilBoard(council.code, filters)]);
  const sortHeaders = Object.fromEntries(
    Object.entries(SORTABLE).map(([column, sort]): [string, SortHeader] => [
      column,
      { href: `${boardPath(council.code)}${sortSearch(filters, sort)}`, current: filters.sort === sort ? (filters.order === "asc" ? "ascending" : "descending") : null },
    ]),
  );
  const search = boardSearch(filters);
  return json(
    {
      title: t("page.title", { council: council.name }),
      council,
      filters,
      filtered: hasBoardFilters(filters),
      days: board.deadlineDays,
      counts: countsText(board.counts, t),
      total: board.counts.total,
      capped: board.capped,
      rows: board.items.map((item) => presentBoardItem(item, t, locale)),
      caption: t("table.caption", { sort: t(`sorts.${filters.sort}`), order: t(`orders.${filters.order}`) }),
      sortHeaders,
      printHref: `${boardPrintPath(council.code)}${search}`,
      csvHref: `${boardCsvPath(council.code)}${search}`,
    },
    { headers: PRIVATE_HEADERS },
  );
}

export default function CouncilBoardRoute() {
  const { title, council, filters, filtered, days, counts, total, capped, rows, caption, sortHeaders, printHref, csvHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("councilBoard");
  const here = boardPath(council.code);
  return (
    <div className="council-board">
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.councils"), to: "/conseils-citoyens" },
          { label: council.name, to: `/conseils-citoyens/${council.code}`, lang: "fr" },
          { label: t("breadcrumb.board") },
        ]}
      />
      <p className="eyebrow">{t("page.eyebrow")}</p>
      <h1>{title}</h1>
      <p className="lead">{t("page.intro", { days })}</p>

      <section aria-labelledby="board-counts-title" className="board-summary">
        <h2 id="board-counts-title">{t("page.countsTitle")}</h2>
        <p className="board-counts">{counts}</p>
        <ul className="plain-list-inline board-links">
          <li>
            <a href={printHref}>{t("page.printLink")}</a>
          </li>
          <li>
            <a href={csvHref} download>
              {t("page.csvLink")}
            </a>
          </li>
        </ul>
      </section>

      <form method="get" action={here} className="filter-form board-filters" aria-label={t("filters.label")}>
        <div className="field">
          <label htmlFor="board-type">{t("filters.type")}</label>
          <select id="board-type" name="type" defaultValue={filters.type ?? ""}>
            <option value="">{t("filters.all")}</option>
            {BOARD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`filters.types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-state">{t("filters.state")}</label>
          <select id="board-state" name="etat" defaultValue={filters.state ?? ""}>
            <option value="">{t("filters.all")}</option>
            {BOARD_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`filters.states.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-sort">{t("filters.sort")}</label>
          <select id="board-sort" name="tri" defaultValue={filters.sort}>
            {BOARD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-order">{t("filters.order")}</label>
          <select id="board-order" name="ordre" defaultValue={filters.order}>
            {BOARD_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`orders.${order}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("filters.submit")}
        </button>
        {filtered ? <a href={here}>{t("filters.reset")}</a> : null}
      </form>

      {capped ? <p className="notice">{t("page.capped", { count: capped })}</p> : null}
      {filtered && total ? <p>{t("page.shown", { count: rows.length })}</p> : null}
      {rows.length ? (
        <>
          <p className="field-hint board-scroll-hint">{t("page.scrollHint")}</p>
          <BoardTable rows={rows} caption={caption} mode="screen" sortHeaders={sortHeaders} />
        </>
      ) : (
        <p className="notice">{total ? t("page.emptyFiltered") : t("page.empty")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
