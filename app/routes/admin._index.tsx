import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  if (!can(viewer, "referential.edit") && !can(viewer, "roles.manage") && !can(viewer, "audit.read")) throw json({ reason: "forbidden" }, { status: 403 });
  const t = await getFixedT(await getLocale(request), "admin");
  return json({ title: t("overview.title") });
}

export default function AdminOverview() {
  const { t } = useTranslation("admin");
  const layout = useRouteLoaderData<{ sections: Record<string, boolean> }>("routes/admin");
  const sections = layout?.sections ?? {};
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <ul className="card-grid plain-cards">
        {sections.referential ? (
          <li className="card">
            <h2>
              <Link to="/admin/referentiel">{t("nav.referential")}</Link>
            </h2>
            <p>{t("overview.referential")}</p>
          </li>
        ) : null}
        {sections.users ? (
          <li className="card">
            <h2>
              <Link to="/admin/utilisateurs">{t("nav.users")}</Link>
            </h2>
            <p>{t("overview.users")}</p>
          </li>
        ) : null}
        {sections.audit ? (
          <li className="card">
            <h2>
              <Link to="/admin/journal">{t("nav.audit")}</Link>
            </h2>
            <p>{t("overview.audit")}</p>
          </li>
        ) : null}
        {sections.settings ? (
          <li className="card">
            <h2>
              <Link to="/admin/parametres">{t("nav.settings")}</Link>
            </h2>
            <p>{t("overview.settings")}</p>
          </li>
        ) : null}
        {sections.outbox ? (
          <li className="card">
            <h2>
              <Link to="/admin/courriels">{t("nav.outbox")}</Link>
            </h2>
            <p>{t("overview.outbox")}</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
