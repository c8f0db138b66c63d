/**
 * Hostile input, everywhere (issue 14): every route of the access matrix (tests/unit/route-access.test.ts)
 * gets generated requests through the whole app in-process (request guards, Remix, the real pages):
 * forms posted to each action as the most privileged visitor who may act, as a resident, and as an
 * anonymous visitor when the form is public; query strings and path segments sent to each loader. Each
 * answer must be below 500; a refused one (4xx) must have written no row and must tell the person why in
 * their language. Fixed seeds, fixed counts (FUZZ_RUNS scales them, FUZZ_SEED explores other values);
 * fast-check shrinks a failure to its smallest form.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROUTES, setUpVisitors, type Expected, type RouteCase, type Visitor } from "#tests/unit/route-access.test.ts";
import { createAppServer, type AppServer } from "./app-server.ts";
import { countChanges, missingMessage, tableCounts } from "./checks.ts";
import { formBody, formFields, hostileHeaders, hostileSegment, queryString, type Body, type Field } from "./hostile-values.ts";

const ORIGIN = process.env.APP_URL ?? "http://localhost:3000";
const SCALE = Number(process.env.FUZZ_RUNS ?? "1");
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const LOADER_RUNS = Math.max(1, Math.round(24 * SCALE));
const ACTION_RUNS = Math.max(1, Math.round(20 * SCALE));

/** Most privileged first: the one who may act on a route is fuzzed as the one who reaches the most code. */
const RANK: Visitor[] = ["administrator", "coordinator", "moderator", "ambassador", "councilMember", "networkMember", "resident", "anonymous"];
const BARRED = new Set(["forbidden", "signIn"]);

function actingVisitors(expected: Expected, withOthers: boolean): Visitor[] {
  const first = RANK.find((v) => !BARRED.has(expected[v])) ?? "administrator";
  if (!withOthers) return [first];
  return [...new Set<Visitor>([first, "resident", ...(BARRED.has(expected.anonymous) ? [] : (["anonymous"] as const))])];
}

// ---------------------------------------------------------------------------------------------------
// What each route reads: query and form names found in its module and the app modules it imports.

const ROOT = path.resolve(import.meta.dirname, "../..");
const HEADER_NAMES = new Set(["cookie", "origin", "referer", "host", "content-type", "content-length", "authorization", "accept", "accept-language", "user-agent", "x-request-id", "retry-after", "location", "set-cookie"]);
const readNamesCache = new Map<string, string[]>();

