import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "#app/db.server.ts";
import { scheduledJobs } from "#db/schema/index.ts";
import { every, runJobIfDue, type ScheduledJob } from "./scheduled-jobs.server.ts";

const MINUTE = 60_000;

function countingJob(name = "test-job") {
  const runs: Date[] = [];
  const job: ScheduledJob = { name, next: every(10 * MINUTE), run: async (_db, now) => void runs.push(now) };
  return { job, runs };
}

describe("scheduled jobs", () => {
  it("runs a new job at once, then not again before its period", async () => {
    const { job, runs } = countingJob();
    const t0 = new Date("2026-12-07T10:00:00Z");
    expect(await runJobIfDue(db, job, t0)).toEqual({ ran: true });
    expect(await runJobIfDue(db, job, new Date(t0.getTime() + 9 * MINUTE))).toEqual({ ran: false });
    expect(await runJobIfDue(db, job, new Date(t0.getTime() + 10 * MINUTE))).toEqual({ ran: true });
    expect(runs).toHaveLength(2);
  });

  it("runs each slot once when several instances tick at the same moment", async () => {
    const { job, runs } = countingJob();
    const now = new Date("2026-12-07T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 8 }, () => runJobIfDue(db, job, now)));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toHaveLength(1);
  });

  it("records a failure and waits for the next period instead of retrying in a loop", async () => {
    const job: ScheduledJob = {
      name: "failing",
      next: every(10 * MINUTE),
      run: async () => {
        throw new Error("provider down");
      },
    };
    const t0 = new Date("2026-12-07T10:00:00Z");
    expect(await runJobIfDue(db, job, t0)).toEqual({ ran: true, error: "provider down" });
    expect(await runJobIfDue(db, job, new Date(t0.getTime() + MINUTE))).toEqual({ ran: false });
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "failing"));
    expect(row!.lastError).toBe("provider down");
    expect(row!.nextRunAt.toISOString()).toBe("2026-12-07T10:10:00.000Z");
  });
});
