import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { BoardTable } from "#app/components/council-board/board-table.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireBoardAccess } from "#app/modules/council-board/board-access.server.ts";
import { getCouncilBoard } from "#app/modules/council-board/board-queries.server.ts";
import { boardPath, boardSearch, parseBoardFilters } from "#app/modules/council-board/board.schema.ts";
import { countsText, filtersText, presentBoardItem } from "#app/modules/council-board/present-board.ts";
import { formatDate } from "#app/modules/governance/followup-view.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import boardStyles from "#app/styles/council-board.css";

export const handle = { i18n: ["councilBoard"] };
export const meta = pageMeta;
// Members' working page: never kept by a shared cache (the page and its data requests alike).
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;
// The A4 print rules live with the board's styles.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];

/**
 * The board on A4 paper, for a council meeting: the same subjects, sort and filters as the page, every
 * answer whole, the date it was printed, and nothing of the site around it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireBoardAccess(request, params.code);
  const filters = parseBoardFilters(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, board] = await Promise.all([getFixedT(locale, ["councilBoard", "proposals"]), getCouncilBoard(council.code, filters, now)]);
  return json(
    {
      title: t("print.pageTitle", { council: council.name }),
      heading: t("page.title", { council: council.name }),
      asOf: t("print.asOf", { date: formatDate(now, locale) }),
      asOfIso: now.toISOString(),
      backHref: `${boardPath(council.code)}${boardSearch(filters)}`,
      applied: filtersText(filters, t),
      counts: countsText(board.counts, t),
      capped: board.capped,
      rows: board.items.map((item) => presentBoardItem(item, t, locale)),
      caption: t("table.caption", { sort: t(`sorts.${filters.sort}`), order: t(`orders.${filters.order}`) }),
    },
    { headers: PRIVATE_HEADERS },
  );
}

/** The print button needs JavaScript: rendered once it runs, so a page without it offers no dead button. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function CouncilBoardPrintRoute() {
  const { heading, asOf, asOfIso, backHref, applied, counts, capped, rows, caption } = useLoaderData<typeof loader>();
  const { t } = useTranslation("councilBoard");
  const hydrated = useHydrated();
  return (
    <div className="board-print-page">
      <div className="no-print board-print-tools">
        <p>
          <Link to={backHref}>{t("print.back")}</Link>
        </p>
        <p className="field-hint">{t("print.hint")}</p>
        {hydrated ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t("print.button")}
          </button>
        ) : (
          <p>{t("print.noJs")}</p>
        )}
      </div>
      <article className="board-sheet" aria-labelledby="board-sheet-title">
        <header className="board-sheet-header">
          <h1 id="board-sheet-title">{heading}</h1>
          <p className="board-sheet-date">
            <time dateTime={asOfIso}>{asOf}</time>
          </p>
          <p className="board-counts">{counts}</p>
          <h2 className="board-sheet-filters-title">{t("print.filtersTitle")}</h2>
          <ul className="board-sheet-filters">
            {applied.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {capped ? <p>{t("page.capped", { count: capped })}</p> : null}
        </header>
        {rows.length ? <BoardTable rows={rows} caption={caption} mode="print" /> : <p>{t("page.emptyFiltered")}</p>}
      </article>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
