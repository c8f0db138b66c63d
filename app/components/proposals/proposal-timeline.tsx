import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { RichText } from "#app/components/rich-text.tsx";
import type { ProposalEventKind } from "#db/schema/proposals.ts";

export type TimelineEntry = {
  id: string;
  kind: ProposalEventKind;
  /** ISO date, and the same date written for people (formatted on the server). */
  at: string;
  atLabel: string;
  actorName: string | null;
  fields: string[];
  text: string | null;
  reason: string | null;
  decision: string | null;
  /** Set on the "qualified" event of a proposal carried by a rendez-vous du Labo. */
  carriedBySession?: { id: string | null; title: string | null } | null;
  /** Set on the "carried" event, and on the "qualified" event it brings, of a proposal carried by a conseil citoyen. */
  carriedByCouncil?: { code: string | null; name: string | null } | null;
  /** Set on the "qualified" event of a proposal sent to the GTP by the réseau des acteurs. */
  carriedByNetwork?: { organisation: string | null } | null;
  // Governance steps (what their payload holds, read in proposal-queries.server.ts).
  /** answered: already_done | in_progress_elsewhere | outside_contract | copil_decision. */
  answerKind?: string | null;
  /** answered outside the contract: who can act instead. */
  competentBody?: string | null;
  /** under_review: who instructs it. */
  partnerName?: string | null;
  /** on_copil_agenda, decided: the meeting. */
  meeting?: { id: string | null; bodyKey: string; title: string | null; startsAt: string | null } | null;
  /** merged: the proposal it joined; merged_in (and qualified by a merge): the one that joined it. */
  other?: { id: string | null; title: string | null } | null;
  /** in_progress: who carries it out, and the funded action if any. */
  bodyInCharge?: string | null;
  action?: { title: string | null; porteur: string | null; amountEur: number | null } | null;
  /** milestone_added / milestone_reached. */
  milestone?: { title: string | null; dueOn: string | null } | null;
  /** The meeting's date or the milestone's date, written for people (formatted on the server). */
  dateLabel?: string | null;
};

const DECISIONS = new Set(["retained", "partly_retained", "not_retained", "postponed"]);
const ANSWER_KINDS = new Set(["copil_decision", "already_done", "in_progress_elsewhere", "outside_contract"]);
// Steps whose text is introduced ("Pourquoi :"); news and an author's update speak for themselves.
const TEXT_LABELS: Partial<Record<ProposalEventKind, string>> = { carried: "events.statementLabel", decided: "events.reasonsLabel", answered: "events.answerLabel", decision_corrected: "events.correctionLabel", done: "events.lastWordLabel" };

type T = ReturnType<typeof useTranslation<"proposals">>["t"];

