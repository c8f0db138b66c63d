import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { expect, test, vi } from "vitest";
import { dbHandle } from "#app/db.server.ts";
import { carryRetryAfter } from "#app/modules/security/headers.server.ts";
import { createDb } from "#db/client.ts";
import { users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { answeringDatabaseOutages, databaseUnavailableCode } from "./database-errors.server.ts";

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

test("a refused connection, as drizzle reports it, counts as the database being unavailable", async () => {
  // Nothing listens on port 1: the connection is refused at once.
  const unreachable = createDb({ url: "postgres://postgres@127.0.0.1:1/none", pgliteDir: "memory://", max: 1 });
  try {
    const error = await failureOf(() => unreachable.db.select().from(users));
    expect(databaseUnavailableCode(error)).toBe("ECONNREFUSED");
  } finally {
    await unreachable.close();
  }
});

test("PostgreSQL shutting down or starting up, a lost connection and a timed-out statement count; other errors do not", () => {
  for (const code of ["57P01", "57P03", "08006", "57014", "CONNECTION_CLOSED", "CONNECT_TIMEOUT"]) {
    expect(databaseUnavailableCode(new Error("Failed query", { cause: Object.assign(new Error(code), { code }) }))).toBe(code);
  }
  expect(databaseUnavailableCode(Object.assign(new Error("no socket"), { code: "ENOENT", syscall: "connect" }))).toBe("ENOENT");
  expect(databaseUnavailableCode(Object.assign(new Error("no file"), { code: "ENOENT", syscall: "open" }))).toBeNull();
  expect(databaseUnavailableCode(new Error("boom"))).toBeNull();
  expect(databaseUnavailableCode(new Response(null, { status: 404 }))).toBeNull();
  expect(databaseUnavailableCode(null)).toBeNull();
});

test("a constraint violation is a real error, not an outage", async () => {
  const user = await insertUser(dbHandle.db);
  const error = await failureOf(() => insertUser(dbHandle.db, { email: user.email }));
  expect(databaseUnavailableCode(error)).toBeNull();
});

test.skipIf(!process.env.DATABASE_URL)("a statement longer than the statement timeout is cancelled, and counts as unavailable", async () => {
  const slow = createDb({ url: process.env.DATABASE_URL, pgliteDir: "memory://", max: 1, statementTimeoutMs: 200 });
  try {
    const started = Date.now();
    const error = await failureOf(() => slow.db.execute(sql`select pg_sleep(5)`));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(databaseUnavailableCode(error)).toBe("57014");
  } finally {
    await slow.close();
  }
});

/** The smallest build Remix serves: one root route whose loader and action fail as told. */
function buildFailingWith(failure: () => never): ServerBuild {
  const route = { id: "root", path: "", module: { loader: failure, action: failure, default: () => null, ErrorBoundary: () => null } };
  return {
    mode: "production",
    entry: {
      module: {
        // Stands in for app/entry.server.tsx: the status Remix chose, and the same Retry-After carrying.
        default: (_request: Request, status: number, headers: Headers, context: EntryContext) => {
          carryRetryAfter(headers, context.staticHandlerContext);
          return new Response(`page ${status}`, { status, headers });
        },
      },
    },
    routes: { root: route },
    assets: { entry: { module: "/entry.js", imports: [] }, routes: { root: { id: "root", module: "/root.js", hasLoader: true, hasAction: true, hasErrorBoundary: true } }, url: "/manifest.js", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: false, v3_lazyRouteDiscovery: false, unstable_optimizeDeps: false, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

const refused = () => {
  throw new Error("Failed query: select 1", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
};

test("a page, its data request and a form post answer 503 with Retry-After when the database is unreachable", async () => {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  const handle = createRequestHandler(answeringDatabaseOutages(buildFailingWith(refused)));
  const page = await handle(new Request("http://localhost/"));
  expect(page.status).toBe(503);
  expect(page.headers.get("Retry-After")).toBe("5");
  expect(await page.text()).toBe("page 503");

  const data = await handle(new Request("http://localhost/?_data=root"));
  expect(data.status).toBe(503);
  expect(data.headers.get("Retry-After")).toBe("5");

  const post = await handle(new Request("http://localhost/?index", { method: "POST", body: new URLSearchParams({ a: "b" }) }));
  expect(post.status).toBe(503);
  expect(post.headers.get("Retry-After")).toBe("5");
  // One line per failure, without the query or its parameters (personal data).
  expect(log).toHaveBeenCalledWith("Database unavailable or too slow (ECONNREFUSED) in root: answered 503");
});

test("any other error stays a 500", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const handle = createRequestHandler(
    answeringDatabaseOutages(
      buildFailingWith(() => {
        throw new Error("a bug");
      }),
    ),
  );
  const page = await handle(new Request("http://localhost/"));
  expect(page.status).toBe(500);
  expect(page.headers.get("Retry-After")).toBeNull();
});
