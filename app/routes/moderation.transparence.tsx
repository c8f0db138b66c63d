import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { translatedList } from "#app/components/static-page.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getTransparencyFigures, REASONS } from "#app/modules/transparency/transparency-queries.server.ts";
import { numberFormat } from "#app/components/dates.ts";

// Read-only and public: no JavaScript is sent (see root.tsx).
export const handle = { i18n: ["moderation"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, quarters] = await Promise.all([getFixedT(locale, "moderation"), getTransparencyFigures()]);
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  return json({
    title: t("transparency.title"),
    description: t("transparency.description"),
    reasons: REASONS,
    quarters: quarters.map((q) => {
      const [year, quarter] = q.quarter.split("-T") as [string, string];
      return {
        key: q.quarter,
        label: t(quarter === "1" ? "transparency.quarterLabel_first" : "transparency.quarterLabel", { number: quarter, year }),
        hiddenByReason: q.hiddenByReason,
        hiddenTotal: q.hiddenTotal,
        decisions: q.decisions,
        median: q.medianDecisionHours === null ? t("transparency.medianNone") : t("transparency.medianValue", { value: number.format(q.medianDecisionHours) }),
      };
    }),
  });
}

export default function TransparencyRoute() {
  const { quarters, reasons } = useLoaderData<typeof loader>();
  const { t } = useTranslation("moderation");
  return (
    <article className="text-page">
      <h1>{t("transparency.heading")}</h1>
      {translatedList(t as never, "transparency.intro").map((p) => (
        <p key={p}>{p}</p>
      ))}
      {quarters.length === 0 ? (
        <p className="notice">{t("transparency.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption id="transparency-caption">{t("transparency.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("transparency.quarter")}</th>
                {reasons.map((reason) => (
                  <th key={reason} scope="col">
                    {t(`transparency.reasons.${reason}`)}
                  </th>
                ))}
                <th scope="col">{t("transparency.total")}</th>
                <th scope="col">{t("transparency.decisions")}</th>
                <th scope="col">{t("transparency.median")}</th>
              </tr>
            </thead>
            <tbody>
              {quarters.map((q) => (
                <tr key={q.key}>
                  <th scope="row">{q.label}</th>
                  {reasons.map((reason) => (
                    <td key={reason} className="numeric">{q.hiddenByReason[reason]}</td>
                  ))}
                  <td className="numeric">{q.hiddenTotal}</td>
                  <td className="numeric">{q.decisions}</td>
                  <td className="numeric">{q.median}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/charte">{t("transparency.charterLink")}</Link>
      </p>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
