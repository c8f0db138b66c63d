import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listGovernanceBodies, listPiliersWithAmbitions, listQuartiers, listTransversalAxes } from "#app/modules/referential/referential-queries.server.ts";
import { numberFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["admin"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referential.edit");
  const locale = await getLocale(request);
  const [t, piliers, axes, quartiers, bodies] = await Promise.all([
    getFixedT(locale, "admin"),
    listPiliersWithAmbitions(),
    listTransversalAxes(),
    listQuartiers(),
    listGovernanceBodies(),
  ]);
  return json({
    title: t("referential.title"),
    locale,
    piliers: piliers.map((p) => ({ number: p.number, shortTitle: p.shortTitle, title: p.title })),
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title, pilier: p.number, supportThreshold: a.supportThreshold }))),
    axes: axes.map((a) => ({ key: a.key, title: a.title, summary: a.summary })),
    quartiers: quartiers.map((q) => ({ code: q.code, name: q.name, communes: q.communes.map((c) => c.name).join(", ") })),
    bodies: bodies.map((b) => ({ key: b.key, name: b.name, cadence: b.cadence })),
  });
}

export default function AdminReferentialRoute() {
  const { piliers, ambitions, axes, quartiers, bodies, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const fr = contentLang(locale);
  const numbers = numberFormat(locale);
  return (
    <>
      <h1>{t("referential.title")}</h1>
      <p>{t("referential.intro")}</p>
      <p>{t("referential.choose")}</p>

      <section aria-labelledby="ref-piliers" className="section">
        <h2 id="ref-piliers">{t("referential.sections.piliers")}</h2>
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">{t("referential.captions.piliers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referential.columns.number")}</th>
                <th scope="col">{t("referential.columns.shortTitle")}</th>
                <th scope="col">{t("referential.columns.title")}</th>
              </tr>
            </thead>
            <tbody>
              {piliers.map((p) => (
                <tr key={p.number}>
                  <td>{p.number}</td>
                  <th scope="row">
                    <Link to={`/admin/referentiel/piliers/${p.number}`} lang={fr}>
                      {p.shortTitle}
                    </Link>
                  </th>
                  <td lang={fr}>{p.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ref-ambitions" className="section">
        <h2 id="ref-ambitions">{t("referential.sections.ambitions")}</h2>
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">{t("referential.captions.ambitions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referential.columns.number")}</th>
                <th scope="col">{t("referential.columns.title")}</th>
                <th scope="col">{t("referential.columns.pilier")}</th>
                <th scope="col" className="numeric">
                  {t("referential.columns.threshold")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ambitions.map((a) => (
                <tr key={a.number}>
                  <td>{a.number}</td>
                  <th scope="row">
                    <Link to={`/admin/referentiel/ambitions/${a.number}`} lang={fr}>
                      {a.title}
                    </Link>
                  </th>
                  <td>{a.pilier}</td>
                  <td className="numeric">{numbers.format(a.supportThreshold)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ref-axes" className="section">
        <h2 id="ref-axes">{t("referential.sections.axes")}</h2>
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">{t("referential.captions.axes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referential.columns.title")}</th>
                <th scope="col">{t("referential.columns.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {axes.map((a) => (
                <tr key={a.key}>
                  <th scope="row">
                    <Link to={`/admin/referentiel/axes/${a.key}`} lang={fr}>
                      {a.title}
                    </Link>
                  </th>
                  <td lang={fr}>{a.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ref-quartiers" className="section">
        <h2 id="ref-quartiers">{t("referential.sections.quartiers")}</h2>
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">{t("referential.captions.quartiers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referential.columns.code")}</th>
                <th scope="col">{t("referential.columns.name")}</th>
                <th scope="col">{t("referential.columns.communes")}</th>
              </tr>
            </thead>
            <tbody>
              {quartiers.map((q) => (
                <tr key={q.code}>
                  <td>{q.code}</td>
                  <th scope="row">
                    <Link to={`/admin/referentiel/quartiers/${q.code}`} lang={fr}>
                      {q.name}
                    </Link>
                  </th>
                  <td>{q.communes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ref-instances" className="section">
        <h2 id="ref-instances">{t("referential.sections.instances")}</h2>
        <div className="table-wrap">
          <table className="table admin-table">
            <caption className="visually-hidden">{t("referential.captions.instances")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referential.columns.name")}</th>
                <th scope="col">{t("referential.columns.cadence")}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.key}>
                  <th scope="row">
                    <Link to={`/admin/referentiel/instances/${b.key}`} lang={fr}>
                      {b.name}
                    </Link>
                  </th>
                  <td lang={fr}>{b.cadence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
