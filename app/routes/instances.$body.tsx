import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { InstanceMembers } from "#app/components/governance/instance-members.tsx";
import { MeetingList } from "#app/components/governance/meeting-list.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { parseBodyKey, parseMeetingsPage } from "#app/modules/governance/meeting.schema.ts";
import { listBodyMeetings } from "#app/modules/governance/meeting-queries.server.ts";
import { listMembers } from "#app/modules/governance/member-queries.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getGovernanceBody } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["referential", "instances"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = parseBodyKey(params.body);
  if (!key) throw new Response(null, { status: 404 });
  const page = parseMeetingsPage(new URL(request.url).searchParams.get("page"));
  const [body, members, meetings, viewer, locale] = await Promise.all([getGovernanceBody(key), listMembers(key), listBodyMeetings(key, page), getViewer(request), getLocale(request)]);
  if (!body) throw new Response(null, { status: 404 });
  const t = await getFixedT(locale, "instances");
  return json({
    title: t("body.metaTitle", { name: body.name }),
    description: body.role || undefined,
    locale,
    canManage: can(viewer, "governance.manage"),
    body: { key: body.key, name: body.name, cadence: body.cadence, members: body.members, role: body.role },
    publicMembers: members,
    meetings: meetings.meetings,
    page,
    newerHref: page > 1 ? (page === 2 ? `/instances/${body.key}` : `/instances/${body.key}?page=${page - 1}`) : null,
    olderHref: meetings.hasMore ? `/instances/${body.key}?page=${page + 1}` : null,
  });
}

export default function InstanceBodyRoute() {
  const { body, publicMembers, meetings, locale, canManage, newerHref, olderHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["instances", "referential"]);
  const fr = contentLang(locale);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.instances"), to: "/instances" }, { label: body.name, lang: fr }]}
      />
      <article aria-labelledby="body-title">
        <h1 id="body-title" lang={fr}>
          {body.name}
        </h1>
        {canManage ? (
          <nav aria-label={t("manage.label")} className="sub-nav">
            <ul className="plain-list-inline">
              <li>
                <AppLink to={`/gouvernance/reunions/nouvelle?instance=${body.key}`}>{t("manage.newMeeting")}</AppLink>
              </li>
              <li>
                <AppLink to={`/gouvernance/instances/${body.key}`}>{t("manage.members")}</AppLink>
              </li>
            </ul>
          </nav>
        ) : null}
        <dl className="facts">
          {body.role ? (
            <div>
              <dt>{t("body.role")}</dt>
              <dd>
                <ReferentialText text={body.role} lang={fr} />
              </dd>
            </div>
          ) : null}
          {body.cadence ? (
            <div>
              <dt>{t("body.cadence")}</dt>
              <dd lang={fr}>{body.cadence}</dd>
            </div>
          ) : null}
          {body.members ? (
            <div>
              <dt>{t("body.composition")}</dt>
              <dd>
                <ReferentialText text={body.members} lang={fr} />
              </dd>
            </div>
          ) : null}
        </dl>

        <section className="section" aria-labelledby="members-title">
          <h2 id="members-title">{t("body.membersTitle")}</h2>
          <InstanceMembers members={publicMembers} />
        </section>

        <section className="section" aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t("body.meetingsTitle")}</h2>
          {body.key === "labo" ? (
            <p>
              <AppLink to="/labo">{t("overview.laboAgenda")}</AppLink>
            </p>
          ) : null}
          {meetings.length ? (
            <>
              <p>{t("body.meetingsIntro")}</p>
              <MeetingList meetings={meetings} locale={locale} />
            </>
          ) : (
            <p>{t("body.noMeetings")}</p>
          )}
          {newerHref || olderHref ? (
            <nav className="pagination" aria-label={t("body.pagination")}>
              {newerHref ? <AppLink to={newerHref}>{t("body.newer")}</AppLink> : null}
              {olderHref ? <AppLink to={olderHref}>{t("body.older")}</AppLink> : null}
            </nav>
          ) : null}
        </section>

        <p>
          <AppLink to="/instances">{t("body.backToAll")}</AppLink>
        </p>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
