import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS } from "./database-errors.server.ts";

export type DrainOutcome = { inFlight: number; drained: boolean; ms: number };

/**
 * Stopping without dropping anyone: `middleware` (first in the Express chain) counts the requests in flight
 * and, once `drain` has begun, refuses the requests that still arrive on an open connection with a 503
 * and `Connection: close`. `drain` stops accepting connections, tells the responses in flight to close
 * their connection, and waits for them, up to the grace period; then it cuts what remains.
 */
export function createDrain() {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  const middleware = (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (draining) {
      res.writeHead(503, { Connection: "close", "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" });
      res.end("Le service redémarre. Réessayez dans quelques secondes. / The service is restarting. Try again in a few seconds.");
      return;
    }
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    next();
  };

  const drain = async (servers: Server[], graceMs: number): Promise<DrainOutcome> => {
    const started = Date.now();
    draining = true;
    const count = inFlight.size;
    // A keep-alive client must not send its next request on a connection about to close.
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    // close() refuses new connections, closes idle ones, and calls back when the last busy one has closed.
    const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const drained = await Promise.race([closed.then(() => true), graceOver]);
    clearTimeout(timer);
    if (!drained) for (const server of servers) server.closeAllConnections();
    return { inFlight: count, drained, ms: Date.now() - started };
  };

  return { middleware, drain, isDraining: () => draining };
}

type Stoppable = { stop: () => Promise<void> };

/**
 * The whole stop, on SIGTERM or SIGINT: requests in flight and running jobs finish (each within the grace
 * period), then the database pool closes. Returns the line to log.
 */
export async function shutDown(input: {
  signal: string;
  drain: ReturnType<typeof createDrain>;
  servers: Server[];
  scheduler: Stoppable;
  closeDatabase: () => Promise<void>;
  graceMs: number;
}): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), input.graceMs);
  });
  const [requests, jobsStopped] = await Promise.all([
    input.drain.drain(input.servers, input.graceMs),
    Promise.race([input.scheduler.stop().then(() => true), graceOver]),
  ]);
  clearTimeout(timer);
  await input.closeDatabase();
  const requestsPart = requests.drained
    ? `drained ${requests.inFlight} request(s) in flight in ${requests.ms} ms`
    : `grace period of ${input.graceMs} ms over: connections of ${requests.inFlight} request(s) in flight cut`;
  return `Labo stopped on ${input.signal}: ${requestsPart}; ${jobsStopped ? "jobs stopped" : "jobs still running were abandoned"}; database closed`;
}
