import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProfileChoiceFields } from "#app/components/account/profile-choice-fields.tsx";
import { CharterCheckbox } from "#app/components/charter-checkbox.tsx";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { Honeypot } from "#app/components/honeypot.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { listPlaceChoices } from "#app/modules/auth/account-queries.server.ts";
import { requireAnonymous } from "#app/modules/auth/auth.server.ts";
import { PASSWORD_MAX, PASSWORD_MIN, DISPLAY_NAME_MAX, SignUpSchema } from "#app/modules/auth/auth.schema.ts";
import { signUp } from "#app/modules/auth/sign-up.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale, localeCookie } from "#app/modules/i18n/i18next.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["auth", "charter"] };
export const meta = pageMeta;

const CONFIRMATION = "/inscription/confirmation";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const locale = await getLocale(request);
  const [t, places] = await Promise.all([getFixedT(locale, "auth"), listPlaceChoices()]);
  return json({ title: t("signUp.title"), locale, ...places });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = await parseForm(request, SignUpSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { website, charter: _accepted, ...input } = parsed.data;
  const headers = new Headers({ "Set-Cookie": await localeCookie.serialize(input.locale) });
  // A filled honeypot is a bot: it gets the usual answer, and nothing is created or sent.
  if (website) return redirect(CONFIRMATION, { headers });

  const limit = await consume("signUp", { account: input.email, address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "auth:signUp.tooMany" }, values: parsed.values });

  const result = await signUp(input);
  if (result.status === "invalid") return json({ errors: result.errors, values: parsed.values }, { status: 400 });
  // Same answer, cookies included, whether the address was new or not: only its owner learns, by email,
  // that it exists. So nobody is signed in here; the person signs in after confirming the address.
  return redirect(CONFIRMATION, { headers });
}

export default function SignUpRoute() {
  const { communes, quartiers, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const { t } = useTranslation(["auth", "common"]);
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(SignUpSchema, actionData, { locale });
  const optional = ` (${t("common:forms.optional")})`;
  const labels = {
    displayName: t("signUp.displayName"),
    email: t("fields.email"),
    password: t("fields.password"),
    communeSlug: t("fields.commune") + optional,
    quartierCode: t("fields.quartier") + optional,
    locale: t("fields.locale"),
    charter: t("charter:signUp.checkbox"),
  };
  return (
    <div className="auth-page">
      <h1>{t("signUp.title")}</h1>
      <p className="lead">{t("signUp.intro")}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <p className="field-hint">{t("signUp.requiredNote")}</p>
        <TextField
          name="displayName"
          label={labels.displayName}
          hint={t("signUp.displayNameHint")}
          error={errors.displayName}
          registration={register("displayName")}
          defaultValue={values.displayName}
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX}
        />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          hint={t("signUp.emailHint")}
          error={errors.email}
          registration={register("email")}
          defaultValue={values.email}
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t("signUp.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={errors.password}
          registration={register("password")}
          autoComplete="new-password"
        />
        <ProfileChoiceFields communes={communes} quartiers={quartiers} register={register} errors={errors} values={{ locale, ...values }} labels={labels} />
        <CharterCheckbox error={errors.charter} registration={registerChoice("charter", "accepted")} />
        <Honeypot />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("signUp.submit")}
          </button>
        </div>
      </Form>
      <p className="auth-alternative">
        {t("signUp.haveAccount")} <Link to="/connexion">{t("signUp.signInLink")}</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
