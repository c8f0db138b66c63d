import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { cancelRegistration } from "#app/modules/labo-registrations/cancel-registration.server.ts";
import { findRegistrationByCancelToken } from "#app/modules/labo-registrations/registration-queries.server.ts";
import { registrationAvailability, sessionPlace, sessionWhen } from "#app/modules/labo-registrations/registration-rules.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { LaboFacts } from "#app/components/labo/labo-facts.tsx";

// A plain form: no JavaScript needed.
export const handle = { i18n: ["laboRegistrations"], hydrate: false };
export const meta = pageMeta;
// The address holds the secret: no cache keeps the page. (Other sites never see it as a referrer: the
// site-wide strict-origin-when-cross-origin policy sends them the origin only.)
const PRIVATE_HEADERS = { "Cache-Control": "no-store" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

/**
 * The cancel link of the confirmation email (`/labo/inscription/:token`): shows what will be cancelled and
 * a button; nothing changes on a GET (mail scanners open links). Anyone holding the link may use it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "laboRegistrations");
  const found = await findRegistrationByCancelToken(params.token);
  if (!found) return json({ title: t("cancelPage.invalidTitle"), found: null }, { status: 404, headers: PRIVATE_HEADERS });
  const { registration, session } = found;
  const state = registration.status === "cancelled" ? "cancelled" : registrationAvailability(session) === "past" ? "past" : registration.status;
  return json(
    {
      title: t("cancelPage.title"),
      found: {
        state,
        name: registration.accountName ?? registration.name,
        session: { id: session.id, title: session.title, when: sessionWhen(session, locale), place: sessionPlace(session) },
      },
    },
    { headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const result = await cancelRegistration({ token });
  if (result.status === "notFound") throw new Response(null, { status: 404 });
  if (result.status === "past") throw new Response(null, { status: 409 });
  return redirectWithFlash(new URL(request.url).pathname, "laboRegistrations:flash.cancelled");
}

export default function CancelRegistrationRoute() {
  const { found } = useLoaderData<typeof loader>();
  const { t } = useTranslation("laboRegistrations");
  if (!found) {
    return (
      <section className="text-page" aria-labelledby="invalid-title">
        <h1 id="invalid-title">{t("cancelPage.invalidTitle")}</h1>
        <p>{t("cancelPage.invalid")}</p>
        <p>
          <Link to="/labo">{t("cancelPage.agenda")}</Link>
        </p>
      </section>
    );
  }
  const { session, state, name } = found;
  return (
    <div className="labo-registration">
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.labo"), to: "/labo" },
          { label: t("breadcrumb.cancel") },
        ]}
      />
      <h1>{t("cancelPage.title")}</h1>
      {state === "confirmed" || state === "waitlisted" ? <p>{t("cancelPage.intro")}</p> : null}
      <LaboFacts
        facts={[
          { label: t("page.eyebrow"), value: session.title },
          { label: t("page.when"), value: session.when },
          { label: t("page.where"), value: session.place },
          { label: t("cancelPage.who"), value: name },
          { label: t("cancelPage.status"), value: state === "confirmed" || state === "waitlisted" ? t(`cancelPage.${state}`) : null },
        ]}
      />
      {state === "confirmed" || state === "waitlisted" ? (
        <Form method="post">
          {state === "confirmed" ? (
            <p id="cancel-hint" className="field-hint">
              {t("cancelPage.cancelHint")}
            </p>
          ) : null}
          <button type="submit" className="button button-danger" aria-describedby={state === "confirmed" ? "cancel-hint" : undefined}>
            {state === "confirmed" ? t("cancelPage.cancel") : t("cancelPage.leaveWaitlist")}
          </button>
        </Form>
      ) : state === "cancelled" ? (
        <section className="notice" role="status">
          <p>{t("cancelPage.cancelled")}</p>
          <p>
            <Link to={`/labo/${session.id}/inscription`}>{t("cancelPage.registerAgain")}</Link>
          </p>
        </section>
      ) : (
        <p className="notice">{t("cancelPage.past")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
