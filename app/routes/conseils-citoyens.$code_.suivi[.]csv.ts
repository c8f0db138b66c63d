import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardCsv, boardCsvFilename } from "#app/modules/council-board/board-csv.server.ts";
import { requireBoardAccess } from "#app/modules/council-board/board-access.server.ts";
import { getCouncilBoard } from "#app/modules/council-board/board-queries.server.ts";
import { parseBoardFilters } from "#app/modules/council-board/board.schema.ts";
import { presentBoardItem } from "#app/modules/council-board/present-board.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

/** The tracking board as a spreadsheet file: same access, sort and filters as the page, texts whole. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await requireBoardAccess(request, params.code);
  const filters = parseBoardFilters(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const now = new Date();
  const [t, board] = await Promise.all([getFixedT(locale, ["councilBoard", "proposals"]), getCouncilBoard(council.code, filters, now)]);
  return new Response(boardCsv(board.items.map((item) => presentBoardItem(item, t, locale)), t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${boardCsvFilename(council.code, now)}"`,
      // Members' data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
