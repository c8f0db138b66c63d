import { json, type ServerBuild } from "@remix-run/node";

/** Seconds a client is told to wait when the database is away: a restart takes a few. */
export const RETRY_AFTER_SECONDS = 5;

// postgres.js's own codes for a lost or never-made connection, and the socket errors it passes on.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

// SQLSTATEs: the server shutting down (57P01), crashed (57P02), starting up (57P03), out of connections
// (53300); a statement cancelled by statement_timeout (57014) or a lock not granted in time (55P03).
// Class 08, connection exceptions, is matched as a class.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "55P03"]);

function unavailableCode(error: object): string | null {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code !== "string") return null;
  if (CONNECTION_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return code;
  // A Unix-socket DATABASE_URL: the socket file is gone while PostgreSQL is down.
  if (code === "ENOENT" && syscall === "connect") return code;
  return null;
}

/**
 * The code that says the database is unreachable or gave up on a statement, or null for any other error.
 * drizzle wraps a driver's error in its own (`cause`), so the chain of causes is followed.
 */
export function databaseUnavailableCode(error: unknown): string | null {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const code = unavailableCode(current);
    if (code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** What a loader or action answers instead: the root error page with status 503, or the same status for `_data`. */
export function serviceUnavailable() {
  return json(
    { reason: "database-unavailable" },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

type Handler = (args: never) => unknown;

function answering503<H extends Handler>(routeId: string, handler: H): H {
  return (async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      const code = databaseUnavailableCode(error);
      if (!code) throw error;
      // One line, not the stack: during an outage every request lands here.
      console.error(`Database unavailable or too slow (${code}) in ${routeId}: answered 503`);
      throw serviceUnavailable();
    }
  }) as H;
}

/**
 * The build with every loader and action answering 503 + Retry-After when the database is unreachable or
 * timed out, instead of Remix's 500. Why here: Remix turns an error thrown by a loader into a 500 that
 * nothing after it can change (`handleError` only observes, and Express sees a finished response), but a
 * thrown Response keeps its status and headers, on document requests (the error boundary, translated,
 * rendered with that status) and `_data` requests alike. Wrapping the route modules once at start does
 * that for all routes without touching any of them.
 */
export function answeringDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answering503(id, loader) } : {}),
        ...(action ? { action: answering503(id, action) } : {}),
      },
    };
  }
  return { ...build, routes };
}
