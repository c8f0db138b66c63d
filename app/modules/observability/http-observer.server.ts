import { randomUUID } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { logger as appLogger } from "./logger.server.ts";
import { metrics as appMetrics, type Metrics } from "./metrics.server.ts";

const SAFE_REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The caller's `X-Request-Id` (a proxy's, to follow one request across both logs) when it is harmless in a log line; else a new one. */
export function requestIdFrom(header: string | string[] | undefined) {
  return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// Path parameters that are secrets (a registration's cancel link): never written to a log.
const SECRET_PARAM = /token|secret/i;
const MAX_LOGGED_PATH = 300;

type RouteNode = Parameters<typeof matchRoutes>[0][number];

/**
 * Names a request by the Remix route that answers it, the same match Remix makes: a bounded set of
 * metric labels (never a raw path, whose ids would make a series per proposal). A `?_data` request names
 * its route itself. Unknown paths that look like files are « static » (public/ and /build, or their 404).
 */
export function routeLabeller(routes: ServerBuild["routes"]) {
  const childrenOf = (parentId: string | undefined): RouteNode[] =>
    Object.values(routes)
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, path: route.path, index: true, caseSensitive: route.caseSensitive }
          : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: childrenOf(route.id) },
      );
  const tree = childrenOf(undefined);

  return (pathname: string, dataRouteId?: unknown): { route: string; path: string } => {
    const matches = matchRoutes(tree, pathname);
    const leaf = matches?.at(-1);
    let path = pathname;
    for (const [name, value] of Object.entries(leaf?.params ?? {})) {
      if (value && SECRET_PARAM.test(name)) path = path.replace(value, `:${name}`);
    }
    if (path.length > MAX_LOGGED_PATH) path = `${path.slice(0, MAX_LOGGED_PATH)}…`;
    if (typeof dataRouteId === "string" && Object.hasOwn(routes, dataRouteId)) return { route: dataRouteId, path };
    if (pathname === "/__manifest") return { route: "remix-manifest", path };
    if (!leaf) return { route: "unmatched", path };
    if (leaf.route.path === "*" && (pathname.startsWith("/build/") || /\.\w+$/.test(pathname))) return { route: "static", path };
    return { route: leaf.route.id ?? "unmatched", path };
  };
}

/**
 * Every request, before anything else: a request id (echoed in `X-Request-Id`, and handed to Remix in the
 * request's headers so its error log carries it), one access log line once the response is sent (method,
 * path without its query string, route, status, duration; no client address, no email), and its duration
 * in the metrics.
 */
export function observeHttp(routes: ServerBuild["routes"], { logger = appLogger, metrics = appMetrics }: { logger?: Logger; metrics?: Metrics } = {}) {
  const label = routeLabeller(routes);
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    // Read now: a mounted middleware (express.static on /build) strips its prefix from the request's path.
    const pathname = req.path;
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    metrics.httpInFlight.inc();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      metrics.httpInFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { route, path } = label(pathname, req.query._data);
      const status = res.statusCode;
      // A client that went away before the end: logged, but its time says nothing about the server's.
      const aborted = !res.writableFinished;
      if (!aborted) metrics.httpDuration.observe({ method: METHODS.has(req.method) ? req.method : "OTHER", route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
      const line = { requestId, method: req.method, path, route, status, durationMs: Math.round(seconds * 10_000) / 10, ...(aborted ? { aborted } : {}) };
      if (status >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    };
    res.once("finish", end);
    res.once("close", end);
    next();
  };
}
