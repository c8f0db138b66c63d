import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { CommuneOptions, QuartierOptions } from "#app/components/referential.tsx";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { formatDateTime } from "#app/components/dates.ts";
import { QueueList, type QueueItem } from "#app/components/governance/queue-list.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { answerDeadline, daysWaiting, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { getGtpFilterChoices, getGtpQueue, parseGtpCursor, type GtpQueueRow } from "#app/modules/governance/gtp-queries.server.ts";
import { gtpQueueHref, hasGtpFilters, ORIGINS, parseGtpFilters } from "#app/modules/governance/gtp.schema.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listWaitingInterpellations } from "#app/modules/interpellations/interpellation-queries.server.ts";

// A GET form and links: the page ships no JavaScript (coordinators read it on a phone).
export const handle = { i18n: ["gtp", "interpellations"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const params = new URL(request.url).searchParams;
  const filters = parseGtpFilters(params);
  const after = parseGtpCursor(params.get("apres"));
  const locale = await getLocale(request);
  const now = new Date();
  const [t, ti, queue, choices] = await Promise.all([getFixedT(locale, "gtp"), getFixedT(locale, "interpellations"), getGtpQueue(filters, after, now), getGtpFilterChoices()]);
  // Same droit de suite as the proposals: read once the deadline is known.
  const questions = await listWaitingInterpellations(queue.days, now);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  const item = (row: GtpQueueRow): QueueItem => {
    const qualifiedAt = row.qualifiedAt ?? now;
    const deadline = answerDeadline(qualifiedAt, queue.days);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      postponed: row.status === "decided" && row.decision === "postponed",
      origin: row.origin,
      supportCount: row.supportCount,
      ambitionNumber: row.ambitionNumber,
      ambitionTitle: row.ambitionTitle,
      quartierName: row.quartierName,
      communeName: row.communeName,
      partnerName: row.partnerName,
      qualified: day.format(qualifiedAt),
      qualifiedIso: qualifiedAt.toISOString(),
      daysWaiting: daysWaiting(qualifiedAt, now),
      deadline: day.format(deadline),
      deadlineIso: deadline.toISOString(),
      overdue: isOverdue({ qualifiedAt, answeredAt: null }, queue.days, now),
    };
  };
  return json({
    title: t("queue.title"),
    filters,
    filtered: hasGtpFilters(filters),
    choices,
    days: queue.days,
    waiting: queue.waiting.map(item),
    waitingTotal: queue.waitingTotal,
    overdueTotal: queue.overdueTotal,
    nextHref: queue.next ? gtpQueueHref(filters, queue.next) : null,
    firstHref: after ? gtpQueueHref(filters) : null,
    inFlight: queue.inFlight.map((row) => ({
      id: row.id,
      title: row.title,
      origin: row.origin,
      quartierName: row.quartierName,
      daysWaiting: row.qualifiedAt ? daysWaiting(row.qualifiedAt, now) : 0,
      overdue: isOverdue({ qualifiedAt: row.qualifiedAt, answeredAt: row.answeredAt }, queue.days, now),
      meetingId: row.meetingId,
      meetingTitle: row.meetingTitle,
      meetingWhen: formatDateTime(row.meetingStartsAt, locale),
      meetingIso: row.meetingStartsAt.toISOString(),
      meetingHeld: row.meetingStatus === "held",
    })),
    interpellations: {
      total: questions.total,
      overdue: questions.overdue,
      items: questions.items.map((row) => ({
        id: row.id,
        title: row.title,
        kind: row.kind,
        askedBy: row.source === "council" ? ti("page.byCouncil", { council: row.councilName ?? "" }) : ti("page.byNetwork", { organisation: row.organisation }),
        sent: day.format(row.createdAt),
        sentIso: row.createdAt.toISOString(),
        daysWaiting: daysWaiting(row.createdAt, now),
        overdue: isOverdue({ qualifiedAt: row.createdAt, answeredAt: null }, queue.days, now),
      })),
    },
  });
}

