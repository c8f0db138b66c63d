import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** One type for both drivers, so domain code never cares which engine runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "postgresql" | "pglite";

export type DbHandle = { db: Db; engine: Engine; close: () => Promise<void> };

export function createDb(opts: { url?: string; pgliteDir: string; max?: number }): DbHandle {
  if (opts.url) {
    const client = postgres(opts.url, { max: opts.max ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      engine: "postgresql",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = new PGlite(opts.pgliteDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    engine: "pglite",
    close: () => client.close(),
  };
}
