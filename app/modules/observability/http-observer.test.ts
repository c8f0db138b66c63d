import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { observeHttp, requestIdFrom, routeLabeller } from "./http-observer.server.ts";
import { createLogger } from "./logger.server.ts";
import { createMetrics, type Metrics } from "./metrics.server.ts";

/** The shape of a Remix build's route table (flat routes), for a few of the app's routes. */
const ROUTES = Object.fromEntries(
  [
    { id: "root", path: "" },
    { id: "routes/_index", parentId: "root", index: true },
    { id: "routes/propositions.$id", parentId: "root", path: "propositions/:id" },
    { id: "routes/propositions.$id.soutien", parentId: "routes/propositions.$id", path: "soutien" },
    { id: "routes/labo.inscription.$token", parentId: "root", path: "labo/inscription/:token" },
    { id: "routes/$", parentId: "root", path: "*" },
  ].map((route) => [route.id, route]),
) as unknown as ServerBuild["routes"];

const PROPOSAL = "6f1c2f8e-1111-4111-8111-111111111111";
const TOKEN = "q8rW3mZt0pLk2vX9yB4nC7dE1fG5hJ6sA0uI3oP8rT2";

let lines: Record<string, unknown>[] = [];
let metrics: Metrics;
let seenByApp: string | undefined;
let base = "";
let server: ReturnType<ReturnType<typeof express>["listen"]>;

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  metrics = createMetrics();
  const app = express();
  app.use(observeHttp(ROUTES, { logger: createLogger({ level: "info", destination }), metrics }));
  app.get("/boom", (_req, res) => void res.status(500).send("no"));
  // As app/server.ts serves the build's assets: a mounted middleware sees the path without its prefix.
  app.use("/build", (_req, res) => void res.type("text/javascript").send("export {};"));
  app.all("*", (req, res) => {
    seenByApp = req.headers["x-request-id"] as string | undefined;
    res.status(req.path === "/nulle-part" ? 404 : 200).send("ok");
  });
  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  lines = [];
  seenByApp = undefined;
});

/** The access line is written once the response has left: wait for it. */
async function get(path: string, headers: Record<string, string> = {}) {
  const before = lines.length;
  const response = await fetch(`${base}${path}`, { headers });
  await response.text();
  await expect.poll(() => lines.length).toBeGreaterThan(before);
  return { response, line: lines.at(-1)! };
}

describe("the request id", () => {
  test("a safe incoming X-Request-Id is kept, echoed, in the log line and seen by the app", async () => {
    const { response, line } = await get("/", { "X-Request-Id": "proxy-42-abc" });
    expect(response.headers.get("X-Request-Id")).toBe("proxy-42-abc");
    expect(seenByApp).toBe("proxy-42-abc");
    expect(line.requestId).toBe("proxy-42-abc");
  });

  test("anything else is replaced by a fresh uuid", async () => {
    for (const unsafe of ["a b", "x".repeat(65), "<script>", "id\u00e9", ""]) expect(requestIdFrom(unsafe)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(["a", "b"])).toMatch(/^[0-9a-f-]{36}$/);
    const { response, line } = await get("/", { "X-Request-Id": "evil;id" });
    const id = response.headers.get("X-Request-Id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(line.requestId).toBe(id);
  });
});

describe("the access log", () => {
  test("one JSON line: method, path without its query string, route, status, duration; nothing personal", async () => {
    const { line } = await get(`/propositions/${PROPOSAL}?token=secret-value&email=nadia%40example.org`, { "X-Forwarded-For": "203.0.113.7" });
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: `/propositions/${PROPOSAL}`, route: "routes/propositions.$id", status: 200 });
    expect(line.durationMs).toBeTypeOf("number");
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const text = JSON.stringify(line);
    for (const secret of ["secret-value", "nadia", "example.org", "203.0.113.7", "127.0.0.1"]) expect(text).not.toContain(secret);
  });

  test("a token in the path (a registration's cancel link) is not written", async () => {
    const { line } = await get(`/labo/inscription/${TOKEN}`);
    expect(line.path).toBe("/labo/inscription/:token");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
  });

  test("a server error is logged at the error level", async () => {
    const { line } = await get("/boom");
    expect(line).toMatchObject({ level: "error", status: 500 });
  });
});

describe("the duration histogram", () => {
  test("is labelled by route id and status class, never by raw path", async () => {
    await get(`/propositions/${PROPOSAL}`);
    await get(`/propositions/${PROPOSAL}/soutien?_data=routes%2Fpropositions.%24id.soutien`);
    const { line } = await get("/build/_shared/chunk-ABC.js");
    expect(line).toMatchObject({ path: "/build/_shared/chunk-ABC.js", route: "static", status: 200 });
    await get("/nulle-part");
    const text = await metrics.registry.metrics();
    expect(text).toContain('labo_http_request_duration_seconds_count{method="GET",route="routes/propositions.$id",status_class="2xx"}');
    expect(text).toContain('route="routes/propositions.$id.soutien"');
    expect(text).toContain('route="static"');
    expect(text).toContain('labo_http_request_duration_seconds_count{method="GET",route="routes/$",status_class="4xx"} 1');
    expect(text).not.toContain(PROPOSAL);
    expect(text).toContain("labo_http_requests_in_flight 0");
  });

  test("a ?_data naming an unknown route does not become a label", () => {
    const label = routeLabeller(ROUTES);
    expect(label(`/propositions/${PROPOSAL}`, "routes/anything-goes").route).toBe("routes/propositions.$id");
    expect(label("/labo/chiffres.csv").route).toBe("static");
    expect(label("/x".repeat(400)).path.length).toBeLessThanOrEqual(301);
  });
});
