import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { REFERENTIAL_EDIT_PAGES } from "#app/components/referential-edit-kinds.ts";
import { ReferentialEditForm } from "#app/components/referential-edit-form.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { getReferentialKind } from "#app/modules/referential/referential-kinds.server.ts";

// One page per referential item: /admin/referentiel/{piliers,ambitions,axes,instances,quartiers}/<key>.
export const handle = { i18n: ["admin"] };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "referential.edit");
  const found = getReferentialKind(params.kind);
  const item = found ? await found.kind.find(params.key) : null;
  if (!found || !item) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "admin");
  const heading = t(item.titleKey, item.titleValues);
  return json({
    title: heading,
    heading,
    kind: found.slug,
    key: item.key,
    updatedAt: formatDateTime(item.updatedAt, locale),
    defaults: item.defaults,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "referential.edit");
  const found = getReferentialKind(params.kind);
  const save = found?.kind.saver(params.key);
  if (!found || !save) throw new Response(null, { status: 404 });
  const parsed = await parseForm(request, found.kind.schema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await save(viewer, parsed.data);
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  return redirectWithFlash("/admin/referentiel", result.status === "ok" ? "admin:referential.flash.saved" : "admin:referential.flash.unchanged");
}

export default function EditReferentialItemRoute() {
  const { heading, kind, key, updatedAt, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const page = REFERENTIAL_EDIT_PAGES[kind];
  return (
    <>
      <Breadcrumb
        label={t("referential.breadcrumb")}
        items={[{ label: t("nav.label"), to: "/admin" }, { label: t("referential.title"), to: "/admin/referentiel" }, { label: heading }]}
      />
      <h1>{heading}</h1>
      <p className="field-hint">{t("referential.edit.updatedAt", { date: updatedAt })}</p>
      <p>
        <Link to={page.publicLink(key)}>{t("referential.edit.viewPublic")}</Link>
      </p>
      <ReferentialEditForm
        key={`${kind}/${key}`}
        schema={page.schema}
        defaults={defaults}
        actionData={actionData}
        cancelTo="/admin/referentiel"
        fields={page.fields(t, key)}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