function readNames(file: string): string[] {
  let names = readNamesCache.get(file);
  if (names) return names;
  const source = readFileSync(path.join(ROOT, "app/routes", file), "utf8");
  const imported = [...source.matchAll(/from "#(app\/modules\/[^"]+)"/g)].map((m) => m[1]!);
  const texts = [source, ...imported.map((p) => readFileSync(path.join(ROOT, p), "utf8"))];
  names = [...new Set(texts.flatMap((t) => [...t.matchAll(/\.get(?:All)?\(\s*["']([\w\-[\]]+)["']\s*\)/g)].map((m) => m[1]!)))].filter((n) => !HEADER_NAMES.has(n.toLowerCase()) && !/^[A-Z]/.test(n));
  readNamesCache.set(file, names);
  return names;
}

// ---------------------------------------------------------------------------------------------------
// Requests

type Generated = { query: string | null; segment: string | null; headers: { acceptLanguage: string | null; extraCookie: string | null }; address: number };
type GeneratedPost = Generated & { fields: Field[]; body: Body };

async function bytesOf(body: Body): Promise<{ bytes: Uint8Array<ArrayBuffer> | null; contentType: string | null }> {
  if (body.body === null) return { bytes: null, contentType: body.contentType };
  if (body.body instanceof FormData) {
    const encoded = new Response(body.body);
    return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("Content-Type") };
  }
  return { bytes: typeof body.body === "string" ? new TextEncoder().encode(body.body) : body.body, contentType: body.contentType };
}

async function buildRequest(method: "GET" | "POST", target: string, cookie: string, generated: Generated, body?: Body) {
  const headers = new Headers({ Host: new URL(ORIGIN).host });
  const cookies = [cookie, generated.headers.extraCookie].filter(Boolean).join("; ");
  if (cookies) headers.set("Cookie", cookies);
  if (generated.headers.acceptLanguage !== null) headers.set("Accept-Language", generated.headers.acceptLanguage);
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  if (method === "POST") {
    headers.set("Origin", ORIGIN);
    const encoded = body ? await bytesOf(body) : { bytes: null, contentType: null };
    bytes = encoded.bytes;
    if (encoded.contentType) headers.set("Content-Type", encoded.contentType);
    headers.set("Content-Length", String(bytes?.byteLength ?? 0));
  }
  // As a server builds it from the request line: the path as sent ("//x" stays a path, not a host).
  return new Request(`${ORIGIN}${target}`, { method, headers, body: bytes });
}

/** The case's URL with a hostile query and, in place of one of its parameters, a hostile path segment. */
function targetOf(url: string, paramValues: string[], generated: Generated) {
  const [pathname, search = ""] = url.split("?") as [string, string?];
  let pathPart = pathname;
  const param = paramValues.find((v) => v && pathname.split("/").includes(encodeURIComponent(v)));
  if (generated.segment !== null && param) pathPart = pathname.split("/").map((s) => (s === encodeURIComponent(param) ? generated.segment : s)).join("/");
  const query = [search, generated.query ?? ""].filter(Boolean).join("&");
  return query ? `${pathPart}?${query}` : pathPart;
}

const short = (value: string, max = 160) => (value.length > max ? `${value.slice(0, max)}… (${value.length} chars)` : value);

// ---------------------------------------------------------------------------------------------------

let app: AppServer;
const tally = { requests: 0, serverErrors: 0, refused: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  app = await createAppServer();
});

afterAll(() => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(`Fuzz: ${tally.requests} requests, ${tally.serverErrors} answered 5xx, ${tally.refused} refused (4xx) · ${statuses}`);
});

/** One request, held to the three rules; throws what a person (or the database) would have noticed. */
async function sendAndCheck(request: Request, generated: Generated, described: string, counts: { current: Map<string, number> }) {
  // Rate limits count per client address too: a spread of addresses lets more requests reach the forms' checks.
  const response = await app.handle(request, { clientAddress: `127.0.0.${1 + generated.address}` });
  const body = await response.text();
  tally.requests++;
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  if (response.status >= 500) {
    tally.serverErrors++;
    const reason = app.lastErrors.map((e) => (e instanceof Error ? `${e.message}\n${e.stack?.split("\n").slice(1, 4).join("\n")}` : String(e))).join("\n");
    throw new Error(`${response.status} for ${described}\n${reason}`);
  }
  const after = await tableCounts();
  if (response.status >= 400) {
    tally.refused++;
    // Rate-limit counters are the one write a refusal makes on purpose: a wrong password, or a request
    // over the limit, must count, or a prober sending refused requests would never be slowed down.
    const changes = countChanges(counts.current, after).filter((change) => !change.startsWith("rate_limits:"));
    if (changes.length) throw new Error(`${response.status} for ${described}, yet rows changed: ${changes.join(", ")}`);
    const missing = await missingMessage({ response, body, outcomes: app.lastOutcomes, namespacesOf: app.namespacesOf });
    if (missing) throw new Error(`${response.status} for ${described}: ${missing}`);
  }
  counts.current = after;
}

function seedFor(label: string) {
  let hash = SEED;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

async function check<T>(label: string, arbitrary: fc.Arbitrary<T>, numRuns: number, run: (value: T) => Promise<void>) {
  const seed = seedFor(label);
  const details = await fc.check(fc.asyncProperty(arbitrary, run), { seed, numRuns, endOnFailure: false });
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${label} (seed ${seed}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks):\n${error}`);
  }
}

const label = (c: RouteCase) => (c.name ? `${c.file} (${c.name})` : c.file);

describe.each(ROUTES.filter((c) => c.loader || c.action).map((c) => [label(c), c] as const))("%s", (caseLabel, routeCase) => {
  test("hostile queries and forms: never a 5xx; a refusal writes nothing and says why", async () => {
    const { cookies, fixture } = await setUpVisitors();
    await routeCase.load();
    const url = typeof routeCase.url === "function" ? routeCase.url(fixture) : routeCase.url;
    const paramValues = Object.values(routeCase.params?.(fixture) ?? {});
    const names = readNames(routeCase.file);
    const caseQuery = Object.fromEntries(new URL(url, ORIGIN).searchParams);
    const counts = { current: await tableCounts() };
    const sentBefore = tally.requests;

    if (routeCase.loader) {
      const visitor = actingVisitors(routeCase.loader, false)[0]!;
      const gets = fc.record({
        query: fc.option(queryString(names, caseQuery), { nil: null, freq: 5 }),
        segment: paramValues.length ? fc.option(hostileSegment, { nil: null, freq: 2 }) : fc.constant(null),
        headers: hostileHeaders,
        address: fc.nat(250),
      });
      await check(`GET ${caseLabel} as ${visitor}`, gets, LOADER_RUNS, async (generated) => {
        const target = targetOf(url, paramValues, generated);
        const request = await buildRequest("GET", target, cookies[visitor], generated);
        await sendAndCheck(request, generated, `GET ${short(target)} as ${visitor}`, counts);
      });
    }

    if (routeCase.action) {
      const samples = ROUTES.filter((c) => c.file === routeCase.file && c.action).map((c) => c.action!.form(fixture));
      const own = routeCase.action.form(fixture);
      const posts = formFields([own, own, ...samples], names).chain((fields) =>
        fc.record({
          fields: fc.constant(fields),
          body: formBody(fields),
          query: fc.option(queryString(names, caseQuery), { nil: null, freq: 6 }),
          segment: fc.constant(null),
          headers: hostileHeaders,
          address: fc.nat(250),
        }),
      );
      for (const visitor of actingVisitors(routeCase.action.expected, true)) {
        await check(`POST ${caseLabel} as ${visitor}`, posts, ACTION_RUNS, async (generated: GeneratedPost) => {
          const target = targetOf(url, paramValues, generated);
          const request = await buildRequest("POST", target, cookies[visitor], generated, generated.body);
          const sent = typeof generated.body.body === "string" ? short(generated.body.body, 400) : generated.fields.map(([n, v]) => `${short(n, 30)}=${short(JSON.stringify(v), 60)}`).join(" ");
          await sendAndCheck(request, generated, `POST ${short(target)} as ${visitor} (${generated.body.label}: ${sent})`, counts);
        });
      }
    }
    expect(tally.requests - sentBefore).toBeGreaterThan(0);
  });
});
