import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { InterpellationForm } from "#app/components/interpellations/interpellation-form.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { can, writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { parseCouncilCode } from "#app/modules/councils/carry.schema.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { InterpellationSchema } from "#app/modules/interpellations/interpellation.schema.ts";
import { getCouncilForInterpellation, getInterpellationChoices } from "#app/modules/interpellations/interpellation-queries.server.ts";
import { sendInterpellation } from "#app/modules/interpellations/send-interpellation.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["interpellations"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

/** Signed in, a well-formed code, allowed to act for this council (its members, coordinators), and it exists. */
async function guard(request: Request, rawCode: string | undefined) {
  const viewer = await requireUser(request);
  const code = parseCouncilCode(rawCode);
  if (!code) throw new Response(null, { status: 404 });
  if (!can(viewer, "council.act", { councilCode: code })) throw new Response(null, { status: 403 });
  const council = await getCouncilForInterpellation(code);
  if (!council) throw new Response(null, { status: 404 });
  return { viewer, council };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { council } = await guard(request, params.code);
  const [t, choices] = await Promise.all([getLocale(request).then((locale) => getFixedT(locale, "interpellations")), getInterpellationChoices()]);
  return json({ title: t("council.title", { council: council.name }), council, ambitions: choices.ambitions });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, council } = await guard(request, params.code);
  const block = writeBlock(viewer);
  if (block) return json<ActionData>({ errors: { form: writeBlockMessage(block, "interpellations:errors.unverified") }, values: {} }, { status: 403 });
  const parsed = await parseForm(request, InterpellationSchema);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await sendInterpellation({ actor: viewer, source: { kind: "council", councilCode: council.code }, input: parsed.data });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  if (result.status === "invalid") return json<ActionData>({ errors: result.errors, values: parsed.values }, { status: 400 });
  return redirectWithFlash(`/interpellations/${result.id}`, "interpellations:flash.sent");
}

export default function CouncilInterpellationRoute() {
  const { council, ambitions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("interpellations");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: council.name, to: `/conseils-citoyens/${council.code}`, lang: "fr" },
          { label: t("council.breadcrumb") },
        ]}
      />
      <h1>{t("council.title", { council: council.name })}</h1>
      <p className="lead">{t("council.intro")}</p>
      <p>{t("council.publicNotice")}</p>
      <InterpellationForm schema={InterpellationSchema} server={actionData} choices={{ ambitions, quartiers: council.quartiers }} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
