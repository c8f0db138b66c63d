import { hostname } from "node:os";
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { logger } from "#app/modules/observability/logger.server.ts";
import { databaseUnavailableCode } from "#app/modules/platform/database-errors.server.ts";
import { scheduledJobs } from "#db/schema/index.ts";

/**
 * A recurring piece of work. `next` says when the following run is due, from the moment a run is claimed:
 * a fixed period (`every(ms)`) or a time of day (`dailyAt`, for digests).
 */
export type ScheduledJob = { name: string; next: (now: Date) => Date; run: (db: Db, now: Date) => Promise<unknown> };

export const every = (ms: number) => (now: Date) => new Date(now.getTime() + ms);

const RUNNER = `${hostname()}:${process.pid}`;

/**
 * Claims the job's current slot and runs it, or does nothing when the slot is not due or another instance
 * (or another tick of this one) claimed it first. The claim is one conditional update of `next_run_at`: of
 * several instances ticking at once, exactly one sees its row come back. A run that throws is recorded and
 * the next slot stays as claimed: a failing job is retried at its next period, not in a tight loop.
 */
export async function runJobIfDue(db: Db, job: ScheduledJob, now = new Date()): Promise<{ ran: false } | { ran: true; error?: string }> {
  await db.insert(scheduledJobs).values({ name: job.name, nextRunAt: now }).onConflictDoNothing();
  const [claimed] = await db
    .update(scheduledJobs)
    .set({ nextRunAt: job.next(now), lastStartedAt: now, lastRunBy: RUNNER })
    .where(and(eq(scheduledJobs.name, job.name), lte(scheduledJobs.nextRunAt, now)))
    .returning({ name: scheduledJobs.name });
  if (!claimed) return { ran: false };
  let error: string | undefined;
  try {
    await job.run(db, now);
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
    logger.error({ job: job.name, err: cause }, "scheduled job failed");
  }
  await db
    .update(scheduledJobs)
    .set({ lastFinishedAt: sql`now()`, lastError: error ?? null })
    .where(eq(scheduledJobs.name, job.name));
  return error === undefined ? { ran: true } : { ran: true, error };
}

export type Scheduler = {
  /** Runs every due job now (after a write that queued work, say) without waiting for the next tick. */
  poke: () => void;
  /** Stops ticking and waits for the runs in progress: for a clean shutdown. */
  stop: () => Promise<void>;
};

/**
 * Ticks every `tickMs` (and once at start) and runs each due job; a job never overlaps itself within one
 * process. Timers are unref'd, so the scheduler never keeps a process alive.
 */
export function startScheduler(db: Db, jobs: ScheduledJob[], { tickMs = 5_000 }: { tickMs?: number } = {}): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    for (const job of jobs) {
      if (running.has(job.name)) continue;
      const run = runJobIfDue(db, job)
        .catch((error: unknown) => {
          // While the database is down every tick fails the same way: one short line, not a stack each time.
          const outage = databaseUnavailableCode(error);
          if (outage) logger.warn({ job: job.name, code: outage }, "scheduled job skipped: database unavailable");
          else logger.error({ job: job.name, err: error }, "scheduled job could not be claimed");
        })
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  tick();
  return {
    poke: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
