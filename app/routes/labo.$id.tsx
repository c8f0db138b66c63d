import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat, numberFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { ProposalStatusBadge } from "#app/components/proposals/proposal-status-badge.tsx";
import { contentLang } from "#app/components/referential.tsx";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { canRunLaboSession } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getLaboSessionPage } from "#app/modules/labo/labo-session-queries.server.ts";
import { parseLaboSessionId } from "#app/modules/labo/labo-session.schema.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { ReportDisclosure } from "#app/components/moderation/report-form.tsx";

export const handle = { i18n: ["labo", "proposals", "moderation"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseLaboSessionId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const [viewer, page, locale] = await Promise.all([getViewer(request), getLaboSessionPage(id), getLocale(request)]);
  if (!page) throw new Response(null, { status: 404 });
  const runner = canRunLaboSession(viewer, page);
  // A draft belongs to the people who run it: anyone else is told it does not exist.
  if (page.status === "draft" && !runner) throw new Response(null, { status: 404 });
  const t = await getFixedT(locale, "labo");
  const day = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const time = dateFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const when = page.endsAt
    ? t("page.dateRange", { date: day.format(page.startsAt), start: time.format(page.startsAt), end: time.format(page.endsAt) })
    : day.format(page.startsAt);
  const { animatorIds: _animatorIds, minutes, ...shown } = page;
  const open = (page.status === "announced" || page.status === "full") && page.startsAt.getTime() > Date.now();
  return json({
    title: page.title,
    description: `${when} · ${page.placeName}${page.communeName ? `, ${page.communeName}` : ""}`,
    locale,
    session: { ...shown, when },
    minutes: minutes ? { ...minutes, publishedLabel: dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(minutes.publishedAt) } : null,
    registration: open ? { signedIn: viewer !== null, full: page.status === "full" || page.seatsLeft === 0 } : null,
    runner,
    // Anyone signed in may report what the minutes quote (the report form works as a plain post).
    canReport: viewer !== null,
  });
}

export default function LaboSessionRoute() {
  const { session, minutes, registration, runner, locale, canReport } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["labo", "proposals"]);
  const { t: tm } = useTranslation("moderation");
  const fr = contentLang(locale);
  const numbers = numberFormat(locale);
  const base = `/labo/${session.id}`;
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.agenda"), to: "/labo" },
          { label: session.title },
        ]}
      />
      <article className="labo-session" aria-labelledby="session-title">
        <header>
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <h1 id="session-title">{session.title}</h1>
          <p>
            <span className="visually-hidden">{t("page.statusLabel")} </span>
            <span className={`tag labo-status-${session.status}`}>{t(`status.${session.status}`)}</span>
          </p>
        </header>

        {session.status === "draft" ? <p className="notice notice-warning">{t("page.draftNotice")}</p> : null}
        {session.status === "cancelled" ? (
          <div className="notice notice-warning" role="note">
            <p>{t("page.cancelledNotice")}</p>
            {session.cancellationReason ? <p>{t("page.cancelledReason", { reason: session.cancellationReason })}</p> : null}
          </div>
        ) : null}

        <dl className="labo-facts">
          <div>
            <dt>{t("page.when")}</dt>
            <dd className="labo-when">{session.when}</dd>
          </div>
          <div>
            <dt>{t("page.where")}</dt>
            <dd>
              {session.placeName}
              {session.communeName ? `, ${session.communeName}` : ""}
              {session.placeAddress ? (
                <>
                  <br />
                  {session.placeAddress}
                </>
              ) : null}
            </dd>
          </div>
          {session.accessInfo ? (
            <div>
              <dt>{t("page.access")}</dt>
              <dd>{session.accessInfo}</dd>
            </div>
          ) : null}
          {session.accessibilityInfo ? (
            <div>
              <dt>{t("page.accessibility")}</dt>
              <dd>{session.accessibilityInfo}</dd>
            </div>
          ) : null}
          {session.attendance !== null && !minutes ? (
            <div>
              <dt>{t("page.attendanceFact")}</dt>
              <dd>{t("agenda.participants", { count: session.attendance })}</dd>
            </div>
          ) : null}
          {session.theme ? (
            <div>
              <dt>{t("page.theme")}</dt>
              <dd>{session.theme}</dd>
            </div>
          ) : null}
        </dl>

        {registration ? (
          <section className="notice labo-register" aria-labelledby="register-title">
            <h2 id="register-title">{t("page.registerTitle")}</h2>
            <p>{t("page.registerText")}</p>
            <p>
              <strong>{registration.full ? t("page.full") : session.seatsLeft !== null ? t("page.seatsLeft", { count: session.seatsLeft }) : null}</strong>
            </p>
            {registration.signedIn ? (
              <Form method="post" action={`${base}/inscription`}>
                <button type="submit" className="button">
                  {registration.full ? t("page.registerWaitlist") : t("page.register")}
                </button>
              </Form>
            ) : (
              <p>
                <Link to={`${base}/inscription`} className="button">
                  {t("page.registerNoAccount")}
                </Link>
              </p>
            )}
          </section>
        ) : null}

        {session.description ? <RichText text={session.description} /> : null}

        {session.ambitions.length ? (
          <section className="section" aria-labelledby="ambitions-title">
            <h2 id="ambitions-title">{t("page.ambitions")}</h2>
            <ul lang={fr}>
              {session.ambitions.map((a) => (
                <li key={a.number}>
                  <Link to={`/ambitions/${a.number}`}>
                    {a.number}. {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {session.ateliers.length ? (
          <section className="section" aria-labelledby="ateliers-title">
            <h2 id="ateliers-title">{t("page.ateliers")}</h2>
            <ul className="labo-ateliers">
              {session.ateliers.map((a) => (
                <li key={a.id} className="card">
                  <h3>{a.title}</h3>
                  <p>
                    <strong>{t("page.atelierQuestion")}</strong> {a.question}
                  </p>
                  {a.facilitatorName ? <p>{t("page.facilitator", { name: a.facilitatorName })}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {session.animators.length ? (
          <section className="section" aria-labelledby="animators-title">
            <h2 id="animators-title">{t("page.animators")}</h2>
            <p>{session.animators.map((a) => a.displayName).join(", ")}</p>
          </section>
        ) : null}

        {runner ? (
          <nav className="notice labo-runner" aria-labelledby="runner-title">
            <h2 id="runner-title">{t("page.runnerTitle")}</h2>
            <ul>
              <li>
                <Link to={`${base}/modifier`}>{t("page.edit")}</Link>
              </li>
              <li>
                <Link to={`${base}/console`}>{t("page.console")}</Link>
              </li>
              <li>
                <Link to={`${base}/compte-rendu`}>{t("page.minutesEdit")}</Link>
              </li>
              <li>
                <Link to={`${base}/invitation`}>{t("page.invitation")}</Link>
              </li>
            </ul>
          </nav>
        ) : null}

        {minutes ? (
          <section className="section labo-minutes" id="compte-rendu" aria-labelledby="minutes-title">
            <h2 id="minutes-title">{t("page.minutesTitle")}</h2>
            <p className="field-hint">{t("page.minutesPublished", { date: minutes.publishedLabel })}</p>
            {session.attendance !== null ? (
              <p>
                {t("page.attendance", { value: numbers.format(session.attendance) })}
                {session.newcomers !== null ? ` · ${t("page.newcomers", { value: numbers.format(session.newcomers) })}` : ""}
              </p>
            ) : null}
            {(
              [
                ["summary", minutes.summary],
                ["decisions", minutes.decisions],
                ["opinions", minutes.opinions],
                ["followUps", minutes.followUps],
              ] as const
            ).map(([key, text]) =>
              text ? (
                <section key={key} aria-labelledby={`minutes-${key}`}>
                  <h3 id={`minutes-${key}`}>{t(`page.${key}`)}</h3>
                  <RichText text={text} />
                </section>
              ) : null,
            )}
            <h3>{t("page.capturesTitle")}</h3>
            {minutes.captures.length === 0 ? <p>{t("page.capturesNone")}</p> : null}
            <ul className="labo-minutes-captures">
              {minutes.captures.map((c) => (
                <li key={c.id} className="card">
                  <p>
                    <span className="tag">{t(`kind.${c.kind}`)}</span>
                    {c.atelierTitle ? <span className="field-hint"> {t("page.captureAtelier", { title: c.atelierTitle })}</span> : null}
                  </p>
                  <RichText text={c.body} />
                  {canReport ? (
                    <ReportDisclosure
                      subjectType="labo_capture"
                      subjectId={c.id}
                      redirectTo={base}
                      summary={
                        <>
                          {tm("report.summary")}
                          <span className="visually-hidden">{tm("report.captureContext")}</span>
                        </>
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            <h3>{t("page.proposalsTitle")}</h3>
            {minutes.proposals.length === 0 ? <p>{t("page.proposalsNone")}</p> : null}
            <ul>
              {minutes.proposals.map((p) => (
                <li key={p.id}>
                  <Link to={proposalPath(p.id)}>{p.title}</Link> <ProposalStatusBadge status={p.status} decision={p.decision} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
