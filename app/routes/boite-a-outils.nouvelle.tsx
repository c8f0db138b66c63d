import { json, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { ToolboxEntryForm } from "#app/components/toolbox/toolbox-entry-form.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { createToolboxEntry } from "#app/modules/toolbox/save-toolbox-entry.server.ts";
import { readToolboxForm, type ToolboxFormActionData } from "#app/modules/toolbox/toolbox-form.server.ts";
import { getToolboxFormChoices } from "#app/modules/toolbox/toolbox-queries.server.ts";
import { isToolboxKind, TOOLBOX_KINDS } from "#app/modules/toolbox/toolbox.schema.ts";
import toolboxStyles from "#app/styles/toolbox.css";

export const handle = { i18n: ["toolbox"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: toolboxStyles }];

/** The kind asked in the address (?type=experience|method|actor), or null: the page then offers the three. */
function kindOf(request: Request) {
  const type = new URL(request.url).searchParams.get("type");
  return isToolboxKind(type) ? type : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "toolbox.edit");
  const kind = kindOf(request);
  const locale = await getLocale(request);
  const [t, choices] = await Promise.all([getFixedT(locale, "toolbox"), getToolboxFormChoices()]);
  return json({ title: kind ? t(`form.newTitle.${kind}`) : t("form.chooseTitle"), locale, kind, choices });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "toolbox.edit");
  const kind = kindOf(request);
  if (!kind) return json<ToolboxFormActionData>({ errors: { form: "toolbox:validation.kindRequired" }, values: {} }, { status: 400 });
  const form = await readToolboxForm(request, kind);
  if (form.response) return form.response;
  const result = await createToolboxEntry({ actor: viewer, kind, input: form.data.input, intent: form.data.intent });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "invalid") return form.invalid(result.errors);
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  return redirectWithFlash(`/boite-a-outils/${result.entryId}`, result.published ? "toolbox:flash.published" : "toolbox:flash.draftSaved");
}

export default function NewToolboxEntryRoute() {
  const { kind, choices, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("toolbox");
  const { t: tc } = useTranslation();
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.toolbox"), to: "/boite-a-outils" },
          { label: t("breadcrumb.new") },
        ]}
      />
      {kind ? (
        <>
          <h1>{t(`form.newTitle.${kind}`)}</h1>
          <p className="lead">{t(`form.intro.${kind}`)}</p>
          <p>
            <AppLink to="/boite-a-outils/nouvelle">{t("form.otherKind")}</AppLink>
          </p>
          <ToolboxEntryForm
            key={kind}
            kind={kind}
            choices={choices}
            defaults={{}}
            actionData={actionData}
            action={`/boite-a-outils/nouvelle?type=${kind}`}
            published={false}
            locale={locale}
          />
        </>
      ) : (
        <>
          <h1>{t("form.chooseTitle")}</h1>
          {actionData?.errors?.form ? (
            <p className="notice notice-error" role="alert">
              {tc(actionData.errors.form as never)}
            </p>
          ) : null}
          <p className="lead">{t("form.chooseIntro")}</p>
          <ul className="plain-cards toolbox-kinds">
            {TOOLBOX_KINDS.map((k) => (
              <li key={k} className="card">
                <h2>
                  <AppLink to={`/boite-a-outils/nouvelle?type=${k}`}>{t(`form.newTitle.${k}`)}</AppLink>
                </h2>
                <p>{t(`form.intro.${k}`)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
