import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { afterEach, expect, test } from "vitest";
import { createDrain, shutDown } from "./graceful-shutdown.server.ts";

/** A server whose held requests wait until released; /stream sends its headers first, then waits. */
async function startServer() {
  const drain = createDrain();
  const held: { enter: () => void; released: Promise<void> }[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const gate = held.shift();
    if (gate) {
      if (req.url === "/stream") res.flushHeaders();
      gate.enter();
      await gate.released;
    }
    res.end(`done ${req.url}`);
  };
  const server = createServer((req, res) => drain.middleware(req, res, () => void handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  servers.push(server);
  /** The next request to reach the handler waits until `release`. */
  const hold = () => {
    let enter!: () => void;
    let release!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    held.push({ enter, released: new Promise<void>((resolve) => (release = resolve)) });
    return { entered, release };
  };
  return { drain, server, port, hold };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

function get(port: number, path: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    })
      .on("error", reject)
      .end();
  });
}

test("a request in flight finishes and closes its connection; a new connection is refused", async () => {
  const { drain, server, port, hold } = await startServer();
  const gate = hold();
  const inFlight = get(port, "/slow");
  await gate.entered;

  const drained = drain.drain([server], 5_000);
  await expect(get(port, "/new")).rejects.toMatchObject({ code: "ECONNREFUSED" });

  gate.release();
  expect(await inFlight).toEqual({ status: 200, connection: "close", body: "done /slow" });
  expect(await drained).toMatchObject({ inFlight: 1, drained: true });
});

test("a request that still arrives on an open connection while draining is refused with 503 and Connection: close", async () => {
  const { drain, server, port, hold } = await startServer();
  const gate = hold();
  const socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => (received += chunk));
  const ended = new Promise((resolve) => socket.on("close", resolve));
  // The first response's headers are already sent when the drain begins: its connection stays open.
  socket.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
  await gate.entered;

  const drained = drain.drain([server], 5_000);
  socket.write("GET /late HTTP/1.1\r\nHost: x\r\n\r\n");
  await new Promise((resolve) => setTimeout(resolve, 50));
  gate.release();
  await ended;

  const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
  expect(first).toMatch(/^HTTP\/1\.1 200/);
  expect(first).toContain("done /stream");
  expect(second).toMatch(/^HTTP\/1\.1 503/);
  expect(second).toMatch(/connection: close/i);
  expect(second).toMatch(/retry-after: 5/i);
  expect(second).not.toContain("done /late");
  expect(await drained).toMatchObject({ drained: true });
});

test("when the grace period is over, connections still busy are cut", async () => {
  const { drain, server, port, hold } = await startServer();
  const gate = hold();
  const inFlight = get(port, "/slow");
  await gate.entered;

  const outcome = await drain.drain([server], 200);
  expect(outcome).toMatchObject({ inFlight: 1, drained: false });
  await expect(inFlight).rejects.toMatchObject({ code: "ECONNRESET" });
  gate.release();
});

test("the database closes only once requests and running jobs are done", async () => {
  const { drain, server } = await startServer();
  const steps: string[] = [];
  const summary = await shutDown({
    signal: "SIGTERM",
    drain,
    servers: [server],
    scheduler: { stop: () => new Promise<void>((resolve) => setTimeout(() => resolve(void steps.push("jobs stopped")), 100)) },
    closeDatabase: async () => void steps.push("database closed"),
    graceMs: 5_000,
  });
  expect(steps).toEqual(["jobs stopped", "database closed"]);
  expect(summary).toMatch(/^Labo stopped on SIGTERM: drained 0 request\(s\) in flight in \d+ ms; jobs stopped; database closed$/);
});

test("a job still running after the grace period does not hold the stop", async () => {
  const { drain, server } = await startServer();
  const summary = await shutDown({
    signal: "SIGINT",
    drain,
    servers: [server],
    scheduler: { stop: () => new Promise<void>(() => {}) },
    closeDatabase: async () => {},
    graceMs: 100,
  });
  expect(summary).toContain("jobs still running were abandoned");
});
