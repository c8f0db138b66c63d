import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LINK_PROBLEM_STATUS, LinkProblem } from "#app/components/account/link-problem.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { verifyEmail } from "#app/modules/auth/email-verification.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;


/**
 * The link of the verification email. Following it confirms the address; it needs no session (people
 * often open the email on another device). A second click reads as a success when the address is verified.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const result = await verifyEmail(new URL(request.url).searchParams.get("token"));
  const t = await getFixedT(await getLocale(request), "auth");
  if (result.status === "verified" || result.status === "already_verified") {
    return json({ title: t("verification.okTitle"), result: result.status, signedIn: viewer !== null });
  }
  return json({ title: t("linkProblem.title"), result: result.status, signedIn: viewer !== null }, { status: LINK_PROBLEM_STATUS[result.status] });
}

export default function VerificationRoute() {
  const { result, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  if (result === "verified" || result === "already_verified") {
    return (
      <div className="auth-page">
        <h1>{t("verification.okTitle")}</h1>
        <p className="lead">{t(result === "verified" ? "verification.okText" : "verification.alreadyText")}</p>
        <p>{t("verification.next")}</p>
        <p>
          <Link to={signedIn ? "/compte" : "/connexion"} className="button">
            {signedIn ? t("verification.toAccount") : t("verification.toSignIn")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <LinkProblem problem={result} action={{ to: "/compte", label: t("verification.askAgainAction") }}>
      <p>{t("verification.askAgain")}</p>
    </LinkProblem>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