export default function GtpQueueRoute() {
  const { filters, filtered, choices, days, waiting, waitingTotal, overdueTotal, nextHref, firstHref, inFlight, interpellations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("gtp");
  const { t: ti } = useTranslation("interpellations");
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p className="lead">{t("queue.intro", { days })}</p>
      <ul className="plain-list-inline">
        <li>
          <AppLink to="/gouvernance/partenaires">{t("queue.partnersLink")}</AppLink>
        </li>
        <li>
          <AppLink to="/gouvernance/reunions/nouvelle">{t("queue.newMeetingLink")}</AppLink>
        </li>
      </ul>

      <form method="get" action="/gouvernance" className="filter-form" aria-label={t("queue.filters.label")}>
        <div className="field">
          <label htmlFor="ambition">{t("queue.filters.ambition")}</label>
          <select id="ambition" name="ambition" defaultValue={filters.ambition ? String(filters.ambition) : ""}>
            <option value="">{t("queue.filters.all")}</option>
            {choices.ambitions.map((a) => (
              <option key={a.number} value={a.number}>
                {t("queue.ambitionValue", { number: a.number, title: a.title })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quartier">{t("queue.filters.quartier")}</label>
          <select id="quartier" name="quartier" defaultValue={filters.quartier ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            <QuartierOptions quartiers={choices.quartiers} lang="fr" />
          </select>
        </div>
        <div className="field">
          <label htmlFor="commune">{t("queue.filters.commune")}</label>
          <select id="commune" name="commune" defaultValue={filters.commune ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            <CommuneOptions communes={choices.communes} lang="fr" />
          </select>
        </div>
        <div className="field">
          <label htmlFor="origine">{t("queue.filters.origin")}</label>
          <select id="origine" name="origine" defaultValue={filters.origin ?? ""}>
            <option value="">{t("queue.filters.all")}</option>
            {ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {t(`origin.${origin}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="attente">{t("queue.filters.minDays")}</label>
          <p id="attente-hint" className="field-hint">
            {t("queue.filters.minDaysHint")}
          </p>
          <input id="attente" name="attente" type="number" inputMode="numeric" min={1} max={3650} defaultValue={filters.minDays ?? ""} aria-describedby="attente-hint" />
        </div>
        <button type="submit" className="button button-secondary">
          {t("queue.filters.submit")}
        </button>
        {filtered ? <a href="/gouvernance">{t("queue.filters.reset")}</a> : null}
      </form>

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t(filtered ? "queue.waitingFiltered" : "queue.waitingTitle", { count: waitingTotal })}</h2>
        <p>{overdueTotal ? <strong>{t("queue.overdueCount", { count: overdueTotal, days })}</strong> : t("queue.noneOverdue", { days })}</p>
        {waiting.length ? <QueueList items={waiting} /> : <p className="notice">{firstHref ? t("queue.pageEnd") : t("queue.empty")}</p>}
        {nextHref || firstHref ? (
          <nav className="pagination" aria-label={t("queue.pagination")}>
            <ul className="plain-list-inline">
              {nextHref ? (
                <li>
                  <a href={nextHref} rel="next">
                    {t("queue.next")}
                  </a>
                </li>
              ) : null}
              {firstHref ? (
                <li>
                  <a href={firstHref}>{t("queue.first")}</a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="interpellations-title" className="section">
        <h2 id="interpellations-title">{ti("queue.title", { count: interpellations.total })}</h2>
        <p>{ti("queue.intro")}</p>
        {interpellations.total ? <p>{interpellations.overdue ? <strong>{t("queue.overdueCount", { count: interpellations.overdue, days })}</strong> : t("queue.noneOverdue", { days })}</p> : null}
        {interpellations.items.length ? (
          <ul className="plain-cards">
            {interpellations.items.map((row) => (
              <li key={row.id} className="card">
                <h3 className="proposal-card-title">
                  <a href={`/gouvernance/interpellations/${row.id}`}>{row.title}</a>
                </h3>
                <p>
                  {ti(`kind.${row.kind}`)} · <span lang="fr">{row.askedBy}</span> · <time dateTime={row.sentIso}>{ti("queue.sentOn", { date: row.sent })}</time>
                </p>
                <p>
                  {t("queue.days", { count: row.daysWaiting })}
                  {row.overdue ? (
                    <>
                      {" · "}
                      <strong>{t("queue.overdue")}</strong>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{ti("queue.empty")}</p>
        )}
      </section>

      <section aria-labelledby="in-flight-title" className="section">
        <h2 id="in-flight-title">{t("queue.inFlightTitle", { count: inFlight.length })}</h2>
        <p>{t("queue.inFlightIntro")}</p>
        {inFlight.length ? (
          <ul className="plain-cards">
            {inFlight.map((row) => (
              <li key={row.id} className="card">
                <h3 className="proposal-card-title">
                  <a href={`/gouvernance/propositions/${row.id}`}>{row.title}</a>
                </h3>
                <p>
                  {t("queue.onAgendaOf")} <a href={`/gouvernance/reunions/${row.meetingId}`}>{row.meetingTitle}</a>, <time dateTime={row.meetingIso}>{row.meetingWhen}</time>
                  {row.meetingHeld ? ` · ${t("queue.meetingHeld")}` : null}
                </p>
                <p>
                  {t("queue.days", { count: row.daysWaiting })}
                  {row.overdue ? (
                    <>
                      {" · "}
                      <strong>{t("queue.overdue")}</strong>
                    </>
                  ) : null}
                  {" · "}
                  {t(`origin.${row.origin}` as never)}
                  {row.quartierName ? <span lang="fr"> · {row.quartierName}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("queue.inFlightEmpty")}</p>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
