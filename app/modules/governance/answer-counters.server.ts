/**
 * The droit de suite counters shown on the home page, each ambition and quartier page and /instances:
 * qualified, answered, waiting, overdue, and the longest waits named. One aggregate statement per page,
 * served by the partial indexes proposals_due_idx / proposals_ambition_due_idx / proposals_quartier_due_idx
 * (an index-only scan over the counted rows, never the whole table).
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { daysWaiting, overdueBefore } from "#app/modules/governance/answer-deadline.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { proposals } from "#db/schema/index.ts";

/**
 * Which proposals the droit de suite counts, in SQL: the same rule as `isCounted` in
 * app/modules/governance/answer-deadline.ts, written exactly as the WHERE of the partial indexes
 * proposals_*_due_idx (db/schema/proposals.ts), so PostgreSQL sees that they cover the query.
 * answer-counters.test.ts checks that this fragment and isCounted agree on every combination.
 */
export const COUNTED_SQL: SQL = sql`${proposals.qualifiedAt} is not null and ${proposals.hiddenAt} is null and ${proposals.status} not in ('withdrawn', 'merged')`;

export type CounterScope = { kind: "territory" } | { kind: "ambition"; ambitionNumber: number } | { kind: "quartier"; quartierCode: string };

export type LongWait = { id: string; title: string; qualifiedAt: string; daysWaiting: number; overdue: boolean };
export type AnswerCounters = {
  qualified: number;
  answered: number;
  waiting: number;
  overdue: number;
  /** The setting in force (days from qualification to a public answer). */
  deadlineDays: number;
  /** The three oldest unanswered, oldest first. */
  longest: LongWait[];
};

export const LONGEST_WAITS = 3;

function scopeCondition(scope: CounterScope): SQL | undefined {
  if (scope.kind === "ambition") return eq(proposals.ambitionNumber, scope.ambitionNumber);
  if (scope.kind === "quartier") return eq(proposals.quartierCode, scope.quartierCode);
  return undefined;
}

/**
 * The statement: counts over the counted rows of the scope, and, as a scalar subquery, the oldest
 * unanswered ones (the index gives them in qualified_at order; no sort). `before` is the overdue boundary
 * (overdueBefore): a proposal qualified exactly then is not yet overdue, as isOverdue says.
 */
export function answerCountersQuery(scope: CounterScope, before: Date): SQL {
  const where = and(COUNTED_SQL, scopeCondition(scope))!;
  const boundary = sql`${before.toISOString()}::timestamptz`;
  return sql`select
    count(*)::int as "qualified",
    (count(*) filter (where ${proposals.answeredAt} is not null))::int as "answered",
    (count(*) filter (where ${proposals.answeredAt} is null))::int as "waiting",
    (count(*) filter (where ${proposals.answeredAt} is null and ${proposals.qualifiedAt} < ${boundary}))::int as "overdue",
    (select coalesce(json_agg(json_build_object('id', w.id, 'title', w.title, 'qualifiedAt', w.qualified_at) order by w.qualified_at), '[]'::json)
       from (select ${proposals.id} as id, ${proposals.title} as title, ${proposals.qualifiedAt} as qualified_at
               from ${proposals}
              where ${where} and ${proposals.answeredAt} is null
              order by ${proposals.qualifiedAt}
              limit ${sql.raw(String(LONGEST_WAITS))}) w) as "longest"
  from ${proposals}
  where ${where}`;
}

type Row = { qualified: number; answered: number; waiting: number; overdue: number; longest: { id: string; title: string; qualifiedAt: string }[] | string };

/** db.execute answers rows on postgres.js and { rows } on PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export async function getAnswerCounters(scope: CounterScope, { now = new Date(), executor = db }: { now?: Date; executor?: Db } = {}): Promise<AnswerCounters> {
  const deadlineDays = await getSetting("governance.answerDeadlineDays", executor);
  const before = overdueBefore(deadlineDays, now);
  const [row] = rowsOf<Row>(await executor.execute(answerCountersQuery(scope, before)));
  const longest = typeof row?.longest === "string" ? (JSON.parse(row.longest) as { id: string; title: string; qualifiedAt: string }[]) : (row?.longest ?? []);
  return {
    qualified: Number(row?.qualified ?? 0),
    answered: Number(row?.answered ?? 0),
    waiting: Number(row?.waiting ?? 0),
    overdue: Number(row?.overdue ?? 0),
    deadlineDays,
    longest: longest.map((w) => {
      const qualifiedAt = new Date(w.qualifiedAt);
      return { id: w.id, title: w.title, qualifiedAt: qualifiedAt.toISOString(), daysWaiting: daysWaiting(qualifiedAt, now), overdue: qualifiedAt.getTime() < before.getTime() };
    }),
  };
}
