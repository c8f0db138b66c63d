import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { communes, laboCaptures, laboSessions, proposals } from "#db/schema/index.ts";
import { PAST_STATUSES } from "./labo-session-queries.server.ts";

export type SessionFigures = {
  id: string;
  title: string;
  startsAt: Date;
  communeSlug: string | null;
  communeName: string | null;
  attendance: number | null;
  newcomers: number | null;
  contributions: number;
  proposalsCarried: number;
};

export type CommuneFigures = {
  communeSlug: string | null;
  communeName: string | null;
  sessionsHeld: number;
  attendance: number;
  newcomers: number;
  contributions: number;
  proposalsCarried: number;
};

/**
 * The Labo's figures, per session held and per commune: attendance and newcomers as the minutes report
 * them, contributions (captures not hidden by moderation), proposals carried by the Labo (published or
 * beyond, not hidden). Counts only: nothing personal. Three queries, one per table, whatever the number of sessions.
 */
export async function getLaboFigures(): Promise<{ sessions: SessionFigures[]; communes: CommuneFigures[] }> {
  const held = await db
    .select({
      id: laboSessions.id,
      title: laboSessions.title,
      startsAt: laboSessions.startsAt,
      communeSlug: laboSessions.communeSlug,
      communeName: communes.name,
      attendance: laboSessions.attendance,
      newcomers: laboSessions.newcomers,
    })
    .from(laboSessions)
    .leftJoin(communes, eq(communes.slug, laboSessions.communeSlug))
    .where(inArray(laboSessions.status, PAST_STATUSES))
    .orderBy(asc(laboSessions.startsAt));
  const ids = held.map((s) => s.id);
  const [captureCounts, proposalCounts] = ids.length
    ? await Promise.all([
        db
          .select({ sessionId: laboCaptures.sessionId, count: sql<number>`count(*)::int` })
          .from(laboCaptures)
          .where(and(inArray(laboCaptures.sessionId, ids), isNull(laboCaptures.hiddenAt)))
          .groupBy(laboCaptures.sessionId),
        db
          .select({ sessionId: proposals.originLaboSessionId, count: sql<number>`count(*)::int` })
          .from(proposals)
          .where(
            and(
              eq(proposals.origin, "labo_session"),
              isNotNull(proposals.originLaboSessionId),
              inArray(proposals.originLaboSessionId, ids),
              sql`${proposals.status} <> 'draft'`,
              isNull(proposals.hiddenAt),
            ),
          )
          .groupBy(proposals.originLaboSessionId),
      ])
    : [[], []];
  const contributions = new Map(captureCounts.map((r) => [r.sessionId, r.count]));
  const carried = new Map(proposalCounts.map((r) => [r.sessionId!, r.count]));
  const sessions = held.map((s) => ({ ...s, contributions: contributions.get(s.id) ?? 0, proposalsCarried: carried.get(s.id) ?? 0 }));

  const byCommune = new Map<string, CommuneFigures>();
  for (const s of sessions) {
    const key = s.communeSlug ?? "";
    const row = byCommune.get(key) ?? { communeSlug: s.communeSlug, communeName: s.communeName, sessionsHeld: 0, attendance: 0, newcomers: 0, contributions: 0, proposalsCarried: 0 };
    row.sessionsHeld += 1;
    row.attendance += s.attendance ?? 0;
    row.newcomers += s.newcomers ?? 0;
    row.contributions += s.contributions;
    row.proposalsCarried += s.proposalsCarried;
    byCommune.set(key, row);
  }
  const communeRows = [...byCommune.values()].sort((a, b) => (a.communeName ?? "~").localeCompare(b.communeName ?? "~", "fr"));
  return { sessions, communes: communeRows };
}

export type FiguresGrouping = "session" | "commune";

/**
 * The figures as CSV for a spreadsheet: UTF-8 with a byte-order mark (without it Excel reads the
 * accents as Windows-1252) and ";" between fields (French Excel expects it, "," being the decimal
 * separator there). Headers come translated; dates are Paris dates (YYYY-MM-DD).
 */
export function figuresCsv(figures: Awaited<ReturnType<typeof getLaboFigures>>, grouping: FiguresGrouping, headers: Record<string, string>) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
  const rows =
    grouping === "session"
      ? figures.sessions.map((s) => [day.format(s.startsAt), s.title, s.communeName ?? headers.noCommune, s.attendance ?? "", s.newcomers ?? "", s.contributions, s.proposalsCarried])
      : figures.communes.map((c) => [c.communeName ?? headers.noCommune, c.sessionsHeld, c.attendance, c.newcomers, c.contributions, c.proposalsCarried]);
  const columns =
    grouping === "session"
      ? [headers.date, headers.title, headers.commune, headers.attendance, headers.newcomers, headers.contributions, headers.proposals]
      : [headers.commune, headers.sessionsHeld, headers.attendance, headers.newcomers, headers.contributions, headers.proposals];
  return "\uFEFF" + stringify([columns, ...rows], { delimiter: ";", record_delimiter: "windows" });
}
