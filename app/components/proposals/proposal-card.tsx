import { Trans, useTranslation } from "react-i18next";
import { CachedMarkup } from "#app/components/cached-markup.tsx";
import { dateFormat, numberFormat } from "#app/components/dates.ts";
import { contentLang } from "#app/components/referential.tsx";
import type { ProposalCardData } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

type StatusTone = "draft" | "open" | "awaiting" | "positive" | "closed";

/** One colour family per kind of step (always with its word: colour is never the only cue). */
function statusTone(status: ProposalCardData["status"], decision: ProposalCardData["decision"]): StatusTone {
  switch (status) {
    case "draft":
      return "draft";
    case "published":
      return "open";
    case "qualified":
    case "under_review":
    case "on_copil_agenda":
      return "awaiting";
    case "decided":
      return decision === "retained" || decision === "partly_retained" ? "positive" : decision === "postponed" ? "awaiting" : "closed";
    case "in_progress":
    case "done":
      return "positive";
    case "answered":
    case "withdrawn":
    case "merged":
      return "closed";
  }
}

export function StatusBadge({ status, decision }: Pick<ProposalCardData, "status" | "decision">) {
  const { t } = useTranslation("finding");
  const label = status === "decided" && decision ? t(`decisions.${decision}`) : t(`statuses.${status}`);
  return (
    <span className={`status-badge status-${statusTone(status, decision)}`}>
      <span className="visually-hidden">{t("card.status")} </span>
      {label}
    </span>
  );
}

/** A search excerpt: the words PostgreSQL matched come between \uE000 and \uE001; they become <mark>. */
function Headline({ text }: { text: string }) {
  const parts = text.split(/([\uE000\uE001])/);
  const out: React.ReactNode[] = [];
  let marked = false;
  parts.forEach((part, i) => {
    if (part === "\uE000") marked = true;
    else if (part === "\uE001") marked = false;
    else if (part) out.push(marked ? <mark key={i}>{part}</mark> : part);
  });
  return <>{out}</>;
}

/**
 * A proposal in a list: its title (the link to it), its step, ambition, place, supports, contributions
 * and date. `headingLevel` keeps headings in order wherever the card sits; `hide` leaves out what the
 * page already says (the ambition on the ambition's page) or, for short lists, both ambition and place.
 */
type ProposalCardProps = {
  proposal: ProposalCardData;
  locale: string;
  headingLevel?: 2 | 3 | 4;
  hide?: { ambition?: boolean; place?: boolean };
};

/**
 * A card as a list item, its markup rendered once per content and reused (`CachedMarkup`): lists show
 * the same cards to everyone until a figure changes. For pages that ship no JavaScript.
 */
export function ProposalCardItem(props: ProposalCardProps) {
  const { proposal, locale, headingLevel = 3, hide = {} } = props;
  const cacheKey = `card ${locale} h${headingLevel} ${hide.ambition ? "a" : ""}${hide.place ? "p" : ""} ${JSON.stringify(proposal)}`;
  return (
    <CachedMarkup as="li" cacheKey={cacheKey}>
      <ProposalCard {...props} />
    </CachedMarkup>
  );
}

export function ProposalCard({ proposal, locale, headingLevel = 3, hide = {} }: ProposalCardProps) {
  const { t } = useTranslation("finding");
  const Heading = `h${headingLevel}` as const;
  const numbers = numberFormat(locale);
  const date = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(proposal.date));
  const fr = contentLang(locale);
  const place = hide.place ? "" : [proposal.quartierName, proposal.communeName].filter(Boolean).join(" · ");
  // A draft has no supports nor contributions yet: saying "0" would only be noise.
  const draft = proposal.status === "draft";
  const headingId = `proposition-${proposal.id}`;
  return (
    <article className="proposal-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="proposal-card-title" lang={fr}>
        {/* A plain link: the card's markup is cached, rendered outside the router. */}
        <a href={proposalPath(proposal.id)}>{proposal.title}</a>
      </Heading>
      <p className="proposal-card-tags">
        <StatusBadge status={proposal.status} decision={proposal.decision} />
        {proposal.origin !== "resident" ? (
          <span className="tag tag-muted">{proposal.councilName ? t("card.origin.council", { council: proposal.councilName }) : t(`card.origin.${proposal.origin}`)}</span>
        ) : null}
        {proposal.hidden ? <span className="tag tag-warning">{t("card.hidden")}</span> : null}
      </p>
      {proposal.headline ? (
        <p className="proposal-card-excerpt" lang={fr}>
          <span className="visually-hidden">{t("card.excerpt")} : </span>
          <Headline text={proposal.headline} />
        </p>
      ) : null}
      {hide.ambition && !place ? null : (
        <dl className="proposal-card-facts">
          {hide.ambition ? null : (
            <div>
              <dt className="visually-hidden">{t("card.ambition")}</dt>
              <dd>
                <span className="ambition-number" aria-hidden="true">
                  {proposal.ambitionNumber}
                </span>
                <span className="visually-hidden">{t("card.ambitionNumber", { number: proposal.ambitionNumber })} : </span>
                <span lang={fr}>{proposal.ambitionTitle}</span>
              </dd>
            </div>
          )}
          {place ? (
            <div>
              <dt className="visually-hidden">{t("card.place")}</dt>
              <dd lang={fr}>{place}</dd>
            </div>
          ) : null}
        </dl>
      )}
      <p className="proposal-card-figures">
        {draft ? null : (
          <>
            <span>{t("card.supports", { count: proposal.supportCount, formatted: numbers.format(proposal.supportCount) })}</span>
            <span>{t("card.contributions", { count: proposal.contributionCount, formatted: numbers.format(proposal.contributionCount) })}</span>
          </>
        )}
        <span>
          <Trans
            t={t}
            i18nKey={draft ? "card.created" : "card.published"}
            values={{ date }}
            components={[<time key="date" dateTime={proposal.date} />]}
          />
        </span>
      </p>
    </article>
  );
}
