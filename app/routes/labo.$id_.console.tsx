import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#app/components/dates.ts";
import { JsMarker, submittedWithJs } from "#app/components/js-marker.tsx";
import { CaptureSection } from "#app/components/labo-console/capture-section.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { searchText } from "#app/modules/forms/text.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { captureContribution } from "#app/modules/labo-console/capture-contribution.server.ts";
import { addWalkIn, setCheckIn } from "#app/modules/labo-console/check-in.server.ts";
import { CaptureSchema, CheckInSchema, WalkInSchema } from "#app/modules/labo-console/console.schema.ts";
import { countAttendance, getCaptureChoices, listConsoleRegistrations, listSessionCaptures } from "#app/modules/labo-console/console-queries.server.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

// The one page of this area that ships JavaScript: check-ins without a page jump, and captures kept in
// the browser while the network is down. Everything also works as plain forms.
export const handle = { i18n: ["laboConsole", "proposals"] };
export const meta = pageMeta;

const FILTER_MAX = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionRunner(request, params.id);
  const url = new URL(request.url);
  const filter = searchText(url.searchParams.get("q") ?? "", FILTER_MAX) || null;
  const locale = await getLocale(request);
  const [t, counts, registrations, captures, choices] = await Promise.all([
    getFixedT(locale, "laboConsole"),
    countAttendance(session.id),
    listConsoleRegistrations(session.id, filter),
    listSessionCaptures(session.id),
    getCaptureChoices(session),
  ]);
  return json(
    {
      title: t("console.title", { title: session.title }),
      session: { id: session.id, title: session.title, when: formatDateTime(session.startsAt, locale), placeName: session.placeName, cancelled: session.status === "cancelled" },
      filter,
      counts,
      registrations: registrations.map((r) => ({ ...r, present: r.checkedInAt !== null })),
      captures: captures.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), atLabel: formatDateTime(c.createdAt, locale) })),
      choices,
      // Without JavaScript, the capture form carries this id: sending the same form twice stores it once.
      clientId: crypto.randomUUID(),
    },
    // Personal data: never kept by a shared cache or the browser's back-forward history.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type ActionData = { intent: "capture" | "walkin" | "checkin"; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const here = `/labo/${session.id}/console`;
  const form = await request.formData().catch(() => null);
  if (!form) return json<ActionData>({ intent: "capture", errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const closed = () => json<ActionData>({ intent: "capture", errors: { form: "laboConsole:validation.cancelled" }, values: {} }, { status: 409 });
  switch (form.get("intent")) {
    case "checkin": {
      const parsed = validateFormData(form, CheckInSchema);
      if (!parsed.ok) return json<ActionData>({ intent: "checkin", errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await setCheckIn({ session, registrationId: parsed.data.registrationId, present: parsed.data.present });
      if (result.status === "not_found") throw new Response(null, { status: 404 });
      if (result.status === "cancelled") return closed();
      if (submittedWithJs(form)) return json({ intent: "checkin" as const, ok: true });
      const filter = typeof form.get("q") === "string" && form.get("q") ? `?q=${encodeURIComponent(String(form.get("q")))}` : "";
      return redirectWithFlash(`${here}${filter}#inscrit-${parsed.data.registrationId}`, parsed.data.present ? "laboConsole:flash.checkedIn" : "laboConsole:flash.checkedOut");
    }
    case "walkin": {
      const parsed = validateFormData(form, WalkInSchema);
      if (!parsed.ok) return json<ActionData>({ intent: "walkin", errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await addWalkIn({ session, name: parsed.data.name, newcomer: parsed.data.newcomer });
      if (result.status === "cancelled") return closed();
      return redirectWithFlash(`${here}#accueil`, "laboConsole:flash.walkInAdded");
    }
    case "capture": {
      const parsed = validateFormData(form, CaptureSchema);
      if (!parsed.ok) return json<ActionData>({ intent: "capture", errors: parsed.errors, values: parsed.values }, { status: 400 });
      const result = await captureContribution({ session, actor: viewer, input: parsed.data });
      if (result.status === "invalid") return json<ActionData>({ intent: "capture", errors: result.errors, values: parsed.values }, { status: 400 });
      if (result.status === "cancelled") return closed();
      return redirectWithFlash(`${here}#contributions`, "laboConsole:flash.captured");
    }
    default:
      return json<ActionData>({ intent: "capture", errors: { form: "laboConsole:validation.unknownIntent" }, values: {} }, { status: 400 });
  }
}

export default function LaboConsoleRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("laboConsole");
  return (
    <div className="labo-console">
      <header className="labo-console-header">
        <p className="eyebrow">{t("console.eyebrow")}</p>
        <h1>{data.session.title}</h1>
        <p>{t("console.when", { when: data.session.when, place: data.session.placeName })}</p>
        <nav aria-label={t("console.navLabel")}>
          <ul className="labo-console-nav">
            <li>
              <a href="#accueil">{t("welcome.title")}</a>
            </li>
            <li>
              <a href="#contributions">{t("captures.title")}</a>
            </li>
            <li>
              <Link to={`/labo/${data.session.id}/compte-rendu`}>{t("console.minutesLink")}</Link>
            </li>
          </ul>
        </nav>
      </header>
      {data.session.cancelled ? <p className="notice notice-warning">{t("console.cancelled")}</p> : null}

      <section id="accueil" className="section" aria-labelledby="welcome-title">
        <h2 id="welcome-title">{t("welcome.title")}</h2>
        <p className="labo-console-counts" aria-live="polite">
          {t("welcome.counts", { present: data.counts.present, newcomers: data.counts.newcomers, registered: data.counts.registered })}
        </p>
        <Form method="get" className="labo-console-filter" role="search" aria-label={t("welcome.filterLabel")}>
          <div className="field">
            <label htmlFor="q">{t("welcome.filter")}</label>
            <input id="q" name="q" type="search" defaultValue={data.filter ?? ""} maxLength={FILTER_MAX} autoComplete="off" />
          </div>
          <button type="submit" className="button button-secondary button-small">
            {t("welcome.filterSubmit")}
          </button>
          {data.filter ? <Link to={`/labo/${data.session.id}/console#accueil`}>{t("welcome.filterClear")}</Link> : null}
        </Form>
        {data.registrations.length ? (
          <ul className="labo-registrations">
            {data.registrations.map((r) => (
              <RegistrationRow key={r.id} registration={r} filter={data.filter} />
            ))}
          </ul>
        ) : (
          <p>{data.filter ? t("welcome.noMatch", { filter: data.filter }) : t("welcome.none")}</p>
        )}
        {/* A new form after each person added (the count changes), so the boxes do not stay ticked. */}
        <WalkInForm key={data.counts.present} actionData={actionData?.intent === "walkin" ? actionData : undefined} />
      </section>

      <CaptureSection
        sessionId={data.session.id}
        choices={data.choices}
        captures={data.captures}
        clientId={data.clientId}
        actionData={actionData?.intent === "capture" ? actionData : undefined}
      />
    </div>
  );
}

type RegistrationItem = { id: string; name: string | null; status: string; source: string; isNewcomer: boolean; present: boolean };

/** One person: a form of its own, posted by a fetcher with JavaScript (no page jump), plainly without. */
function RegistrationRow({ registration: r, filter }: { registration: RegistrationItem; filter: string | null }) {
  const { t } = useTranslation("laboConsole");
  const fetcher = useFetcher();
  // While the tap is on its way, show its outcome (the loader confirms it right after).
  const present = fetcher.formData ? fetcher.formData.get("present") === "1" : r.present;
  const name = r.name ?? t("welcome.anonymous");
  return (
    <li id={`inscrit-${r.id}`} className={`labo-registration${present ? " is-present" : ""}`}>
      <p className="labo-registration-who">
        <strong>{name}</strong>{" "}
        {r.status === "waitlisted" ? <span className="tag tag-muted">{t("welcome.waitlisted")}</span> : null}
        {r.source === "walk_in" ? <span className="tag tag-muted">{t("welcome.walkIn")}</span> : null}
        {r.isNewcomer ? <span className="tag">{t("welcome.newcomer")}</span> : null}
      </p>
      <fetcher.Form method="post" className="labo-registration-form">
        <input type="hidden" name="intent" value="checkin" />
        <input type="hidden" name="registrationId" value={r.id} />
        <input type="hidden" name="present" value={present ? "0" : "1"} />
        {filter ? <input type="hidden" name="q" value={filter} /> : null}
        <JsMarker />
        {present ? (
          <>
            <span className="labo-present-mark">{t("welcome.isPresent")}</span>{" "}
            <button type="submit" className="button button-secondary button-small">
              {t("welcome.undo")}
              <span className="visually-hidden"> ({name})</span>
            </button>
          </>
        ) : (
          <button type="submit" className="button button-small">
            {t("welcome.checkIn")}
            <span className="visually-hidden"> : {name}</span>
          </button>
        )}
      </fetcher.Form>
    </li>
  );
}

function WalkInForm({ actionData }: { actionData: ActionData | undefined }) {
  const { t } = useTranslation("laboConsole");
  const error = actionData?.errors.name;
  // Any other field refused (the box's value, which nobody types): the form as a whole could not be read.
  const formError = actionData?.errors.form ?? (actionData && Object.keys(actionData.errors).some((field) => field !== "name") ? "validation.invalidForm" : undefined);
  return (
    <Form method="post" className="labo-walk-in form" aria-labelledby="walk-in-title">
      <h3 id="walk-in-title">{t("walkIn.title")}</h3>
      <p className="field-hint">{t("walkIn.hint")}</p>
      {formError ? (
        <p className="field-error" role="alert">
          {t(formError as never)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="walkin" />
      <div className={`field${error ? " field-invalid" : ""}`}>
        <label htmlFor="walkin-name">{t("walkIn.name")}</label>
        {error ? (
          <p id="walkin-name-error" className="field-error">
            {t(error as never)}
          </p>
        ) : null}
        <input id="walkin-name" name="name" autoComplete="off" maxLength={120} defaultValue={actionData?.values.name ?? ""} aria-describedby={error ? "walkin-name-error" : undefined} aria-invalid={error ? true : undefined} />
      </div>
      <div className="checkbox">
        <input id="walkin-newcomer" name="newcomer" type="checkbox" defaultChecked={actionData?.values.newcomer === "on"} />
        <label htmlFor="walkin-newcomer">{t("walkIn.newcomer")}</label>
      </div>
      <button type="submit" className="button">
        {t("walkIn.submit")}
      </button>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
