import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EmailLinkRequest } from "#app/components/account/email-link-request.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { EmailRequestSchema } from "#app/modules/auth/auth.schema.ts";
import { requireAnonymous } from "#app/modules/auth/auth.server.ts";
import { requestMagicLink } from "#app/modules/auth/magic-link.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getFixedT(await getLocale(request), "auth");
  return json({ title: t("magicLink.title"), sent: new URL(request.url).searchParams.has("envoye") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = await parseForm(request, EmailRequestSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const limit = await consume("magicLink", { account: parsed.data.email, address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "auth:requests.tooMany" }, values: parsed.values });
  await requestMagicLink(parsed.data.email);
  // The same answer whether the address has an account or not.
  return redirect("/connexion/lien?envoye=1");
}

export default function MagicLinkRequestRoute() {
  const { sent } = useLoaderData<typeof loader>();
  return <EmailLinkRequest prefix="magicLink" sent={sent} actionData={useActionData<typeof action>()} />;
}

export const ErrorBoundary = RouteErrorBoundary;
