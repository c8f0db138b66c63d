import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LINK_PROBLEM_STATUS, LinkProblem } from "#app/components/account/link-problem.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { inspectAuthToken } from "#app/modules/auth/auth-tokens.server.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { signInWithMagicLink } from "#app/modules/auth/magic-link.server.ts";
import { pathAfterSignIn } from "#app/modules/charter/accept-charter.server.ts";
import { endSession, startSession } from "#app/modules/auth/session.server.ts";
import { getFixedT, getLocale, localeCookie } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["auth"] };
export const meta = pageMeta;

function tokenOf(request: Request) {
  return new URL(request.url).searchParams.get("token");
}

/**
 * Opening the emailed link shows a button; the button signs in. Mail scanners open links to check them:
 * if opening signed in, a scanner would use up the one-time link before its owner.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await getViewer(request);
  const [{ status }, t] = await Promise.all([inspectAuthToken("magic_link", tokenOf(request)), getFixedT(await getLocale(request), "auth")]);
  if (status === "valid") return json({ title: t("magicLinkUse.title"), problem: null });
  return json({ title: t("linkProblem.title"), problem: status }, { status: LINK_PROBLEM_STATUS[status] });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  const result = await signInWithMagicLink(tokenOf(request));
  if (result.status !== "ok") return json({ problem: result.status }, { status: LINK_PROBLEM_STATUS[result.status] });
  // Someone else signed in on this browser? Their session ends; the link's owner takes over.
  if (viewer) await endSession(request);
  return redirectWithFlash(await pathAfterSignIn(result.userId, "/"), "auth:flash.signedIn", {
    headers: [
      ["Set-Cookie", await startSession(result.userId)],
      ["Set-Cookie", await localeCookie.serialize(result.locale)],
    ],
  });
}

export default function MagicLinkUseRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const problem = actionData?.problem ?? data.problem;
  if (problem) return <LinkProblem problem={problem} action={{ to: "/connexion/lien", label: t("magicLinkUse.askAgain") }} />;
  return (
    <div className="auth-page">
      <h1>{t("magicLinkUse.title")}</h1>
      <p className="lead">{t("magicLinkUse.text")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("magicLinkUse.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
