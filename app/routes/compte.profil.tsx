import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProfileChoiceFields } from "#app/components/account/profile-choice-fields.tsx";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getAccount, listPlaceChoices } from "#app/modules/auth/account-queries.server.ts";
import { DISPLAY_NAME_MAX } from "#app/modules/auth/auth.schema.ts";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { ProfileSchema } from "#app/modules/auth/profile.schema.ts";
import { updateProfile } from "#app/modules/auth/update-profile.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale, localeCookie } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["account", "auth"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const [account, places, t] = await Promise.all([getAccount(viewer.id), listPlaceChoices(), getFixedT(await getLocale(request), "account")]);
  if (!account) throw new Response(null, { status: 404 });
  return json({
    title: t("profile.title"),
    current: { displayName: account.displayName, communeSlug: account.communeSlug ?? "", quartierCode: account.quartierCode ?? "", locale: account.locale },
    ...places,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const parsed = await parseForm(request, ProfileSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateProfile(viewer.id, parsed.data);
  if (result.status === "invalid") return json({ errors: result.errors, values: parsed.values }, { status: 400 });
  // The preferred language is also the interface's from now on.
  return redirectWithFlash("/compte", "account:flash.profileSaved", { headers: [["Set-Cookie", await localeCookie.serialize(parsed.data.locale)]] });
}

export default function ProfileRoute() {
  const { current, communes, quartiers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values: Record<string, string> = { ...current, ...actionData?.values };
  const { t } = useTranslation(["account", "auth", "common"]);
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(ProfileSchema, actionData, current);
  const optional = ` (${t("common:forms.optional")})`;
  const labels = {
    displayName: t("fields.displayName"),
    communeSlug: t("fields.commune") + optional,
    quartierCode: t("fields.quartier") + optional,
    locale: t("fields.locale"),
  };
  return (
    <div className="account-page">
      <nav aria-label={t("profile.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/compte">{t("overview.title")}</Link>
          </li>
          <li aria-current="page">{t("profile.title")}</li>
        </ol>
      </nav>
      <h1>{t("profile.title")}</h1>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <TextField
          name="displayName"
          label={labels.displayName}
          hint={t("auth:signUp.displayNameHint")}
          error={errors.displayName}
          registration={register("displayName")}
          defaultValue={values.displayName}
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX}
        />
        <ProfileChoiceFields communes={communes} quartiers={quartiers} register={register} errors={errors} values={values} labels={labels} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("profile.submit")}
          </button>
          <Link to="/compte">{t("profile.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
