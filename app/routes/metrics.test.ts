import { afterEach, describe, expect, test } from "vitest";
import { env } from "#app/env.server.ts";
import { getRequest, loaderArgs, settle } from "#tests/helpers/request.ts";
import { loader } from "./metrics.ts";

const TOKEN = "a-metrics-token-for-prometheus";
const configured = env.METRICS_TOKEN;

afterEach(() => {
  env.METRICS_TOKEN = configured;
});

const scrape = (headers: Record<string, string> = {}) => settle(Promise.resolve(loader(loaderArgs(getRequest("/metrics", { headers })))));

describe("/metrics", () => {
  test("does not exist while METRICS_TOKEN is unset, whatever the request says", async () => {
    env.METRICS_TOKEN = undefined;
    expect((await scrape()).status).toBe(404);
    expect((await scrape({ Authorization: "Bearer " })).status).toBe(404);
    expect((await scrape({ Authorization: "Bearer undefined" })).status).toBe(404);
  });

  test("with a token configured, answers Prometheus with it and 404 without it", async () => {
    env.METRICS_TOKEN = TOKEN;
    expect((await scrape()).status).toBe(404);
    expect((await scrape({ Authorization: "Bearer not-the-token-at-all" })).status).toBe(404);

    const response = await scrape({ Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.text();
    for (const name of ["labo_http_request_duration_seconds", "labo_email_outbox_messages", "labo_scheduled_job_lag_seconds", "labo_database_up 1", "process_resident_memory_bytes"]) {
      expect(body).toContain(name);
    }
  });
});
