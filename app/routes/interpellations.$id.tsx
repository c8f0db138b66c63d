import { json, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { answerDeadline, daysWaiting, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { getInterpellation } from "#app/modules/interpellations/interpellation-queries.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["interpellations"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseUuid(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const [viewer, row, locale] = await Promise.all([getViewer(request), getInterpellation(id), getLocale(request)]);
  if (!row) throw new Response(null, { status: 404 });
  // Hidden: it does not exist for anyone but the GTP's secretariat and the moderators.
  if (row.hiddenAt && !can(viewer, "governance.manage") && !can(viewer, "moderation.act")) throw new Response(null, { status: 404 });
  const [t, days] = await Promise.all([getFixedT(locale, "interpellations"), getSetting("governance.answerDeadlineDays")]);
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  const now = new Date();
  // Who asked, never a person: the council, or the network member's organisation.
  const askedBy = row.source === "council" ? (row.councilName ? t("page.byCouncil", { council: row.councilName }) : t("page.byCouncilUnknown")) : row.organisation ? t("page.byNetwork", { organisation: row.organisation }) : t("page.byNetworkUnknown");
  return json({
    title: row.title,
    description: t("page.description", { who: askedBy }),
    interpellation: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      askedBy,
      councilCode: row.source === "council" ? row.councilCode : null,
      ambition: row.ambitionNumber && row.ambitionTitle ? { number: row.ambitionNumber, title: row.ambitionTitle } : null,
      quartier: row.quartierCode && row.quartierName ? { code: row.quartierCode, name: row.quartierName } : null,
      sent: day.format(row.createdAt),
      sentIso: row.createdAt.toISOString(),
      daysWaiting: row.answeredAt ? null : daysWaiting(row.createdAt, now),
      deadline: row.answeredAt ? null : day.format(answerDeadline(row.createdAt, days)),
      overdue: isOverdue({ qualifiedAt: row.createdAt, answeredAt: row.answeredAt }, days, now),
      answer: row.answer,
      answered: row.answeredAt ? day.format(row.answeredAt) : null,
      answeredIso: row.answeredAt?.toISOString() ?? null,
      hidden: row.hiddenAt !== null,
    },
  });
}

export default function InterpellationRoute() {
  const { interpellation: i } = useLoaderData<typeof loader>();
  const { t } = useTranslation("interpellations");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          ...(i.councilCode ? [{ label: i.askedBy, to: `/conseils-citoyens/${i.councilCode}`, lang: "fr" }] : []),
          { label: t("breadcrumb.interpellation") },
        ]}
      />
      <article aria-labelledby="interpellation-title">
        <header>
          <p className="eyebrow">{t(`kind.${i.kind}`)}</p>
          <h1 id="interpellation-title">{i.title}</h1>
          <p className="proposal-meta">
            {t("page.askedBy", { who: i.askedBy })} · <time dateTime={i.sentIso}>{t("page.sentOn", { date: i.sent })}</time>
          </p>
        </header>
        {i.hidden ? <p className="notice notice-warning">{t("page.hiddenNotice")}</p> : null}
        <section className="section" aria-labelledby="question-title">
          <h2 id="question-title">{t(i.kind === "question" ? "page.questionTitle" : "page.requestTitle")}</h2>
          <RichText text={i.body} />
          {i.ambition || i.quartier ? (
            <dl className="facts">
              {i.ambition ? (
                <div>
                  <dt>{t("page.ambition")}</dt>
                  <dd>
                    <Link to={`/ambitions/${i.ambition.number}`} lang="fr">
                      {t("form.ambitionOption", { number: i.ambition.number, title: i.ambition.title })}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {i.quartier ? (
                <div>
                  <dt>{t("page.quartier")}</dt>
                  <dd>
                    <Link to={`/quartiers/${i.quartier.code}`} lang="fr">
                      {i.quartier.name}
                    </Link>
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}
        </section>
        <section className="section" aria-labelledby="answer-title">
          <h2 id="answer-title">{t("page.answerTitle")}</h2>
          {i.answer && i.answered ? (
            <div className="interpellation-answer">
              <p>
                <time dateTime={i.answeredIso ?? undefined}>{t("page.answeredOn", { date: i.answered })}</time>
              </p>
              <RichText text={i.answer} />
            </div>
          ) : (
            <div className="interpellation-waiting">
              <p>{t("page.waiting", { count: i.daysWaiting ?? 0 })}</p>
              <p>
                {i.overdue ? <strong>{t("page.overdue", { date: i.deadline })}</strong> : t("page.deadline", { date: i.deadline })}
              </p>
            </div>
          )}
        </section>
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
