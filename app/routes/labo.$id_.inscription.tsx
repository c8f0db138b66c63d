import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { env } from "#app/env.server.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { canRunLaboSession } from "#app/modules/auth/permissions.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { cancelRegistration } from "#app/modules/labo-registrations/cancel-registration.server.ts";
import { registerForSession, type RegisterResult } from "#app/modules/labo-registrations/register-for-session.server.ts";
import { GuestRegistrationSchema, REGISTRANT_NAME_MAX } from "#app/modules/labo-registrations/registration.schema.ts";
import { findUserRegistration, registrationCounts } from "#app/modules/labo-registrations/registration-queries.server.ts";
import { registrationAvailability, sessionPlace, sessionWhen } from "#app/modules/labo-registrations/registration-rules.ts";
import { findLaboSession } from "#app/modules/labo/session-access.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { clientAddress, consume, tooManyRequests } from "#app/modules/security/rate-limit.server.ts";
import { LaboFacts } from "#app/components/labo/labo-facts.tsx";

export const handle = { i18n: ["laboRegistrations"] };
export const meta = pageMeta;

/** What a guest sees after registering (no account, so the page cannot look them up): `?fait=…&contact=…`. */
const DONE = ["confirmed", "waitlisted", "already"] as const;
type Done = (typeof DONE)[number];

