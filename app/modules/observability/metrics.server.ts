import { createHash, timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { dbHandle, type Db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import type { DbHandle } from "#db/client.ts";
import { databaseConnections, outboxBacklog, scheduledJobStates } from "./operations-queries.server.ts";

/** Up to 10 s: the statement timeout's default, beyond which a request has failed anyway. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "labo_http_request_duration_seconds",
      help: "Time to answer a request, by method, matched Remix route id (or « static ») and status class.",
      labelNames: ["method", "route", "status_class"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    httpInFlight: new client.Gauge({ name: "labo_http_requests_in_flight", help: "Requests this instance is answering now.", registers }),
    databaseUp: new client.Gauge({ name: "labo_database_up", help: "1 when the last scrape could read the database's figures, 0 when it failed.", registers }),
    poolMax: new client.Gauge({ name: "labo_db_pool_max", help: "PostgreSQL connections this instance may open (DATABASE_POOL_MAX).", registers }),
    connections: new client.Gauge({
      name: "labo_db_connections",
      help: "Connections to the database under this instance's application name (PGAPPNAME), by state (active: running a query).",
      labelNames: ["state"] as const,
      registers,
    }),
    outboxMessages: new client.Gauge({
      name: "labo_email_outbox_messages",
      help: "Emails waiting to leave (pending, sending) and given up on (failed).",
      labelNames: ["status"] as const,
      registers,
    }),
    outboxOldestDue: new client.Gauge({ name: "labo_email_outbox_oldest_due_seconds", help: "How long the oldest email due to leave has been waiting.", registers }),
    jobLag: new client.Gauge({
      name: "labo_scheduled_job_lag_seconds",
      help: "How late a recurring job's next run is (0: not due yet). Growing: no instance runs the scheduler.",
      labelNames: ["job"] as const,
      registers,
    }),
    jobFailed: new client.Gauge({ name: "labo_scheduled_job_last_error", help: "1 when the job's last run failed.", labelNames: ["job"] as const, registers }),
    jobLastFinished: new client.Gauge({
      name: "labo_scheduled_job_last_finished_timestamp_seconds",
      help: "When the job's last run finished (Unix time).",
      labelNames: ["job"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// app/server.ts times requests and the Remix build's /metrics route reads them: one registry for both.
const g = globalThis as unknown as { __laboMetrics?: Metrics };
export const metrics = (g.__laboMetrics ??= createMetrics());

/** Reads the database's figures into the gauges. A database that does not answer sets labo_database_up to 0. */
async function refreshDatabaseGauges(m: Metrics, db: Db, postgres: { poolMax: number } | null) {
  try {
    const [outbox, jobs, connections] = await Promise.all([outboxBacklog(db), scheduledJobStates(db), postgres ? databaseConnections(db) : []]);
    for (const [status, count] of Object.entries(outbox.messages)) m.outboxMessages.set({ status }, count);
    m.outboxOldestDue.set(outbox.oldestDueSeconds);
    // Reset first: a job that no longer exists must not keep its last values.
    for (const gauge of [m.jobLag, m.jobFailed, m.jobLastFinished, m.connections]) gauge.reset();
    for (const job of jobs) {
      m.jobLag.set({ job: job.name }, job.lagSeconds);
      m.jobFailed.set({ job: job.name }, job.failed ? 1 : 0);
      if (job.lastFinishedAt) m.jobLastFinished.set({ job: job.name }, job.lastFinishedAt.getTime() / 1000);
    }
    for (const { state, connections: count } of connections) m.connections.set({ state }, count);
    if (postgres) m.poolMax.set(postgres.poolMax);
    m.databaseUp.set(1);
  } catch {
    m.databaseUp.set(0);
  }
}

/** The Prometheus text exposition: this process's figures and the database's, read now. */
export async function renderMetrics({ handle = dbHandle, metrics: m = metrics }: { handle?: DbHandle; metrics?: Metrics } = {}) {
  await refreshDatabaseGauges(m, handle.db, handle.engine === "postgresql" ? { poolMax: env.DATABASE_POOL_MAX } : null);
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Only `Authorization: Bearer <METRICS_TOKEN>` opens /metrics; without a token configured nothing does.
 * Both sides are hashed first, so the comparison takes the same time whatever the length or the content.
 */
export function metricsAccessAllowed(authorization: string | null, token: string | undefined) {
  if (!token) return false;
  const presented = /^Bearer +(\S+)$/i.exec(authorization ?? "")?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}
