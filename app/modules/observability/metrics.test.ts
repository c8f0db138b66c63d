import { describe, expect, test } from "vitest";
import { dbHandle } from "#app/db.server.ts";
import type { DbHandle } from "#db/client.ts";
import { emailOutbox, scheduledJobs } from "#db/schema/index.ts";
import { createMetrics, metricsAccessAllowed, renderMetrics } from "./metrics.server.ts";

const MINUTE = 60_000;

/** The value of one series in the exposition text, e.g. `labo_email_outbox_messages{status="failed"}`. */
function valueOf(text: string, series: string) {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function message(status: "pending" | "sending" | "sent" | "failed", nextAttemptAt: Date | null = null) {
  return { to: "n@example.org", subject: "Sujet", template: "labo-reminder", html: "<p>x</p>", text: "x", provider: "resend", status, nextAttemptAt };
}

describe("the metrics exposition", () => {
  test("counts the outbox backlog and the failed messages, and how long the oldest due one has waited", async () => {
    const now = Date.now();
    await dbHandle.db.insert(emailOutbox).values([
      message("pending", new Date(now - 3 * MINUTE)),
      message("pending", new Date(now + 10 * MINUTE)),
      message("sending", new Date(now - MINUTE)),
      message("failed"),
      message("sent"),
      message("sent"),
    ]);
    const { contentType, body } = await renderMetrics({ metrics: createMetrics() });
    expect(contentType).toMatch(/^text\/plain/);
    expect(valueOf(body, 'labo_email_outbox_messages{status="pending"}')).toBe(2);
    expect(valueOf(body, 'labo_email_outbox_messages{status="sending"}')).toBe(1);
    expect(valueOf(body, 'labo_email_outbox_messages{status="failed"}')).toBe(1);
    expect(valueOf(body, "labo_email_outbox_oldest_due_seconds")).toBeGreaterThanOrEqual(179);
    expect(valueOf(body, "labo_email_outbox_oldest_due_seconds")).toBeLessThan(240);
    expect(valueOf(body, "labo_database_up")).toBe(1);
  });

  test("says how late each scheduled job is and whether its last run failed", async () => {
    const now = Date.now();
    await dbHandle.db.insert(scheduledJobs).values([
      { name: "labo-reminders", nextRunAt: new Date(now - 2 * MINUTE), lastFinishedAt: new Date(now - 12 * MINUTE), lastError: "provider down" },
      { name: "purge-expired-data", nextRunAt: new Date(now + 60 * MINUTE), lastFinishedAt: new Date(now - MINUTE) },
    ]);
    const { body } = await renderMetrics({ metrics: createMetrics() });
    expect(valueOf(body, 'labo_scheduled_job_lag_seconds{job="labo-reminders"}')).toBeGreaterThanOrEqual(119);
    expect(valueOf(body, 'labo_scheduled_job_lag_seconds{job="purge-expired-data"}')).toBe(0);
    expect(valueOf(body, 'labo_scheduled_job_last_error{job="labo-reminders"}')).toBe(1);
    expect(valueOf(body, 'labo_scheduled_job_last_error{job="purge-expired-data"}')).toBe(0);
    expect(valueOf(body, 'labo_scheduled_job_last_finished_timestamp_seconds{job="purge-expired-data"}')).toBeCloseTo((now - MINUTE) / 1000, 0);
  });

  test("carries the process's own metrics, and on PostgreSQL the pool's size and its connections in use", async () => {
    const { body } = await renderMetrics({ metrics: createMetrics() });
    expect(body).toContain("process_cpu_seconds_total");
    expect(body).toContain("nodejs_eventloop_lag_seconds");
    if (dbHandle.engine === "postgresql") {
      expect(valueOf(body, "labo_db_pool_max")).toBeGreaterThan(0);
      // The connection that reads pg_stat_activity is itself running a query.
      expect(valueOf(body, 'labo_db_connections{state="active"}')).toBeGreaterThanOrEqual(1);
    } else {
      expect(body).not.toContain("labo_db_connections{");
    }
  });

  test("still answers when the database does not, and says so", async () => {
    const down = { ...dbHandle, db: { execute: () => Promise.reject(new Error("connect ECONNREFUSED")) } } as unknown as DbHandle;
    const { body } = await renderMetrics({ handle: down, metrics: createMetrics() });
    expect(valueOf(body, "labo_database_up")).toBe(0);
    expect(body).toContain("process_cpu_seconds_total");
  });
});

describe("access to the metrics", () => {
  const token = "a-metrics-token-for-prometheus";

  test("only the configured bearer token opens them", () => {
    expect(metricsAccessAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(metricsAccessAllowed(`bearer ${token}`, token)).toBe(true);
    expect(metricsAccessAllowed(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsAccessAllowed(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(metricsAccessAllowed(token, token)).toBe(false);
    expect(metricsAccessAllowed(`Basic ${token}`, token)).toBe(false);
    expect(metricsAccessAllowed(null, token)).toBe(false);
  });

  test("without a configured token nothing opens them", () => {
    expect(metricsAccessAllowed("Bearer ", undefined)).toBe(false);
    expect(metricsAccessAllowed("Bearer undefined", undefined)).toBe(false);
    expect(metricsAccessAllowed("Bearer anything", "")).toBe(false);
  });
});
