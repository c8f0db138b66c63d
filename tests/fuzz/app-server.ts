/**
 * The whole app in-process, as `npm start` serves it minus the network: the request guards of
 * app/server.ts (origin, body size), then Remix's own request handler over a build assembled from the
 * sources (the same route tree as `remix build`, the real root, entry.server and route modules). Pages are
 * rendered, parent loaders run, thrown responses reach the error boundaries: a 500 anywhere is seen here.
 * Route modules share this process's database handle, so the tests can count rows around each request.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { checkRequestBody, checkRequestOrigin, checkRequestPath, trustedOrigins } from "#app/modules/security/request-guards.server.ts";
import remixConfig from "../../remix.config.js";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

type RouteModule = Record<string, unknown>;
/** A refusal (4xx, 5xx) a route's loader or action answered, or what it threw: the page only shows it. */
export type RouteOutcome = { routeId: string; kind: "loader" | "action"; result: unknown };

export type AppServer = {
  handle(request: Request, options?: { clientAddress?: string }): Promise<Response>;
  /** The refusals and throws of the last request's loaders and actions. */
  lastOutcomes: RouteOutcome[];
  /** The errors Remix reported for the last request. */
  lastErrors: unknown[];
  /** Route id → the route's i18n namespaces (handle.i18n), root's first. */
  namespacesOf(routeId: string): string[];
  routeIds: string[];
};

export async function createAppServer(): Promise<AppServer> {
  const manifest = flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles);
  const serverEntry = await import("#app/entry.server.tsx");
  const recorded: RouteOutcome[] = [];
  const errors: unknown[] = [];
  // Errors Remix reports (what entry.server logs): the reason behind a 500.
  const entry = { ...serverEntry, handleError: (error: unknown) => void errors.push(error) };
  const routes: Record<string, unknown> = {};
  const assetRoutes: Record<string, unknown> = {};
  const namespaces = new Map<string, string[]>();
  const all = [{ id: "root", file: "root.tsx", parentId: undefined, path: "", index: undefined, caseSensitive: undefined }, ...Object.values(manifest)];
  for (const route of all) {
    // Imported through vitest, like the app's tests: they share this process's modules (the database handle).
    const original = (await import(/* @vite-ignore */ path.join(APP_DIR, route.file))) as RouteModule;
    const module: RouteModule = { ...original };
    for (const kind of ["loader", "action"] as const) {
      const run = original[kind];
      if (typeof run !== "function") continue;
      module[kind] = async (args: unknown) => {
        try {
          const result: unknown = await run(args);
          if (result instanceof Response && result.status >= 400) recorded.push({ routeId: route.id, kind, result: result.clone() });
          return result;
        } catch (error) {
          recorded.push({ routeId: route.id, kind, result: error instanceof Response ? error.clone() : error });
          throw error;
        }
      };
    }
    const { id, parentId, path: routePath, index, caseSensitive } = route;
    routes[id] = { id, parentId, path: routePath, index, caseSensitive, module };
    assetRoutes[id] = {
      id,
      parentId,
      path: routePath,
      index,
      caseSensitive,
      module: `/build/${id}.js`,
      imports: [],
      hasAction: typeof original.action === "function",
      hasLoader: typeof original.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: id === "root" || typeof original.ErrorBoundary === "function",
    };
    const handle = original.handle as { i18n?: string | string[] } | undefined;
    const own = handle?.i18n ? [handle.i18n].flat() : [];
    namespaces.set(id, [...(parentId ? (namespaces.get(parentId) ?? []) : []), ...own]);
  }

  const build = {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes, url: "/build/manifest.js", version: "fuzz" },
    future: remixConfig.future,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    basename: undefined,
    isSpaMode: false,
  } as unknown as ServerBuild;
  const remix = createRequestHandler(build, "production");
  const appUrl = process.env.APP_URL ?? "http://localhost:3000";
  const trusted = trustedOrigins({ appUrl, port: Number(new URL(appUrl).port || 80), production: false });

  return {
    lastOutcomes: recorded,
    lastErrors: errors,
    routeIds: Object.keys(routes),
    namespacesOf: (routeId) => [...new Set(["common", ...(namespaces.get(routeId) ?? [])])],
    async handle(request, { clientAddress = "127.0.0.1" } = {}) {
      recorded.length = 0;
      errors.length = 0;
      const path = new URL(request.url).pathname;
      const refusal =
        checkRequestPath(path) ??
        checkRequestOrigin({ method: request.method, path, origin: request.headers.get("Origin") ?? undefined, referer: request.headers.get("Referer") ?? undefined, trusted }) ??
        checkRequestBody({ method: request.method, contentLength: request.headers.get("Content-Length") ?? undefined, transferEncoding: request.headers.get("Transfer-Encoding") ?? undefined });
      if (refusal) return new Response(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      return remix(request, { cspNonce: randomBytes(16).toString("base64"), clientAddress });
    },
  };
}
