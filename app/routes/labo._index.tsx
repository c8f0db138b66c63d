import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat, numberFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getLaboFigures } from "#app/modules/labo/labo-figures.server.ts";
import { listLaboAgenda, listRunnableDrafts } from "#app/modules/labo/labo-session-queries.server.ts";
import { parseAgendaFilters } from "#app/modules/labo/labo-session.schema.ts";
import { listCommunes, listPiliersWithAmbitions } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["labo"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseAgendaFilters(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const [t, viewer, agenda, figures, communes, piliers] = await Promise.all([
    getFixedT(locale, "labo"),
    getViewer(request),
    listLaboAgenda(filters),
    getLaboFigures(),
    listCommunes(),
    listPiliersWithAmbitions(),
  ]);
  // Those who run sessions find their drafts here, to finish and announce them.
  const drafts = viewer ? await listRunnableDrafts(viewer) : [];
  const day = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const time = dateFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const when = (s: { startsAt: Date; endsAt: Date | null }) =>
    s.endsAt ? t("page.dateRange", { date: day.format(s.startsAt), start: time.format(s.startsAt), end: time.format(s.endsAt) }) : day.format(s.startsAt);
  const shortDay = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const shortDayOf = (date: Date) => shortDay.format(date);
  return json({
    title: t("agenda.title"),
    description: t("meta.agendaDescription"),
    locale,
    filters,
    canCreate: can(viewer, "labo.manage"),
    drafts: drafts.map((d) => ({ ...d, when: shortDayOf(d.startsAt) })),
    communes,
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))),
    upcoming: agenda.upcoming.map((s) => ({ ...s, when: when(s) })),
    past: agenda.past.map((s) => ({ ...s, when: shortDay.format(s.startsAt) })),
    figures: {
      sessions: figures.sessions.map((s) => ({ ...s, day: shortDay.format(s.startsAt) })),
      communes: figures.communes,
    },
  });
}

