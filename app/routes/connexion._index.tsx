import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { SignInSchema } from "#app/modules/auth/auth.schema.ts";
import { requireAnonymous, safeRedirectPath } from "#app/modules/auth/auth.server.ts";
import { startSession } from "#app/modules/auth/session.server.ts";
import { signInWithPassword } from "#app/modules/auth/sign-in.server.ts";
import { pathAfterSignIn } from "#app/modules/charter/accept-charter.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale, localeCookie } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { check, clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getFixedT(await getLocale(request), "auth");
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  return json({ title: t("signIn.title"), redirectTo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = await parseForm(request, SignInSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const keys = { account: parsed.data.email, address: clientAddress(context) };
  // Checked before the password, counted only when it is wrong.
  const limit = await check("signInFailure", keys);
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "auth:signIn.tooMany" }, values: parsed.values });

  const result = await signInWithPassword(parsed.data);
  if (result.status === "invalid") {
    await consume("signInFailure", keys);
    return json({ errors: { form: "auth:signIn.invalid" }, values: parsed.values }, { status: 400 });
  }
  // A charter changed since this person last accepted it: they accept the new one first, then go on.
  return redirectWithFlash(await pathAfterSignIn(result.userId, safeRedirectPath(parsed.data.redirectTo)), "auth:flash.signedIn", {
    headers: [
      ["Set-Cookie", await startSession(result.userId)],
      ["Set-Cookie", await localeCookie.serialize(result.locale)],
    ],
  });
}

export default function SignInRoute() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const { t } = useTranslation("auth");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(SignInSchema, actionData);
  const labels = { email: t("fields.email"), password: t("fields.password") };
  return (
    <div className="auth-page">
      <h1>{t("signIn.title")}</h1>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? redirectTo} />
        <TextField name="email" type="email" label={labels.email} error={errors.email} registration={register("email")} defaultValue={values.email} autoComplete="email" spellCheck={false} />
        <TextField name="password" type="password" label={labels.password} error={errors.password} registration={register("password")} autoComplete="current-password" />
        <p>
          <Link to="/mot-de-passe-oublie">{t("signIn.forgot")}</Link>
        </p>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("signIn.submit")}
          </button>
        </div>
      </Form>

      <section className="auth-alternative card" aria-labelledby="magic-title">
        <h2 id="magic-title">{t("signIn.magicTitle")}</h2>
        <p>{t("signIn.magicText")}</p>
        <p>
          <Link to="/connexion/lien">{t("signIn.magicLink")}</Link>
        </p>
      </section>

      <p className="auth-alternative">
        {t("signIn.noAccount")} <Link to="/inscription">{t("signIn.signUpLink")}</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
