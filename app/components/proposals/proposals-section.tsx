import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProposalCardData } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { ProposalCardItem } from "./proposal-card.tsx";
import { numberFormat } from "#app/components/dates.ts";

export type ProposalsSectionData = { items: ProposalCardData[]; total: number; awaiting: number };

/**
 * "The proposals of this ambition / quartier" on a referential page: how many, the latest ones, and the
 * link to the whole list already filtered.
 */
export function ProposalsSection({
  id,
  title,
  data,
  listHref,
  listLabel,
  emptyText,
  proposeHref,
  locale,
  hide,
}: {
  id: string;
  title: string;
  data: ProposalsSectionData;
  listHref: string;
  listLabel: string;
  emptyText: string;
  proposeHref: string;
  locale: string;
  /** What the page already says (its ambition, its quartier): not repeated on each card. */
  hide?: { ambition?: boolean; place?: boolean };
}) {
  const { t } = useTranslation("finding");
  const numbers = numberFormat(locale);
  return (
    <section className="section proposals-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {data.total ? (
        <>
          <p>
            {t("section.count", { count: data.total, formatted: numbers.format(data.total) })}
            {data.awaiting ? <> {t("section.awaiting", { count: data.awaiting, formatted: numbers.format(data.awaiting) })}</> : null}
          </p>
          <p className="visually-hidden">{t("section.latest")}</p>
          <ul className="proposal-list">
            {data.items.map((proposal) => (
              <ProposalCardItem key={proposal.id} proposal={proposal} locale={locale} headingLevel={3} hide={hide} />
            ))}
          </ul>
          <p className="proposals-section-links">
            <Link to={listHref}>{listLabel}</Link>
            <Link to={proposeHref} className="button button-secondary">
              {t("section.propose")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{emptyText}</p>
          <p>
            <Link to={proposeHref} className="button button-secondary">
              {t("section.propose")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
