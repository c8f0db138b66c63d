import { sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Messages waiting to leave and messages given up on, and how long the oldest due message has waited.
 * Each branch repeats the predicate of a partial index (email_outbox_due_idx, email_outbox_failed_idx):
 * the sent messages, by far the most rows, are never read.
 */
export async function outboxBacklog(db: Db, now = new Date()) {
  const rows = rowsOf<{ status: string; messages: number; oldest_due: Date | string | null }>(
    await db.execute(sql`
      select status, count(*)::int as messages, min(next_attempt_at) filter (where next_attempt_at <= ${now.toISOString()}::timestamptz) as oldest_due
        from email_outbox where status in ('pending', 'sending') group by status
      union all
      select 'failed', count(*)::int, null from email_outbox where status = 'failed'`),
  );
  const messages = { pending: 0, sending: 0, failed: 0 } as Record<"pending" | "sending" | "failed", number>;
  let oldestDue: Date | null = null;
  for (const row of rows) {
    messages[row.status as keyof typeof messages] = Number(row.messages);
    const due = row.oldest_due ? new Date(row.oldest_due) : null;
    if (due && (!oldestDue || due < oldestDue)) oldestDue = due;
  }
  return { messages, oldestDueSeconds: oldestDue ? Math.max(0, (now.getTime() - oldestDue.getTime()) / 1000) : 0 };
}

/** Each recurring job: how late its next slot is (0 when not due yet), whether its last run failed, when it last finished. */
export async function scheduledJobStates(db: Db, now = new Date()) {
  const rows = rowsOf<{ name: string; next_run_at: Date | string; last_error: string | null; last_finished_at: Date | string | null }>(
    await db.execute(sql`select name, next_run_at, last_error, last_finished_at from scheduled_jobs order by name`),
  );
  return rows.map((row) => ({
    name: row.name,
    lagSeconds: Math.max(0, (now.getTime() - new Date(row.next_run_at).getTime()) / 1000),
    failed: row.last_error !== null,
    lastFinishedAt: row.last_finished_at ? new Date(row.last_finished_at) : null,
  }));
}

/**
 * The connections to this database opened under this process's application name (postgres.js sends
 * PGAPPNAME, « postgres.js » by default), by state. postgres.js tells nothing about its pool, PostgreSQL
 * does: with one PGAPPNAME per instance these are the instance's own connections, otherwise every instance's.
 */
export async function databaseConnections(db: Db) {
  const rows = rowsOf<{ state: string | null; connections: number }>(
    await db.execute(sql`
      select coalesce(state, 'unknown') as state, count(*)::int as connections from pg_stat_activity
       where datname = current_database() and application_name = current_setting('application_name') group by 1`),
  );
  return rows.map((row) => ({ state: row.state ?? "unknown", connections: Number(row.connections) }));
}
