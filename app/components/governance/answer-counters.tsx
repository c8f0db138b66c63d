import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { numberFormat } from "#app/components/dates.ts";

/** What the loaders send (see getAnswerCounters in app/modules/governance/answer-counters.server.ts). */
export type AnswerCountersData = {
  qualified: number;
  answered: number;
  waiting: number;
  overdue: number;
  deadlineDays: number;
  longest: { id: string; title: string; daysWaiting: number; overdue: boolean }[];
};

/**
 * The droit de suite in figures for a scope (the territory, an ambition, a quartier): how many
 * proposals reached the bodies, how many were answered, how many wait, how many are late, and the
 * longest waits by name. Plain markup: it sits on pages that ship no JavaScript.
 */
export function AnswerCounters({ counters, locale, id = "answer-counters-title", title }: { counters: AnswerCountersData; locale: string; id?: string; title?: string }) {
  const { t } = useTranslation("instances");
  const numbers = numberFormat(locale);
  const figures = [
    { key: "qualified", value: counters.qualified, label: t("counters.qualified", { count: counters.qualified }) },
    { key: "answered", value: counters.answered, label: t("counters.answered", { count: counters.answered }) },
    { key: "waiting", value: counters.waiting, label: t("counters.waiting", { count: counters.waiting }) },
    { key: "overdue", value: counters.overdue, label: t("counters.overdue", { count: counters.overdue, days: counters.deadlineDays }) },
  ];
  return (
    <section className="section answer-counters" aria-labelledby={id}>
      <h2 id={id}>{title ?? t("counters.title")}</h2>
      <p>{t("counters.intro", { count: counters.deadlineDays })}</p>
      <ul className="key-figures">
        {figures.map((f) => (
          <li key={f.key}>
            <strong>{numbers.format(f.value)}</strong> {f.label}
          </li>
        ))}
      </ul>
      <h3>{t("counters.longestTitle")}</h3>
      {counters.longest.length === 0 ? (
        <p>{t("counters.noneWaiting")}</p>
      ) : (
        <ol className="plain-list">
          {counters.longest.map((wait) => (
            <li key={wait.id}>
              <AppLink to={`/propositions/${wait.id}`}>{wait.title}</AppLink> — {t("counters.daysWaiting", { count: wait.daysWaiting, formatted: numbers.format(wait.daysWaiting) })}
              {wait.overdue ? (
                <>
                  {" "}
                  <span className="tag tag-warning">{t("counters.late")}</span>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
