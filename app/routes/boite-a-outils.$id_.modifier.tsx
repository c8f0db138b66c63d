import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { ToolboxEntryForm } from "#app/components/toolbox/toolbox-entry-form.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { updateToolboxEntry } from "#app/modules/toolbox/save-toolbox-entry.server.ts";
import { entryFormValues, readToolboxForm } from "#app/modules/toolbox/toolbox-form.server.ts";
import { getToolboxEntry, getToolboxFormChoices } from "#app/modules/toolbox/toolbox-queries.server.ts";
import toolboxStyles from "#app/styles/toolbox.css";

export const handle = { i18n: ["toolbox"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: toolboxStyles }];

/** The entry an editor opened: sign-in first, then 403 for the others, then 404 for a malformed or unknown id. */
async function requireEditableEntry(request: Request, rawId: string | undefined) {
  const viewer = await requirePermission(request, "toolbox.edit");
  const id = parseUuid(rawId);
  const entry = id ? await getToolboxEntry(id) : null;
  if (!entry) throw new Response(null, { status: 404 });
  return { viewer, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireEditableEntry(request, params.id);
  const locale = await getLocale(request);
  const [t, choices] = await Promise.all([getFixedT(locale, "toolbox"), getToolboxFormChoices()]);
  return json({
    title: t("form.editTitle", { title: entry.title }),
    locale,
    entry: { id: entry.id, kind: entry.kind, title: entry.title, published: entry.status === "published" },
    defaults: entryFormValues(entry),
    choices,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, entry } = await requireEditableEntry(request, params.id);
  const form = await readToolboxForm(request, entry.kind);
  if (form.response) return form.response;
  const result = await updateToolboxEntry({ actor: viewer, entryId: entry.id, input: form.data.input, intent: form.data.intent });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status === "invalid") return form.invalid(result.errors);
  const flash = result.published ? (entry.status === "published" ? "toolbox:flash.saved" : "toolbox:flash.published") : entry.status === "published" ? "toolbox:flash.unpublished" : "toolbox:flash.draftSaved";
  return redirectWithFlash(`/boite-a-outils/${entry.id}`, flash);
}

export default function EditToolboxEntryRoute() {
  const { entry, defaults, choices, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("toolbox");
  const fr = contentLang(locale);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.toolbox"), to: "/boite-a-outils" },
          { label: entry.title, to: `/boite-a-outils/${entry.id}`, lang: fr },
          { label: t("breadcrumb.edit") },
        ]}
      />
      <p className="eyebrow">{t(`kinds.${entry.kind}`)}</p>
      <h1>{t("form.editHeading")}</h1>
      <p className="lead">{entry.published ? t("form.editPublishedIntro") : t("form.editDraftIntro")}</p>
      <ToolboxEntryForm kind={entry.kind} choices={choices} defaults={defaults} actionData={actionData} published={entry.published} locale={locale} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