export default function LaboAgendaRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("labo");
  const numbers = numberFormat(data.locale);
  const fr = contentLang(data.locale);
  const count = (n: number | null) => (n === null ? "—" : numbers.format(n));
  const filtered = data.filters.communeSlug !== null || data.filters.ambitionNumber !== null;
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.agenda") }]} />
      <h1>{t("agenda.title")}</h1>
      <p className="lead">{t("agenda.intro")}</p>
      {data.canCreate ? (
        <p>
          <Link to="/labo/nouveau" className="button">
            {t("agenda.create")}
          </Link>
        </p>
      ) : null}
      {data.drafts.length ? (
        <section className="card labo-drafts" aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t("agenda.draftsTitle")}</h2>
          <p className="field-hint">{t("agenda.draftsIntro")}</p>
          <ul>
            {data.drafts.map((draft) => (
              <li key={draft.id}>
                <Link to={`/labo/${draft.id}/modifier`} lang={fr}>
                  {draft.title}
                </Link>{" "}
                · {draft.when}
                {draft.communeName ? <span lang={fr}> · {draft.communeName}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form method="get" action="/labo" className="filters labo-filters" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("agenda.filtersTitle")}
        </h2>
        <div className="field">
          <label htmlFor="commune">{t("agenda.commune")}</label>
          <select id="commune" name="commune" defaultValue={data.filters.communeSlug ?? ""}>
            <option value="">{t("agenda.allCommunes")}</option>
            {data.communes.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ambition">{t("agenda.ambition")}</label>
          <select id="ambition" name="ambition" defaultValue={data.filters.ambitionNumber ?? ""} lang={fr}>
            <option value="">{t("agenda.allAmbitions")}</option>
            {data.ambitions.map((a) => (
              <option key={a.number} value={a.number}>
                {a.number}. {a.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("agenda.apply")}
          </button>
          {filtered ? <a href="/labo">{t("agenda.reset")}</a> : null}
        </div>
      </form>

      <section className="section" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("agenda.upcomingTitle")}</h2>
        {data.upcoming.length === 0 ? <p>{t("agenda.upcomingNone")}</p> : null}
        <ul className="labo-list">
          {data.upcoming.map((s) => (
            <li key={s.id} className={`card labo-card${s.status === "cancelled" ? " labo-card-cancelled" : ""}`}>
              <h3>
                <Link to={`/labo/${s.id}`}>{s.title}</Link>
              </h3>
              <p className="labo-when">{s.when}</p>
              <p>
                {s.placeName}
                {s.communeName ? `, ${s.communeName}` : ""}
              </p>
              {s.ambitions.length ? (
                <ul className="tag-list" lang={fr}>
                  {s.ambitions.map((a) => (
                    <li key={a.number} className="tag tag-muted">
                      {a.number}. {a.title}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p>
                {s.status === "cancelled" ? (
                  <span className="tag tag-danger">{t("agenda.cancelled")}</span>
                ) : s.status === "full" || s.seatsLeft === 0 ? (
                  <span className="tag tag-warning">{t("agenda.full")}</span>
                ) : s.seatsLeft !== null ? (
                  <span className="tag tag-ok">{t("agenda.seatsLeft", { count: s.seatsLeft })}</span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="past-title">
        <h2 id="past-title">{t("agenda.pastTitle")}</h2>
        {data.past.length === 0 ? <p>{t("agenda.pastNone")}</p> : null}
        <ul className="labo-list">
          {data.past.map((s) => (
            <li key={s.id} className="card labo-card">
              <h3>
                <Link to={`/labo/${s.id}`}>{s.title}</Link>
              </h3>
              <p className="labo-when">
                {s.when} · {s.placeName}
              </p>
              <p>{s.attendance === null ? t("agenda.participantsUnknown") : t("agenda.participants", { count: s.attendance })}</p>
              {s.minutesPublishedAt ? (
                <p>
                  <Link to={`/labo/${s.id}#compte-rendu`}>{t("agenda.minutesLink")}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="figures-title">
        <h2 id="figures-title">{t("agenda.figuresTitle")}</h2>
        <p>{t("agenda.figuresIntro")}</p>
        {data.figures.sessions.length === 0 ? (
          <p>{t("agenda.figuresNone")}</p>
        ) : (
          <>
            <h3>{t("agenda.figuresByCommune")}</h3>
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a table wider than a phone scrolls: keyboard users must reach it (axe scrollable-region-focusable) */}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t("agenda.figuresCaptionCommune")}>
              <table className="table">
                <caption className="visually-hidden">{t("agenda.figuresCaptionCommune")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("figures.commune")}</th>
                    <th scope="col" className="numeric">
                      {t("figures.sessionsHeld")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.attendance")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.newcomers")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.contributions")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.proposals")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.figures.communes.map((c) => (
                    <tr key={c.communeSlug ?? "none"}>
                      <th scope="row">{c.communeName ?? t("figures.noCommune")}</th>
                      <td className="numeric">{count(c.sessionsHeld)}</td>
                      <td className="numeric">{count(c.attendance)}</td>
                      <td className="numeric">{count(c.newcomers)}</td>
                      <td className="numeric">{count(c.contributions)}</td>
                      <td className="numeric">{count(c.proposalsCarried)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t("agenda.figuresBySession")}</h3>
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a table wider than a phone scrolls: keyboard users must reach it (axe scrollable-region-focusable) */}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t("agenda.figuresCaptionSession")}>
              <table className="table">
                <caption className="visually-hidden">{t("agenda.figuresCaptionSession")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("figures.date")}</th>
                    <th scope="col">{t("figures.commune")}</th>
                    <th scope="col" className="numeric">
                      {t("figures.attendance")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.newcomers")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.contributions")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("figures.proposals")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.figures.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/labo/${s.id}`}>{s.day}</Link>
                      </th>
                      <td>{s.communeName ?? t("figures.noCommune")}</td>
                      <td className="numeric">{count(s.attendance)}</td>
                      <td className="numeric">{count(s.newcomers)}</td>
                      <td className="numeric">{count(s.contributions)}</td>
                      <td className="numeric">{count(s.proposalsCarried)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul>
              <li>
                <a href="/labo/chiffres.csv" download>
                  {t("agenda.downloadSession")}
                </a>
              </li>
              <li>
                <a href="/labo/chiffres.csv?par=commune" download>
                  {t("agenda.downloadCommune")}
                </a>
              </li>
            </ul>
          </>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
