import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

// The page after sign-up. It says the same thing whether or not the address already had an account.
export async function loader({ request }: LoaderFunctionArgs) {
  await getViewer(request);
  const t = await getFixedT(await getLocale(request), "auth");
  return json({ title: t("signUpDone.title") });
}

export default function SignUpDoneRoute() {
  const { t } = useTranslation("auth");
  return (
    <div className="auth-page">
      <h1>{t("signUpDone.title")}</h1>
      <p className="lead">{t("signUpDone.lead")}</p>
      <ol className="steps">
        <li>{t("signUpDone.step1")}</li>
        <li>{t("signUpDone.step2")}</li>
        <li>{t("signUpDone.step3")}</li>
      </ol>
      <div className="notice">
        <h2>{t("signUpDone.nothingTitle")}</h2>
        <p>{t("signUpDone.nothingText")}</p>
      </div>
      <p>
        <Link to="/" className="button button-secondary">
          {t("signUpDone.home")}
        </Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
