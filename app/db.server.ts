import { mkdirSync } from "node:fs";
import { createDb, type DbHandle } from "#db/client.ts";
import { env } from "#app/env.server.ts";

// One handle per process: PGlite allows a single process per data folder, and `remix dev`
// re-evaluates modules on rebuild, so the handle lives on globalThis.
const g = globalThis as unknown as { __laboDb?: DbHandle };

function open(): DbHandle {
  if (!env.DATABASE_URL && !env.PGLITE_DATA_DIR.startsWith("memory://")) {
    mkdirSync(env.PGLITE_DATA_DIR, { recursive: true });
  }
  return createDb({
    url: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DATA_DIR,
    prepare: env.DATABASE_PREPARE === "true",
    max: env.DATABASE_POOL_MAX,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutS: env.DATABASE_CONNECT_TIMEOUT_S,
  });
}

export const dbHandle = (g.__laboDb ??= open());
export const db = dbHandle.db;
export type { Db } from "#db/client.ts";
