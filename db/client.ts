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

type PostgresClient = postgres.Sql | postgres.TransactionSql;

/**
 * Drizzle asks postgres.js for an unnamed statement on every query (`prepare: false`). postgres.js then
 * sends each query with parameters twice: Parse + Describe to learn the parameter types, a round trip,
 * then Bind + Execute; and PostgreSQL parses and plans it again every time. A named statement is parsed,
 * described and planned once per connection, and then costs one message. The client handed to drizzle asks
 * for named statements, inside transactions and savepoints too. (Behind a pooler in transaction mode,
 * which cannot keep statements, set DATABASE_PREPARE=false.)
 */
function preparingStatements<T extends PostgresClient>(client: T): T {
  const withTransactions = (run: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    const callback = args.at(-1) as (tx: postgres.TransactionSql) => unknown;
    return run(...args.slice(0, -1), (tx: postgres.TransactionSql) => callback(preparingStatements(tx)));
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return (query: string, parameters?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, parameters, { ...options, prepare: true });
      if (property === "begin" && "begin" in target) return withTransactions(target.begin.bind(target) as never);
      if (property === "savepoint" && "savepoint" in target) return withTransactions(target.savepoint.bind(target) as never);
      return Reflect.get(target, property, receiver);
    },
  });
}

export type DbOptions = {
  url?: string;
  pgliteDir: string;
  /** PostgreSQL connections in the pool. */
  max?: number;
  prepare?: boolean;
  /** PostgreSQL cancels a statement that runs longer (a lock held, a slow plan); unset or 0: never. */
  statementTimeoutMs?: number;
  /** Seconds to open a connection before the query fails (postgres.js waits 30 by default). */
  connectTimeoutS?: number;
};

/**
 * Seconds before a pool connection that failed tries again. postgres.js waits 3^failures / 100 seconds, up to
 * 20, and a query waits for its connection's turn: after a few seconds of outage under load each request
 * would hang up to 20 s, and the pool would come back that late. Capped at one second: requests fail fast
 * while the server is down, the pool is back within a second of it, and a process still tries at most
 * `max` connections a second.
 */
const reconnectDelayS = (failures: number) => Math.min(0.05 * 2 ** failures, 1);

export function createDb(opts: DbOptions): DbHandle {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      backoff: reconnectDelayS,
      ...(opts.connectTimeoutS ? { connect_timeout: opts.connectTimeoutS } : {}),
      // Sent as a startup parameter: it holds for every connection of the pool, reconnections included.
      ...(opts.statementTimeoutMs ? { connection: { statement_timeout: opts.statementTimeoutMs } } : {}),
    });
    return {
      db: drizzlePostgres(opts.prepare === false ? client : preparingStatements(client), { schema }) as unknown as Db,
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