/** The step in plain words; a link when it names another page (the proposal a merge went to or came from). */
function entryLabel(entry: TimelineEntry, t: T): ReactNode {
  switch (entry.kind) {
    case "edited":
      return entry.fields.length ? t("events.editedFields", { fields: entry.fields.map((f) => t(`editedField.${f}` as never, { defaultValue: f })).join(", ") }) : t("events.edited");
    case "qualified":
      // Qualified by a merge: the proposal that joined it had already qualified.
      if (entry.other?.title) return t("events.qualifiedByMerge", { title: entry.other.title });
      if (entry.carriedByCouncil) return entry.carriedByCouncil.name ? t("events.qualifiedByCouncil", { council: entry.carriedByCouncil.name }) : t("events.qualifiedByCouncilUnnamed");
      if (entry.carriedByNetwork) return entry.carriedByNetwork.organisation ? t("events.qualifiedByNetwork", { organisation: entry.carriedByNetwork.organisation }) : t("events.qualifiedByNetworkUnnamed");
      if (!entry.carriedBySession) return t("events.qualified");
      return entry.carriedBySession.title ? t("events.qualifiedByLabo", { title: entry.carriedBySession.title }) : t("events.qualifiedByLaboUnnamed");
    case "carried":
      return entry.carriedByCouncil?.name ? t("events.carriedBy", { council: entry.carriedByCouncil.name }) : t("events.carried");
    case "under_review":
      return entry.partnerName ? t("events.underReviewBy", { partner: entry.partnerName }) : t("events.under_review");
    case "on_copil_agenda":
      return entry.dateLabel ? t("events.onCopilAgendaOn", { date: entry.dateLabel }) : t("events.on_copil_agenda");
    case "decided": {
      const decision = entry.decision && DECISIONS.has(entry.decision) ? t(`decision.${entry.decision}` as never) : null;
      if (decision && entry.dateLabel) return t("events.decidedOn", { decision, date: entry.dateLabel });
      return decision ? t("events.decidedAs", { decision }) : t("events.decided");
    }
    case "answered":
      return entry.answerKind && ANSWER_KINDS.has(entry.answerKind) ? t("events.answeredAs", { answer: t(`answerKind.${entry.answerKind}` as never) }) : t("events.answered");
    case "merged":
    case "merged_in": {
      const title = entry.other?.title;
      const label = title ? t(entry.kind === "merged" ? "events.mergedInto" : "events.mergedIn", { title }) : t(`events.${entry.kind}`);
      return entry.other?.id ? <AppLink to={`/propositions/${entry.other.id}`}>{label}</AppLink> : label;
    }
    case "in_progress":
      return entry.bodyInCharge ? t("events.inProgressBy", { body: entry.bodyInCharge }) : t("events.in_progress");
    case "milestone_added":
      if (entry.milestone?.title && entry.dateLabel) return t("events.milestoneAddedFor", { title: entry.milestone.title, date: entry.dateLabel });
      return entry.milestone?.title ? t("events.milestoneAddedTitled", { title: entry.milestone.title }) : t("events.milestone_added");
    case "milestone_reached":
      return entry.milestone?.title ? t("events.milestoneReachedTitled", { title: entry.milestone.title }) : t("events.milestone_reached");
    default:
      return t(`events.${entry.kind}`);
  }
}

/** What a step adds under its label: the meeting's page, who can act, the funded action. */
function entryDetails(entry: TimelineEntry, t: T): ReactNode {
  if ((entry.kind === "on_copil_agenda" || entry.kind === "decided") && entry.meeting?.id) {
    return (
      <p className="timeline-reason">
        <AppLink to={`/instances/${entry.meeting.bodyKey}/${entry.meeting.id}`}>{entry.meeting.title ? t("events.meetingLinkTitled", { title: entry.meeting.title }) : t("events.meetingLink")}</AppLink>
      </p>
    );
  }
  if (entry.kind === "answered" && entry.competentBody) return <p className="timeline-reason">{t("events.competentBody", { body: entry.competentBody })}</p>;
  if (entry.kind === "in_progress" && entry.action?.title) {
    return <p className="timeline-reason">{entry.action.porteur ? t("events.fundedActionBy", { title: entry.action.title, porteur: entry.action.porteur }) : t("events.fundedAction", { title: entry.action.title })}</p>;
  }
  return null;
}

/** The proposal's history, oldest first: a dated list with each step in plain words. */
export function ProposalTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation("proposals");
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const textLabel = entry.text ? TEXT_LABELS[entry.kind] : undefined;
        return (
          <li key={entry.id} className={`timeline-entry timeline-${entry.kind}`}>
            <p className="timeline-when">
              <time dateTime={entry.at}>{entry.atLabel}</time>
            </p>
            <p className="timeline-what">
              <strong>{entryLabel(entry, t)}</strong>
              {entry.actorName ? <span className="timeline-actor"> {t("events.by", { name: entry.actorName })}</span> : null}
            </p>
            {entryDetails(entry, t)}
            {textLabel ? <p className="timeline-reason">{t(textLabel as never)}</p> : null}
            {entry.text ? (
              // The council's own words, quoted as it wrote them.
              entry.kind === "carried" ? (
                <blockquote className="timeline-quote">
                  <RichText text={entry.text} />
                </blockquote>
              ) : (
                <RichText text={entry.text} />
              )
            ) : null}
            {entry.reason ? <p className="timeline-reason">{t("events.reason", { reason: entry.reason })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
