import { createServer, type Socket } from "node:net";
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

test("reports unavailable within its time limit when PostgreSQL accepts the connection but never answers", async () => {
  // A server that takes the connection and says nothing, as a database stuck or swamped does.
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  const stuck = createDb({ url: `postgres://postgres@127.0.0.1:${port}/none`, pgliteDir: "memory://", max: 1, connectTimeoutS: 1 });
  try {
    const started = Date.now();
    expect(await checkHealth(stuck, 300)).toEqual({ ok: false, engine: "postgresql" });
    expect(Date.now() - started).toBeLessThan(1_000);
  } finally {
    // The connection attempt ends at the 1 s connect timeout; closing the pool before would wait 5 s for it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stuck.close();
    silent.close();
    for (const socket of sockets) socket.destroy();
  }
});
