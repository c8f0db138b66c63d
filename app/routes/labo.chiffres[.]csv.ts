import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { figuresCsv, getLaboFigures } from "#app/modules/labo/labo-figures.server.ts";

/** The Labo's figures as a spreadsheet file: per session held, or per commune with ?par=commune. Public, counts only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const grouping = new URL(request.url).searchParams.get("par") === "commune" ? "commune" : "session";
  const locale = await getLocale(request);
  const [t, figures] = await Promise.all([getFixedT(locale, "labo"), getLaboFigures()]);
  const headers = Object.fromEntries(
    ["date", "title", "commune", "sessionsHeld", "attendance", "newcomers", "contributions", "proposals", "noCommune"].map((key) => [key, t(`figures.${key}`)]),
  );
  const filename = t(grouping === "commune" ? "figures.fileCommune" : "figures.fileSession");
  return new Response(figuresCsv(figures, grouping, headers), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
