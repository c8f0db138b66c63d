import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";

export const handle = { i18n: ["admin"] };

// The back office: each section is shown to those who may use it; every child route guards itself too.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const sections = {
    referential: can(viewer, "referential.edit"),
    users: can(viewer, "roles.manage"),
    audit: can(viewer, "audit.read"),
    settings: can(viewer, "settings.manage"),
    outbox: can(viewer, "outbox.manage"),
  };
  if (!Object.values(sections).some(Boolean)) throw json({ reason: "forbidden" }, { status: 403 });
  return json({ sections });
}

export default function AdminLayout() {
  const { sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="admin">
      <nav aria-label={t("nav.label")} className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t("nav.overview")}
            </NavLink>
          </li>
          {sections.referential ? (
            <li>
              <NavLink to="/admin/referentiel">{t("nav.referential")}</NavLink>
            </li>
          ) : null}
          {sections.users ? (
            <li>
              <NavLink to="/admin/utilisateurs">{t("nav.users")}</NavLink>
            </li>
          ) : null}
          {sections.audit ? (
            <li>
              <NavLink to="/admin/journal">{t("nav.audit")}</NavLink>
            </li>
          ) : null}
          {sections.settings ? (
            <li>
              <NavLink to="/admin/parametres">{t("nav.settings")}</NavLink>
            </li>
          ) : null}
          {sections.outbox ? (
            <li>
              <NavLink to="/admin/courriels">{t("nav.outbox")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
