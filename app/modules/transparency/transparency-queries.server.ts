import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { moderationCases, REPORT_REASONS, type ReportReason } from "#db/schema/index.ts";

export type QuarterFigures = {
  /** "2026-T4" style key, and its first day (ISO date), for labels. */
  quarter: string;
  start: string;
  hiddenByReason: Record<ReportReason, number>;
  hiddenTotal: number;
  /** Median time from opening a case to a moderator's decision, in hours (null: no decision that quarter). */
  medianDecisionHours: number | null;
  decisions: number;
};

/** The reasons, in the order the page shows them. */
export const REASONS = REPORT_REASONS;

// Quarters are counted in French time, as the people who read the page live.
const TZ = "Europe/Paris";

/**
 * The public moderation figures, per quarter (most recent first): items a moderator decided to hide
 * (still hidden, or contested), by reason, in the quarter of the decision (or of the automatic hiding it
 * confirmed); and the median time from a case's opening to its decision, whatever the decision. Counts
 * only: no item, author or moderator is ever named here.
 */
export async function getTransparencyFigures(): Promise<QuarterFigures[]> {
  const c = moderationCases;
  const hiddenAt = sql`coalesce(${c.decidedAt}, ${c.autoHiddenAt})`;
  const hiddenQuarter = sql<string>`to_char(date_trunc('quarter', ${hiddenAt} at time zone ${TZ}), 'YYYY-MM-DD')`;
  const decidedQuarter = sql<string>`to_char(date_trunc('quarter', ${c.decidedAt} at time zone ${TZ}), 'YYYY-MM-DD')`;
  const [hidden, decided] = await Promise.all([
    db
      .select({ quarter: hiddenQuarter, reason: sql<string>`coalesce(${c.hideReason}, 'other')`, count: sql<number>`count(*)::int` })
      .from(c)
      .where(and(inArray(c.status, ["hidden", "contested"]), sql`${hiddenAt} is not null`))
      .groupBy(sql`1`, sql`2`),
    db
      .select({
        quarter: decidedQuarter,
        median: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from (${c.decidedAt} - ${c.openedAt})))::float8 / 3600`,
        count: sql<number>`count(*)::int`,
      })
      .from(c)
      .where(isNotNull(c.decidedAt))
      .groupBy(sql`1`),
  ]);

  const byQuarter = new Map<string, QuarterFigures>();
  const figuresFor = (start: string) => {
    let entry = byQuarter.get(start);
    if (!entry) {
      const [year, month] = start.split("-").map(Number) as [number, number];
      entry = {
        quarter: `${year}-T${Math.floor((month - 1) / 3) + 1}`,
        start,
        hiddenByReason: Object.fromEntries(REPORT_REASONS.map((r) => [r, 0])) as Record<ReportReason, number>,
        hiddenTotal: 0,
        medianDecisionHours: null,
        decisions: 0,
      };
      byQuarter.set(start, entry);
    }
    return entry;
  };
  for (const row of hidden) {
    const entry = figuresFor(row.quarter);
    const reason = (REPORT_REASONS as readonly string[]).includes(row.reason) ? (row.reason as ReportReason) : "other";
    entry.hiddenByReason[reason] += Number(row.count);
    entry.hiddenTotal += Number(row.count);
  }
  for (const row of decided) {
    const entry = figuresFor(row.quarter);
    entry.medianDecisionHours = Math.round(Number(row.median) * 10) / 10;
    entry.decisions = Number(row.count);
  }
  return [...byQuarter.values()].sort((a, b) => b.start.localeCompare(a.start));
}
