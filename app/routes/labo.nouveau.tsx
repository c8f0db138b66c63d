import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { LaboSessionForm } from "#app/components/labo/labo-session-form.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { createLaboSession } from "#app/modules/labo/create-labo-session.server.ts";
import { readSessionForm, type SessionFormActionData } from "#app/modules/labo/labo-session-form.server.ts";
import { getLaboSessionFormChoices } from "#app/modules/labo/labo-session-queries.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["labo"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "labo.manage");
  const locale = await getLocale(request);
  const [t, choices] = await Promise.all([getFixedT(locale, "labo"), getLaboSessionFormChoices()]);
  // An ambassador of one commune starts there; the person creating it animates it unless they untick themselves.
  const ownCommunes = [...new Set(viewer.roles.filter((g) => g.role === "ambassador" && g.communeSlug).map((g) => g.communeSlug!))];
  const defaults = {
    communeSlug: ownCommunes.length === 1 ? ownCommunes[0]! : "",
    animatorIds: choices.animators.some((a) => a.id === viewer.id) ? [viewer.id] : [],
  };
  // An ambassador is offered their communes only (the use case refuses the others anyway).
  const communes = choices.communes.filter((c) => can(viewer, "labo.manage", { communeSlug: c.slug }));
  return json({ title: t("form.newTitle"), locale, choices: { ...choices, communes }, defaults });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "labo.manage");
  const form = await readSessionForm(request);
  if (form.response) return form.response;
  const { intent, input } = form.data;
  const result = await createLaboSession({ actor: viewer, input, announce: intent === "announce" });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "invalid") return form.invalid(result.errors);
  return redirectWithFlash(`/labo/${result.sessionId}`, result.announced ? "labo:flash.announced" : "labo:flash.created");
}

export default function NewLaboSessionRoute() {
  const { choices, defaults, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SessionFormActionData | undefined;
  const { t } = useTranslation("labo");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.agenda"), to: "/labo" },
          { label: t("breadcrumb.new") },
        ]}
      />
      <h1>{t("form.newTitle")}</h1>
      <p className="lead">{t("form.newIntro")}</p>
      <LaboSessionForm choices={choices} defaults={defaults} actionData={actionData} locale={locale} mode={{ kind: "new" }} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
