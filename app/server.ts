/**
 * The process entry for `npm start` and `npm run dev`: builds when no build exists, migrates and seeds
 * the database, then serves the Remix app behind the checks that must run before any route code
 * (origin check, body size, static caching). Run with tsx.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env, isProduction, appUrl, listenAddresses } from "#app/env.server.ts";
import { dbHandle } from "#app/db.server.ts";
import { prepareDatabase } from "#app/modules/platform/prepare-database.server.ts";
import { ALL_JOBS } from "#app/modules/jobs/all-jobs.server.ts";
import { startScheduler } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { requestGuards, trustedOrigins } from "#app/modules/security/request-guards.server.ts";
import { answeringDatabaseOutages } from "#app/modules/platform/database-errors.server.ts";
import { createDrain, shutDown } from "#app/modules/platform/graceful-shutdown.server.ts";
import { observeHttp } from "#app/modules/observability/http-observer.server.ts";
import { logger } from "#app/modules/observability/logger.server.ts";

const started = Date.now();
const BUILD_PATH = path.resolve("build/index.js");

if (!existsSync(BUILD_PATH)) {
  logger.info("No build found: running `remix build` (first start only)…");
  execFileSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], { stdio: "inherit" });
}

await prepareDatabase(dbHandle);
const scheduler = startScheduler(dbHandle.db, ALL_JOBS);

const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (env.TRUST_PROXY === "true") app.set("trust proxy", true);
// First, so that the access log and the timings cover everything, static files and refusals included.
app.use(observeHttp(build.routes));
// Counts the requests in flight, and refuses new ones once a shutdown has begun (SIGTERM, below).
const drain = createDrain();
app.use(drain.middleware);
app.use(compression());

// Fingerprinted assets are immutable; everything else in public/ is cached briefly.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Only a path that ends with a file extension can be a file: pages skip the disk lookup.
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));

app.use(requestGuards(trustedOrigins({ appUrl, port: env.PORT, production: isProduction })));

app.all(
  "*",
  createRequestHandler({
    // A database unreachable or too slow answers 503 + Retry-After, not 500 (database-errors.server.ts says why here).
    build: answeringDatabaseOutages(build),
    mode: build.mode,
    getLoadContext: (req) => ({
      cspNonce: randomBytes(16).toString("base64"),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

/** Listens on one address; an IPv6 loopback on a machine without IPv6 is skipped, not fatal. */
function listen(host: string | undefined): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (host === "::1" && (error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT")) resolve(null);
      else reject(error);
    });
    server.listen(env.PORT, host, () => resolve(server));
  });
}

const addresses = listenAddresses(env);
const servers = (await Promise.all((addresses ?? [undefined]).map(listen))).filter((s): s is Server => s !== null);
const where = addresses
  ? `listening on ${addresses.map((a) => (a.includes(":") ? `[${a}]` : a)).join(" and ")} only: this machine alone can reach it${isProduction ? "" : " (NODE_ENV=production serves other machines)"}`
  : "listening on every interface";
logger.info({ appUrl, engine: dbHandle.engine, mode: env.NODE_ENV, startMs: Date.now() - started }, `Labo ready on ${appUrl} (${dbHandle.engine}, ${isProduction ? "production" : env.NODE_ENV}, ${where}) in ${Date.now() - started} ms`);
if (build.mode === "development" && process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // A second signal (Ctrl-C twice) stops at once: `once` leaves it to Node's default.
  process.once(signal, () => {
    logger.info(`${signal}: draining (new requests refused, ${env.SHUTDOWN_GRACE_MS} ms for those in flight and running jobs)`);
    void shutDown({ signal, drain, servers, scheduler, closeDatabase: () => dbHandle.close(), graceMs: env.SHUTDOWN_GRACE_MS })
      .then((summary) => logger.info(summary), (error: unknown) => logger.error(error, "Shutdown failed"))
      .finally(() => process.exit(0));
  });
}
