import { json, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { StatusBadge } from "#app/components/proposals/proposal-card.tsx";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { parseCouncilCode } from "#app/modules/councils/council.schema.ts";
import { getCouncilPage } from "#app/modules/councils/council-queries.server.ts";
import { daysWaiting } from "#app/modules/governance/answer-deadline.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["councils", "finding"], hydrate: false };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = parseCouncilCode(params.code);
  if (!code) throw new Response(null, { status: 404 });
  const [council, viewer, locale] = await Promise.all([getCouncilPage(code), getViewer(request), getLocale(request)]);
  if (!council) throw new Response(null, { status: 404 });
  const t = await getFixedT(locale, "councils");
  const now = new Date();
  return json({
    title: council.name,
    description: t("page.metaDescription", { name: council.name }),
    locale,
    canAct: can(viewer, "council.act", { councilCode: council.code }),
    canManage: can(viewer, "council.manage"),
    council: {
      ...council,
      interpellations: council.interpellations.map((i) => ({ ...i, waitingDays: i.answeredAt ? null : daysWaiting(i.createdAt, now) })),
    },
  });
}

export default function CouncilRoute() {
  const { council, locale, canAct, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation("councils");
  const fr = contentLang(locale);
  const longDate = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const shortDate = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const communes = [...new Map(council.quartiers.flatMap((q) => q.communes.map((c) => [c.slug, c.name] as const))).values()];
  const carried = council.proposals.filter((p) => p.tie === "carried");
  const followed = council.proposals.filter((p) => p.tie === "followed");
  const colleges = [
    { key: "residents", title: t("page.collegeResidents"), ...council.colleges.residents },
    { key: "actors", title: t("page.collegeActors"), ...council.colleges.actors },
  ] as const;

  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("breadcrumb.councils"), to: "/conseils-citoyens" }, { label: council.name, lang: fr }]}
      />
      <article className="council-page" aria-labelledby="council-title">
        <header>
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <h1 id="council-title" lang={fr}>
            {council.name}
          </h1>
        </header>

        {canAct || canManage ? (
          <nav aria-label={t("page.toolsLabel")} className="sub-nav">
            <ul className="plain-list-inline">
              {canAct ? (
                <>
                  <li>
                    <AppLink to={`/conseils-citoyens/${council.code}/suivi`}>{t("page.board")}</AppLink>
                  </li>
                  <li>
                    <AppLink to={`/conseils-citoyens/${council.code}/interpeller`}>{t("page.interpellate")}</AppLink>
                  </li>
                </>
              ) : null}
              {canManage ? (
                <li>
                  <AppLink to={`/conseils-citoyens/${council.code}/gestion`}>{t("page.manage")}</AppLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}

        <section className="section" aria-labelledby="where-title">
          <h2 id="where-title">{t("page.whereTitle")}</h2>
          {council.quartiers.length ? (
            <dl className="facts">
              <div>
                <dt>{t("page.quartiers", { count: council.quartiers.length })}</dt>
                <dd>
                  <ul className="plain-list">
                    {council.quartiers.map((q) => (
                      <li key={q.code}>
                        <AppLink to={`/quartiers/${q.code}`} lang={fr}>
                          {q.name}
                        </AppLink>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>{t("page.communes", { count: communes.length })}</dt>
                <dd lang={fr}>{communes.join(", ")}</dd>
              </div>
            </dl>
          ) : (
            <p>{t("page.noQuartier")}</p>
          )}
        </section>

        <section className="section" aria-labelledby="members-title">
          <h2 id="members-title">{t("page.membersTitle")}</h2>
          <p>{t("page.membersIntro")}</p>
          {colleges.map((college) => (
            <section key={college.key} aria-labelledby={`college-${college.key}`}>
              <h3 id={`college-${college.key}`}>{college.title}</h3>
              {college.members.length ? (
                <ul className="plain-list council-members">
                  {college.members.map((m, i) => (
                    <li key={`${m.displayName}-${i}`}>
                      <strong lang={fr}>{m.displayName}</strong>
                      {college.key === "actors" && m.organisation ? <span lang={fr}> — {m.organisation}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {college.members.length === 0 && college.unlistedCount === 0 ? <p>{t("page.collegeEmpty")}</p> : null}
              {college.unlistedCount > 0 ? (
                <p>{college.members.length ? t("page.andOthers", { count: college.unlistedCount }) : t("page.onlyUnlisted", { count: college.unlistedCount })}</p>
              ) : null}
            </section>
          ))}
        </section>

        <section className="section" aria-labelledby="join-title">
          <h2 id="join-title">{t("page.joinTitle")}</h2>
          {council.howToJoin ? <ReferentialText text={council.howToJoin} lang={fr} /> : <p>{t("page.joinDefault")}</p>}
        </section>

        <section className="section" aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t("page.meetingsTitle")}</h2>
          {council.meetingPattern ? (
            <p>
              <strong>{t("page.meetingPattern")}</strong> <span lang={fr}>{council.meetingPattern}</span>
            </p>
          ) : null}
          <h3>{t("page.upcoming")}</h3>
          {council.upcomingMeetings.length ? (
            <ul className="plain-list council-meetings">
              {council.upcomingMeetings.map((m) => (
                <li key={m.id}>
                  <strong lang={fr}>{m.title}</strong>
                  <br />
                  {longDate.format(new Date(m.startsAt))}
                  {m.place ? <span lang={fr}> — {m.place}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("page.noUpcoming")}</p>
          )}
          <h3>{t("page.past")}</h3>
          {council.pastMeetings.length ? (
            <ul className="plain-list council-meetings">
              {council.pastMeetings.map((m) => (
                <li key={m.id}>
                  <strong lang={fr}>{m.title}</strong>
                  <br />
                  {longDate.format(new Date(m.startsAt))}
                  {m.place ? <span lang={fr}> — {m.place}</span> : null}
                  {m.summary ? <ReferentialText text={m.summary} lang={fr} /> : <p className="field-hint">{t("page.noSummary")}</p>}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("page.noPast")}</p>
          )}
        </section>

        <section className="section" aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t("page.proposalsTitle")}</h2>
          <p>{t("page.proposalsIntro")}</p>
          <h3>{t("page.carried")}</h3>
          {carried.length ? (
            <ul className="plain-list council-proposals">
              {carried.map((p) => (
                <li key={p.id}>
                  <AppLink to={proposalPath(p.id)} lang={fr}>
                    {p.title}
                  </AppLink>{" "}
                  <StatusBadge status={p.status} decision={p.decision} />
                  {p.statement ? (
                    <div className="council-statement">
                      <p>
                        <strong>{t("page.statement")}</strong>
                      </p>
                      <ReferentialText text={p.statement} lang={fr} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("page.noCarried")}</p>
          )}
          <h3>{t("page.followed")}</h3>
          {followed.length ? (
            <ul className="plain-list council-proposals">
              {followed.map((p) => (
                <li key={p.id}>
                  <AppLink to={proposalPath(p.id)} lang={fr}>
                    {p.title}
                  </AppLink>{" "}
                  <StatusBadge status={p.status} decision={p.decision} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("page.noFollowed")}</p>
          )}
        </section>

        <section className="section" aria-labelledby="interpellations-title">
          <h2 id="interpellations-title">{t("page.interpellationsTitle")}</h2>
          <p>{t("page.interpellationsIntro")}</p>
          {council.interpellations.length ? (
            <ul className="plain-list council-interpellations">
              {council.interpellations.map((i) => (
                <li key={i.id}>
                  <h3>
                    <AppLink to={`/interpellations/${i.id}`} lang={fr}>
                      {i.title}
                    </AppLink>
                  </h3>
                  <p>
                    {t(`page.kind.${i.kind}`)} · {t("page.sentOn", { date: shortDate.format(new Date(i.createdAt)) })}
                  </p>
                  {i.answeredAt && i.answer ? (
                    <div className="council-answer">
                      <p>
                        <strong>{t("page.answeredOn", { date: shortDate.format(new Date(i.answeredAt)) })}</strong>
                      </p>
                      <ReferentialText text={i.answer} lang={fr} />
                    </div>
                  ) : (
                    <p>
                      <strong>{t("page.waiting", { count: i.waitingDays ?? 0 })}</strong>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("page.noInterpellations")}</p>
          )}
        </section>

        <p>
          <AppLink to="/conseils-citoyens">{t("page.allCouncils")}</AppLink>
        </p>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
