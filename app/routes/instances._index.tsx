import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { AnswerCounters } from "#app/components/governance/answer-counters.tsx";
import { InstanceMembers } from "#app/components/governance/instance-members.tsx";
import { MeetingList } from "#app/components/governance/meeting-list.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getAnswerCounters } from "#app/modules/governance/answer-counters.server.ts";
import { listMeetingHighlights } from "#app/modules/governance/meeting-queries.server.ts";
import { listMembersByBody } from "#app/modules/governance/member-queries.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listGovernanceBodies } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["referential", "instances"], hydrate: false };
export const meta = pageMeta;

const STEPS = ["step1", "step2", "step3", "step4", "step5"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, bodies, members, meetings, counters, viewer] = await Promise.all([
    getFixedT(locale, "referential"),
    listGovernanceBodies(),
    listMembersByBody(),
    listMeetingHighlights(),
    getAnswerCounters({ kind: "territory" }),
    getViewer(request),
  ]);
  return json({
    title: t("instances.meta.title"),
    description: t("instances.meta.description"),
    locale,
    canManage: can(viewer, "governance.manage"),
    counters,
    bodies: bodies.map((b) => ({
      key: b.key,
      name: b.name,
      cadence: b.cadence,
      members: b.members,
      role: b.role,
      publicMembers: members.get(b.key) ?? [],
      next: meetings.get(b.key)?.next ?? [],
      past: meetings.get(b.key)?.past ?? [],
    })),
  });
}

export default function InstancesRoute() {
  const { bodies, locale, counters, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["referential", "instances"]);
  const fr = contentLang(locale);
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("instances.meta.title") }]} />
      <h1>{t("instances.title")}</h1>
      <p className="lead">{t("instances.intro")}</p>

      <section className="section" aria-labelledby="loop-title">
        <h2 id="loop-title">{t("instances.loopTitle")}</h2>
        <p>{t("instances.loopIntro")}</p>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step}>{t(`instances.${step}`)}</li>
          ))}
        </ol>
      </section>

      <AnswerCounters counters={counters} locale={locale} />

      <section className="section" aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t("instances.bodiesTitle")}</h2>
        {canManage ? (
          <p>
            <AppLink to="/gouvernance/reunions/nouvelle" className="button button-secondary">
              {t("instances:manage.newMeeting")}
            </AppLink>
          </p>
        ) : null}
        {bodies.map((body) => (
          <section key={body.key} id={`instance-${body.key}`} className="card instance" aria-labelledby={`instance-${body.key}-title`}>
            <h3 id={`instance-${body.key}-title`} lang={fr}>
              <AppLink to={`/instances/${body.key}`}>{body.name}</AppLink>
            </h3>
            <dl className="facts">
              {body.cadence ? (
                <div>
                  <dt>{t("instances.cadence")}</dt>
                  <dd lang={fr}>{body.cadence}</dd>
                </div>
              ) : null}
              {body.members ? (
                <div>
                  <dt>{t("instances.members")}</dt>
                  <dd>
                    <ReferentialText text={body.members} lang={fr} />
                  </dd>
                </div>
              ) : null}
              {body.role ? (
                <div>
                  <dt>{t("instances.role")}</dt>
                  <dd>
                    <ReferentialText text={body.role} lang={fr} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {body.publicMembers.length ? (
              <>
                <h4>{t("instances:overview.membersTitle")}</h4>
                <InstanceMembers members={body.publicMembers} />
              </>
            ) : null}
            <h4>{t("instances:overview.nextTitle")}</h4>
            {body.next.length ? <MeetingList meetings={body.next} locale={locale} /> : <p>{t("instances:overview.noNext")}</p>}
            <h4>{t("instances:overview.pastTitle")}</h4>
            {body.past.length ? <MeetingList meetings={body.past} locale={locale} /> : <p>{t("instances:overview.noPast")}</p>}
            <p>
              <AppLink to={`/instances/${body.key}`}>{t("instances:overview.allMeetings", { name: body.name })}</AppLink>
            </p>
            {canManage ? (
              <p>
                <AppLink to={`/gouvernance/instances/${body.key}`}>{t("instances:manage.members")}</AppLink>
              </p>
            ) : null}
          </section>
        ))}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
