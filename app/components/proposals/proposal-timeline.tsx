import { useTranslation } from "react-i18next";
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
};

const DECISIONS = new Set(["retained", "partly_retained", "not_retained", "postponed"]);

/** The proposal's history, oldest first: a dated list with each step in plain words. */
export function ProposalTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation("proposals");
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const label =
          entry.kind === "edited" && entry.fields.length
            ? t("events.editedFields", { fields: entry.fields.map((f) => t(`editedField.${f}` as never, { defaultValue: f })).join(", ") })
            : entry.kind === "qualified" && entry.carriedBySession
              ? entry.carriedBySession.title
                ? t("events.qualifiedByLabo", { title: entry.carriedBySession.title })
                : t("events.qualifiedByLaboUnnamed")
              : entry.kind === "decided" && entry.decision && DECISIONS.has(entry.decision)
              ? t("events.decidedAs", { decision: t(`decision.${entry.decision}` as never) })
              : t(`events.${entry.kind}`);
        return (
          <li key={entry.id} className={`timeline-entry timeline-${entry.kind}`}>
            <p className="timeline-when">
              <time dateTime={entry.at}>{entry.atLabel}</time>
            </p>
            <p className="timeline-what">
              <strong>{label}</strong>
              {entry.actorName ? <span className="timeline-actor"> {t("events.by", { name: entry.actorName })}</span> : null}
            </p>
            {entry.text ? <RichText text={entry.text} /> : null}
            {entry.reason ? <p className="timeline-reason">{t("events.reason", { reason: entry.reason })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
