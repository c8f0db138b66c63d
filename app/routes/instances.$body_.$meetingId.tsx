import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat, formatDateTime } from "#app/components/dates.ts";
import { MeetingAgenda } from "#app/components/governance/meeting-agenda.tsx";
import { MeetingStatusBadge } from "#app/components/governance/meeting-list.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { parseBodyKey, parseMeetingId } from "#app/modules/governance/meeting.schema.ts";
import { getPublicMeeting } from "#app/modules/governance/meeting-queries.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getGovernanceBody } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["instances"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = parseBodyKey(params.body);
  const meetingId = parseMeetingId(params.meetingId);
  if (!key || !meetingId) throw new Response(null, { status: 404 });
  // A meeting of another body is not found here (its own address is under its body).
  const [body, found, viewer, locale] = await Promise.all([getGovernanceBody(key), getPublicMeeting(key, meetingId), getViewer(request), getLocale(request)]);
  if (!body || !found) throw new Response(null, { status: 404 });
  const { meeting, agenda } = found;
  const t = await getFixedT(locale, "instances");
  const canManage = can(viewer, "governance.manage");
  return json({
    title: t("meeting.metaTitle", { title: meeting.title, body: body.name }),
    locale,
    body: { key: body.key, name: body.name },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      place: meeting.place,
      status: meeting.status,
      // The relevé's introduction and date are public with the relevé only.
      summary: meeting.status === "published" ? meeting.summary : "",
      publishedAt: meeting.status === "published" && meeting.publishedAt ? meeting.publishedAt.toISOString() : null,
    },
    agenda,
    manage: canManage ? { edit: meeting.status !== "published" } : null,
  });
}

export default function MeetingRoute() {
  const { body, meeting, agenda, locale, manage } = useLoaderData<typeof loader>();
  const { t } = useTranslation("instances");
  const fr = contentLang(locale);
  const published = meeting.status === "published";
  const day = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.instances"), to: "/instances" },
          { label: body.name, to: `/instances/${body.key}`, lang: fr },
          { label: meeting.title },
        ]}
      />
      <article aria-labelledby="meeting-title">
        <p className="eyebrow" lang={fr}>
          {body.name}
        </p>
        <h1 id="meeting-title">{meeting.title}</h1>
        {manage ? (
          <nav aria-label={t("manage.label")} className="sub-nav">
            <ul className="plain-list-inline">
              <li>
                <AppLink to={`/gouvernance/reunions/${meeting.id}`}>{t("manage.agenda")}</AppLink>
              </li>
              {manage.edit ? (
                <li>
                  <AppLink to={`/gouvernance/reunions/${meeting.id}/modifier`}>{t("manage.edit")}</AppLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <dl className="facts">
          <div>
            <dt>{t("meeting.when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{t("meeting.place")}</dt>
            <dd>{meeting.place || t("meeting.placeUnknown")}</dd>
          </div>
          <div>
            <dt>{t("meeting.status")}</dt>
            <dd>
              <MeetingStatusBadge status={meeting.status} />
              <span className="facts-help">{t(`meeting.statusHelp.${meeting.status}`)}</span>
            </dd>
          </div>
        </dl>

        {published ? (
          <section className="section" aria-labelledby="releve-title">
            <h2 id="releve-title">{t("meeting.releveTitle")}</h2>
            {meeting.publishedAt ? <p>{t("meeting.publishedOn", { date: day.format(new Date(meeting.publishedAt)) })}</p> : null}
            {meeting.summary ? <p className="lead">{meeting.summary}</p> : null}
            <p>{t("meeting.releveIntro")}</p>
            <MeetingAgenda items={agenda} locale={locale} headingLevel={3} />
          </section>
        ) : (
          <section className="section" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t("meeting.agendaTitle")}</h2>
            {agenda.length ? <MeetingAgenda items={agenda} locale={locale} headingLevel={3} /> : <p>{t("meeting.agendaEmpty")}</p>}
          </section>
        )}

        <p>
          <AppLink to={`/instances/${body.key}`}>{t("meeting.backToBody", { name: body.name })}</AppLink>
        </p>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
