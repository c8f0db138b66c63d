import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EmailLinkRequest } from "#app/components/account/email-link-request.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { EmailRequestSchema } from "#app/modules/auth/auth.schema.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { requestPasswordReset } from "#app/modules/auth/password-reset.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

// Open to everyone, signed in or not: it is also how a signed-in person changes their password.
export async function loader({ request }: LoaderFunctionArgs) {
  await getViewer(request);
  const t = await getFixedT(await getLocale(request), "auth");
  return json({ title: t("forgot.title"), sent: new URL(request.url).searchParams.has("envoye") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await getViewer(request);
  const parsed = await parseForm(request, EmailRequestSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const limit = await consume("passwordReset", { account: parsed.data.email, address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "auth:requests.tooMany" }, values: parsed.values });
  await requestPasswordReset(parsed.data.email);
  // Always the same answer: this page must not tell who has an account.
  return redirect("/mot-de-passe-oublie?envoye=1");
}

export default function ForgotPasswordRoute() {
  const { sent } = useLoaderData<typeof loader>();
  return <EmailLinkRequest prefix="forgot" sent={sent} actionData={useActionData<typeof action>()} />;
}

export const ErrorBoundary = RouteErrorBoundary;
