/**
 * A follow-up as pages show it: amounts in euros and dates written in the reader's language, formatted
 * on the server so the browser renders the same text. Pure: shared by the proposal page and the
 * coordinators' follow-up page.
 */
import { dateFormat, numberFormat } from "#app/components/dates.ts";
import type { FunderShare } from "#db/schema/governance.ts";

export type FollowupRow = { bodyInCharge: string; actionTitle: string | null; porteur: string | null; amountEur: number | null; funders: FunderShare[]; startedAt: string | Date };
export type MilestoneRow = { id: string; title: string; dueOn: string; doneAt: string | Date | null };

/** A day (YYYY-MM-DD) written long in a language: "12 mars 2027", "March 12, 2027". */
export function formatDay(day: string, locale: string) {
  return dateFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** An instant written as its day in Paris, long: "12 mars 2027". */
export function formatDate(at: string | Date, locale: string) {
  return dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(at));
}

export function formatEuros(amount: number, locale: string) {
  return numberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(amount);
}

export function presentMilestones(milestones: MilestoneRow[], locale: string) {
  return milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, dueLabel: formatDay(m.dueOn, locale), reachedLabel: m.doneAt ? formatDate(m.doneAt, locale) : null }));
}

export function presentFollowup(followup: FollowupRow | null, milestones: MilestoneRow[], locale: string) {
  if (!followup) return null;
  const action =
    followup.actionTitle && followup.porteur && followup.amountEur !== null
      ? {
          title: followup.actionTitle,
          porteur: followup.porteur,
          amountLabel: formatEuros(followup.amountEur, locale),
          funders: followup.funders.map((f) => ({ name: f.name, amountLabel: formatEuros(f.amountEur, locale) })),
        }
      : null;
  return { bodyInCharge: followup.bodyInCharge, startedLabel: formatDate(followup.startedAt, locale), action, milestones: presentMilestones(milestones, locale) };
}

export type FollowupView = NonNullable<ReturnType<typeof presentFollowup>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The date a governance step names (a milestone's day, a meeting's date), written for people; null if none or unreadable. */
export function timelineDateLabel(entry: { milestone?: { dueOn: string | null } | null; meeting?: { startsAt: string | null } | null }, locale: string) {
  const day = entry.milestone?.dueOn;
  if (day && DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return formatDay(day, locale);
  const at = entry.meeting?.startsAt;
  if (at && !Number.isNaN(Date.parse(at))) return formatDate(at, locale);
  return null;
}