/**
 * The registration page, target of the flyer's QR code (phone first). Public: a signed-in person registers
 * with one button, anyone else with a name, an email or a phone, and their consent. Drafts are not public
 * (404 except for the people who run the session); cancelled and past sessions answer 409 with the reason.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await findLaboSession(params.id);
  if (!session) throw new Response(null, { status: 404 });
  const viewer = await getViewer(request);
  const availability = registrationAvailability(session);
  if (availability === "draft" && !canRunLaboSession(viewer, session)) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "laboRegistrations");
  const [counts, mine] = await Promise.all([registrationCounts(session.id), viewer ? findUserRegistration(session.id, viewer.id) : null]);
  const url = new URL(request.url);
  const fait = url.searchParams.get("fait");
  const done = !viewer && DONE.includes(fait as Done) ? { outcome: fait as Done, emailed: url.searchParams.get("contact") !== "telephone" } : null;
  return json(
    {
      title: t("page.title", { title: session.title }),
      session: {
        id: session.id,
        title: session.title,
        when: sessionWhen(session, locale),
        place: sessionPlace(session),
        accessInfo: session.accessInfo,
        accessibilityInfo: session.accessibilityInfo,
      },
      availability,
      seatsLeft: session.capacity === null ? null : Math.max(0, session.capacity - counts.confirmed),
      signedIn: Boolean(viewer),
      // The people who run the session find their invitation kit from here (the QR code's page).
      canRun: canRunLaboSession(viewer, session),
      mine: mine?.status ?? null,
      done,
      retentionMonths: env.LABO_PERSONAL_DATA_MONTHS,
    },
    { status: availability === "open" ? 200 : 409 },
  );
}

function refused(result: Exclude<RegisterResult, { status: "registered" | "already" }>, values: Record<string, string>) {
  if (result.status === "notFound") throw new Response(null, { status: 404 });
  return json({ errors: { form: `laboRegistrations:closed.${result.reason}` }, values }, { status: result.reason === "draft" ? 404 : 409 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await findLaboSession(params.id);
  if (!session) throw new Response(null, { status: 404 });
  const viewer = await getViewer(request);
  const page = `/labo/${session.id}/inscription`;
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return json({ errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  }

  if (viewer) {
    if (formData.get("intent") === "cancel") {
      const result = await cancelRegistration({ sessionId: session.id, userId: viewer.id });
      if (result.status === "cancelled" || result.status === "alreadyCancelled") return redirectWithFlash(page, "laboRegistrations:flash.cancelled");
      if (result.status === "past") return json({ errors: { form: "laboRegistrations:closed.past" }, values: {} }, { status: 409 });
      return json({ errors: { form: "laboRegistrations:validation.notRegistered" }, values: {} }, { status: 409 });
    }
    const limit = await consume("laboRegistration", { account: viewer.id, address: clientAddress(context) });
    if (!limit.ok) return tooManyRequests(limit, { errors: { form: "laboRegistrations:validation.tooMany" }, values: {} });
    const result = await registerForSession({ sessionId: session.id, registrant: { kind: "user", userId: viewer.id }, locale: viewer.locale });
    if (result.status === "already") return redirectWithFlash(page, "laboRegistrations:flash.already");
    if (result.status !== "registered") return refused(result, {});
    return redirectWithFlash(page, result.placement === "confirmed" ? "laboRegistrations:flash.registered" : "laboRegistrations:flash.waitlisted");
  }

  const parsed = validateFormData(formData, GuestRegistrationSchema);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { website, consent: _consent, ...guest } = parsed.data;
  // A filled honeypot is a bot: it gets the usual answer, and nothing is stored or sent.
  if (website) return redirect(`${page}?fait=confirmed`);
  const limit = await consume("laboRegistration", { account: guest.email ?? guest.phone?.replace(/\D/g, ""), address: clientAddress(context) });
  if (!limit.ok) return tooManyRequests(limit, { errors: { form: "laboRegistrations:validation.tooMany" }, values: parsed.values });
  const result = await registerForSession({ sessionId: session.id, registrant: { kind: "guest", ...guest }, locale: await getLocale(request) });
  if (result.status === "already") return redirect(`${page}?fait=already`);
  if (result.status !== "registered") return refused(result, parsed.values);
  return redirect(`${page}?fait=${result.placement}${result.emailed ? "" : "&contact=telephone"}`);
}

export default function LaboRegistrationRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("laboRegistrations");
  const { session, availability, seatsLeft } = data;
  const full = seatsLeft === 0;
  return (
    <div className="labo-registration">
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.labo"), to: "/labo" },
          { label: session.title, to: `/labo/${session.id}` },
          { label: t("breadcrumb.registration") },
        ]}
      />
      <p className="eyebrow">{t("page.eyebrow")}</p>
      <h1>{session.title}</h1>
      <p className="lead">{t("page.intro")}</p>
      <LaboFacts
        facts={[
          { label: t("page.when"), value: session.when },
          { label: t("page.where"), value: session.place },
          { label: t("page.access"), value: session.accessInfo },
          { label: t("page.accessibility"), value: session.accessibilityInfo },
          {
            label: t("page.seats"),
            value: availability !== "open" ? null : seatsLeft === null ? t("page.seatsUnlimited") : seatsLeft === 0 ? t("page.seatsNone") : t("page.seatsLeft", { count: seatsLeft }),
          },
        ]}
      />
      <p>
        <Link to={`/labo/${session.id}`}>{t("page.sessionLink")}</Link>
      </p>
      {data.canRun ? (
        <p>
          <Link to={`/labo/${session.id}/invitation`}>{t("page.invitationLink")}</Link>
        </p>
      ) : null}

      {availability !== "open" ? (
        <section className="notice notice-warning" role="status">
          <p>{t(`closed.${availability}`)}</p>
          <p>
            <Link to="/labo">{t("closed.agenda")}</Link>
          </p>
        </section>
      ) : data.done ? (
        <GuestDone done={data.done} sessionId={session.id} />
      ) : data.signedIn ? (
        <SignedInRegistration mine={data.mine} full={full} error={actionData?.errors.form} />
      ) : (
        <>
          {full ? <p className="notice">{t("page.fullWaitlist")}</p> : null}
          <GuestForm sessionId={session.id} full={full} retentionMonths={data.retentionMonths} />
        </>
      )}
    </div>
  );
}

function GuestDone({ done, sessionId }: { done: { outcome: Done; emailed: boolean }; sessionId: string }) {
  const { t } = useTranslation("laboRegistrations");
  return (
    <section className="notice" role="status" aria-labelledby="done-title">
      <h2 id="done-title">{done.outcome === "already" ? t("done.already") : t(`done.${done.outcome}`)}</h2>
      {done.outcome === "already" ? null : (
        <>
          <p>{done.emailed ? t("done.emailSent") : t("done.noEmail")}</p>
          {done.outcome === "waitlisted" ? <p>{t("done.waitlistedNext")}</p> : null}
        </>
      )}
      <p>
        <Link to={`/labo/${sessionId}/inscription`}>{t("done.another")}</Link>
      </p>
    </section>
  );
}

function SignedInRegistration({ mine, full, error }: { mine: "confirmed" | "waitlisted" | "cancelled" | null; full: boolean; error?: string }) {
  const { t } = useTranslation("laboRegistrations");
  const errorBox = error ? (
    <p className="notice notice-error" role="alert">
      {t(error as never)}
    </p>
  ) : null;
  if (mine === "confirmed" || mine === "waitlisted") {
    return (
      <section className="notice" aria-labelledby="mine-title">
        {errorBox}
        <h2 id="mine-title">{t(`signedIn.${mine}`)}</h2>
        <Form method="post">
          {mine === "confirmed" ? (
            <p id="cancel-hint" className="field-hint">
              {t("signedIn.cancelHint")}
            </p>
          ) : null}
          <button type="submit" name="intent" value="cancel" className="button button-secondary" aria-describedby={mine === "confirmed" ? "cancel-hint" : undefined}>
            {mine === "confirmed" ? t("signedIn.cancel") : t("signedIn.leaveWaitlist")}
          </button>
        </Form>
      </section>
    );
  }
  return (
    <section aria-label={t("breadcrumb.registration")}>
      {errorBox}
      {full ? <p className="notice">{t("page.fullWaitlist")}</p> : null}
      <Form method="post">
        <p id="register-hint" className="field-hint">
          {t("signedIn.hint")}
        </p>
        <button type="submit" className="button" aria-describedby="register-hint">
          {full ? t("signedIn.registerWaitlist") : t("signedIn.register")}
        </button>
      </Form>
    </section>
  );
}

function GuestForm({ sessionId, full, retentionMonths }: { sessionId: string; full: boolean; retentionMonths: number }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("laboRegistrations");
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(GuestRegistrationSchema, actionData);
  const optional = ` (${t("guest.optional")})`;
  const labels = { name: t("guest.name"), email: t("guest.email") + optional, phone: t("guest.phone") + optional, consent: t("guest.consent") };
  const here = `/labo/${sessionId}/inscription`;
  return (
    <section aria-labelledby="guest-title">
      <h2 id="guest-title">{t("guest.title")}</h2>
      <p>{t("guest.intro")}</p>
      <p>
        <Link to={`/connexion?${new URLSearchParams({ redirectTo: here })}`}>{t("guest.haveAccount")}</Link>
      </p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <TextField name="name" label={labels.name} hint={t("guest.nameHint")} error={errors.name} registration={register("name")} autoComplete="name" maxLength={REGISTRANT_NAME_MAX} required />
        <TextField name="email" type="email" label={labels.email} hint={t("guest.contactHint")} error={errors.email} registration={register("email")} autoComplete="email" />
        <TextField name="phone" type="tel" label={labels.phone} hint={t("guest.phoneOnlyHint")} error={errors.phone} registration={register("phone")} autoComplete="tel" inputMode="tel" />
        <div className="checkbox">
          <input type="checkbox" id="isNewcomer" aria-describedby="isNewcomer-hint" {...registerChoice("isNewcomer", "on")} />
          <div>
            <label htmlFor="isNewcomer">{t("guest.newcomer")}</label>
            <p id="isNewcomer-hint" className="choice-hint">
              {t("guest.newcomerHint")}
            </p>
          </div>
        </div>
        <div className={`field${errors.consent ? " field-invalid" : ""}`}>
          {errors.consent ? (
            <p id="consent-error" className="field-error">
              <span className="visually-hidden">{t("common:forms.errorPrefix")} </span>
              {t(errors.consent as never)}
            </p>
          ) : null}
          <div className="checkbox">
            <input
              type="checkbox"
              id="consent"
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? "consent-hint consent-error" : "consent-hint"}
              required
              {...registerChoice("consent", "on")}
            />
            <div>
              <label htmlFor="consent">{t("guest.consent")}</label>
              <p id="consent-hint" className="choice-hint">
                {t("guest.consentHint", { months: retentionMonths })} <Link to="/confidentialite">{t("guest.privacyLink")}</Link>
              </p>
            </div>
          </div>
        </div>
        {/* Honeypot: off-screen and hidden from assistive technologies; only bots fill it in. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("guest.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {full ? t("guest.submitWaitlist") : t("guest.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
