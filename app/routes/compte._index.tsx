import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { OwnProposalsOverview } from "#app/components/proposals/own-proposals.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getAccount } from "#app/modules/auth/account-queries.server.ts";
import { ResendVerificationSchema } from "#app/modules/auth/auth.schema.ts";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { resendVerificationEmail } from "#app/modules/auth/email-verification.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { getOwnProposalsOverview } from "#app/modules/proposals-search/own-proposals-queries.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";

export const handle = { i18n: ["account", "auth", "finding", "notificationSettings"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const locale = await getLocale(request);
  const [account, t, proposals] = await Promise.all([getAccount(viewer.id), getFixedT(locale, "account"), getOwnProposalsOverview(viewer.id)]);
  if (!account) throw new Response(null, { status: 404 });
  const { id: _id, ...shown } = account;
  return json({ title: t("overview.title"), account: shown, locale, proposals });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const parsed = await parseForm(request, ResendVerificationSchema);
  if (!parsed.ok) return json({ errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const limit = await consume("verificationEmail", { account: viewer.id, address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "auth:requests.tooMany" }, values: {} });
  const result = await resendVerificationEmail(viewer.id);
  return redirectWithFlash("/compte", result.status === "sent" ? "account:flash.verificationSent" : "account:flash.alreadyVerified");
}

export default function AccountRoute() {
  const { account, locale, proposals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["account", "auth", "notificationSettings"]);
  const none = t("overview.notGiven");
  return (
    <div className="account-page">
      <h1>{t("overview.title")}</h1>
      <ErrorSummary errors={actionData?.errors ?? {}} labels={{}} />

      {account.emailVerified ? null : (
        <section className="notice notice-warning" aria-labelledby="verify-title">
          <h2 id="verify-title">{t("verify.title")}</h2>
          <p>{t("verify.text", { email: account.email })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend-verification" />
            <button type="submit" className="button button-secondary">
              {t("verify.resend")}
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="profile-title" className="section">
        <h2 id="profile-title">{t("overview.profileTitle")}</h2>
        <dl className="account-details">
          <div>
            <dt>{t("fields.displayName")}</dt>
            <dd>{account.displayName}</dd>
          </div>
          <div>
            <dt>{t("fields.email")}</dt>
            <dd>
              <span className="account-email">{account.email}</span>{" "}
              <span className={account.emailVerified ? "tag tag-ok" : "tag tag-warning"}>{account.emailVerified ? t("overview.verified") : t("overview.notVerified")}</span>
            </dd>
          </div>
          <div>
            <dt>{t("fields.commune")}</dt>
            <dd>{account.communeName ?? none}</dd>
          </div>
          <div>
            <dt>{t("fields.quartier")}</dt>
            <dd>{account.quartierName ?? none}</dd>
          </div>
          <div>
            <dt>{t("fields.locale")}</dt>
            <dd lang={account.locale}>{t(`auth:languages.${account.locale === "en" ? "en" : "fr"}`)}</dd>
          </div>
        </dl>
        <p>
          <Link to="/compte/profil" className="button">
            {t("overview.edit")}
          </Link>
        </p>
      </section>

      <OwnProposalsOverview lists={proposals} locale={locale} />

      <section aria-labelledby="notification-emails-title" className="section">
        <h2 id="notification-emails-title">{t("notificationSettings:accountSection.title")}</h2>
        <p>{t("notificationSettings:accountSection.text")}</p>
        <p>
          <Link to="/compte/notifications">{t("notificationSettings:accountSection.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="password-title" className="section">
        <h2 id="password-title">{t("overview.passwordTitle")}</h2>
        <p>{account.hasPassword ? t("overview.passwordText") : t("overview.noPasswordText")}</p>
        <p>
          <Link to="/mot-de-passe-oublie">{account.hasPassword ? t("overview.passwordLink") : t("overview.noPasswordLink")}</Link>
        </p>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
