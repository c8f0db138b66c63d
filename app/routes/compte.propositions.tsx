import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { OWN_LIST_HREF, OwnListEmpty, OwnProposalItems, type OwnListKind } from "#app/components/proposals/own-proposals.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listOwnProposals, OWN_PAGE_SIZE } from "#app/modules/proposals-search/own-proposals-queries.server.ts";
import { OWN_LIST_PARAM, OwnListParamsSchema } from "#app/modules/proposals-search/own-proposals.schema.ts";
import { numberFormat } from "#app/components/dates.ts";

// Lists to read: plain HTML, no JavaScript.
export const handle = { i18n: ["finding", "account"], hydrate: false };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const { liste, page } = OwnListParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const kind = OWN_LIST_PARAM[liste];
  const locale = await getLocale(request);
  const [t, first] = await Promise.all([getFixedT(locale, "finding"), listOwnProposals(viewer.id, kind, { page })]);
  const pageCount = Math.max(1, Math.ceil(first.total / OWN_PAGE_SIZE));
  // A page past the end (an old link, after some were removed): show the last one.
  const list = page > pageCount ? await listOwnProposals(viewer.id, kind, { page: pageCount }) : first;
  return json({ title: `${t(`account.${kind}`)} · ${t("account.title")}`, locale, kind, page: Math.min(page, pageCount), pageCount, ...list });
}

const KINDS: OwnListKind[] = ["authored", "supported", "followed"];

export default function OwnProposalsRoute() {
  const { kind, items, total, page, pageCount, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["finding", "account"]);
  const numbers = numberFormat(locale);
  const pageHref = (target: number) => (target > 1 ? `${OWN_LIST_HREF[kind]}&page=${target}` : OWN_LIST_HREF[kind]);
  return (
    <>
      <Breadcrumb
        label={t("account.breadcrumb")}
        items={[{ label: t("account:overview.title"), to: "/compte" }, { label: t("account.title") }]}
      />
      <h1>{t("account.title")}</h1>
      <nav className="sub-nav" aria-label={t("account.lists")}>
        <ul>
          {KINDS.map((k) => (
            <li key={k}>
              <Link to={OWN_LIST_HREF[k]} aria-current={k === kind ? "page" : undefined}>
                {t(`account.${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="own-list-title">
        <h2 id="own-list-title">{t(`account.${kind}`)}</h2>
        <p>{t(`account.${kind}Intro`)}</p>
        {total ? <p className="result-count">{t("account.count", { count: total, formatted: numbers.format(total) })}</p> : null}
        {items.length ? <OwnProposalItems items={items} locale={locale} headingLevel={3} /> : <OwnListEmpty kind={kind} />}
        {pageCount > 1 ? (
          <nav className="pagination" aria-label={t("account.pagination")}>
            {page > 1 ? (
              <Link to={pageHref(page - 1)} rel="prev">
                {t("account.previous")}
              </Link>
            ) : null}
            <span>{t("account.pageOf", { page, pageCount })}</span>
            {page < pageCount ? (
              <Link to={pageHref(page + 1)} rel="next">
                {t("account.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      <p>
        <Link to="/compte">{t("account.back")}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
