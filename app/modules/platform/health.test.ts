import { expect, test } from "vitest";
import { createDb } from "#db/client.ts";
import { checkHealth } from "./health.server.ts";

test("reports the database in use when it answers", async () => {
  expect(await checkHealth()).toEqual({ ok: true, engine: process.env.DATABASE_URL ? "postgresql" : "pglite" });
});

test("reports unavailable, without throwing, when PostgreSQL does not answer", async () => {
  // Nothing listens on port 1: the connection is refused at once.
  const unreachable = createDb({ url: "postgres://postgres@127.0.0.1:1/none", pgliteDir: "memory://", max: 1 });
  try {
    expect(await checkHealth(unreachable)).toEqual({ ok: false, engine: "postgresql" });
  } finally {
    await unreachable.close();
  }
});
