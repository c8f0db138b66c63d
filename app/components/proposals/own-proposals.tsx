import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProposalCardData } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { ProposalCard } from "./proposal-card.tsx";
import { numberFormat } from "#app/components/dates.ts";

export type OwnListKind = "authored" | "supported" | "followed";
type OwnListData = { items: ProposalCardData[]; total: number };

/** The French name of each list in /compte/propositions?liste=… */
export const OWN_LIST_HREF: Record<OwnListKind, string> = {
  authored: "/compte/propositions?liste=propositions",
  supported: "/compte/propositions?liste=soutiens",
  followed: "/compte/propositions?liste=suivis",
};

export function OwnProposalItems({ items, locale, headingLevel, compact = false }: { items: ProposalCardData[]; locale: string; headingLevel: 2 | 3; compact?: boolean }) {
  return (
    <ul className="proposal-list">
      {items.map((proposal) => (
        <li key={proposal.id}>
          <ProposalCard proposal={proposal} locale={locale} headingLevel={headingLevel} hide={compact ? { ambition: true, place: true } : undefined} />
        </li>
      ))}
    </ul>
  );
}

export function OwnListEmpty({ kind }: { kind: OwnListKind }) {
  const { t } = useTranslation("finding");
  return (
    <p>
      {t(`account.${kind}None`)}{" "}
      {kind === "authored" ? <Link to="/propositions/nouvelle">{t("list.propose")}</Link> : <Link to="/propositions">{t("account.browse")}</Link>}
    </p>
  );
}

/** On the account page: the start of the person's three lists, each with a link to all of it. */
export function OwnProposalsOverview({ lists, locale }: { lists: Record<OwnListKind, OwnListData>; locale: string }) {
  const { t } = useTranslation("finding");
  const numbers = numberFormat(locale);
  const kinds: OwnListKind[] = ["authored", "supported", "followed"];
  return (
    <>
      {kinds.map((kind) => {
        const list = lists[kind];
        const title = t(`account.${kind}`);
        return (
          <section key={kind} className="section own-proposals" aria-labelledby={`own-${kind}-title`}>
            <h2 id={`own-${kind}-title`}>{title}</h2>
            {list.total ? (
              <>
                <OwnProposalItems items={list.items} locale={locale} headingLevel={3} compact />
                {list.total > list.items.length ? (
                  <p>
                    <Link to={OWN_LIST_HREF[kind]}>
                      <span className="visually-hidden">{title} : </span>
                      {t("account.seeAll", { formatted: numbers.format(list.total) })}
                    </Link>
                  </p>
                ) : null}
              </>
            ) : (
              <OwnListEmpty kind={kind} />
            )}
          </section>
        );
      })}
    </>
  );
}
