/**
 * `npm run bench [-- --scale N] [--fresh] [--duration S] [--connections C] [--rounds R]`
 * `npm run bench -- --soak [--soak-minutes 30] [--rate 30]`: the soak instead (tests/bench/soak.ts).
 * `npm run bench -- --fan-out [--followers 5000] [--refuse-every 10]`: one decision's notifications and emails (tests/bench/fan-out.ts).
 *
 * Builds the production server, prepares a PostgreSQL database with --scale proposals (tests/bench/
 * prepare-db.ts, reused when it already holds them), serves the app on it and loads it with autocannon:
 * the list filtered by ambition (page 1, and a page 50 "Suivantes" links in), a French full-text
 * search, the proposal page with 200 contributions, and support/withdraw toggles from 1,000 signed-in
 * users; and the same scenarios against tests/bench/baseline-server.ts (the same SQL, no framework). Both
 * servers run side by side and each scenario alternates them R times (default 2); the best run of each
 * counts, since on a shared machine the slower runs lost time to neighbours.
 * Prints a table, the targets of issue 3 (PASS/MISS: it reports, it never fails), checks after each
 * support run that every stored support_count equals its rows, and writes everything as JSON to
 * tests/bench/results/<date>-scale<N>.json.
 *
 * BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server it creates the
 * `labo_bench` database on; BENCH_VERBOSE=1 shows the servers' output.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { load, peakRssMiB, startProcess, waitForHttp, type Measure } from "./lib.ts";
import { prepareBenchDatabase } from "./prepare-db.ts";
import { runSoak } from "./soak.ts";

// Production refuses to start without a secret for signed links; the bench's servers are throw-away.
const BENCH_APP_SECRET = "bench-secret-for-signed-links-not-for-production";

const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "100000" },
    fresh: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    rounds: { type: "string", default: "2" },
    // A comma-separated subset of the scenarios' names (list, list-deep, search, proposal, support,
    // governance-queue, counters); all when absent.
    only: { type: "string" },
    // 30 minutes of mixed traffic at a fixed arrival rate instead of the scenarios (tests/bench/soak.ts).
    soak: { type: "boolean", default: false },
    "soak-minutes": { type: "string", default: "30" },
    rate: { type: "string", default: "30" },
    // One decision on a proposal followed by --followers people, to notifications and emails (tests/bench/fan-out.ts).
    "fan-out": { type: "boolean", default: false },
    followers: { type: "string", default: "5000" },
    "refuse-every": { type: "string" },
  },
});
const scale = Number(opts.scale);
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const rounds = Math.max(1, Number(opts.rounds));
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(line);

type Target = Measure["target"];
/** `oursOnly`: a page the baseline does not mirror (the feedback loop's); `cookie`: who asks it. */
type Scenario = { name: string; label: string; kind: "list" | "search" | "page" | "support"; path: string; oursOnly?: boolean; cookie?: string };

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Resets the process's peak RSS (VmHWM) so that each scenario reports its own peak (Linux ≥ 4.0). */
function resetPeak(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // not allowed: the peak is then the process's lifetime peak
  }
}

// ---------------------------------------------------------------------------------------------------
console.log(`Labo benchmark: scale ${scale}, ${connections} connections, ${duration} s per scenario, ${cpus().length} CPUs, load ${loadavg().map((n) => n.toFixed(1)).join(" ")}\n`);
log("Building the production server…");
execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });

const { url: databaseUrl, cookies, coordinatorCookie } = await prepareBenchDatabase({ adminUrl, name: "labo_bench", scale, fresh: opts.fresh ?? false, log });
const db = postgres(databaseUrl, { max: 2, onnotice: () => {} });

if (opts["fan-out"]) {
  const { runFanOut } = await import("./fan-out.ts");
  await db.end();
  await runFanOut({ databaseUrl, followers: Number(opts.followers), refuseEvery: opts["refuse-every"] ? Number(opts["refuse-every"]) : Infinity, log });
  process.exit(0);
}

if (opts.soak) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const env = { NODE_ENV: "production", APP_SECRET: BENCH_APP_SECRET, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: "false", RATE_LIMIT_FACTOR: "100000", LOG_LEVEL: "warn", APP_URL: base };
  const child = startProcess(process.execPath, ["--import", "tsx", "app/server.ts"], env, "app");
  try {
    await waitForHttp(`${base}/healthz`);
    await runSoak({ base, pid: child.pid!, databaseUrl, cookies, minutes: Number(opts["soak-minutes"]), rate: Number(opts.rate), log });
  } finally {
    await stop(child);
    await db.end();
  }
  process.exit(0);
}

const [withContributions] = await db<{ id: string }[]>`
  select id from proposals where author_id like 'scale-%' and contribution_count = 200 order by published_at desc limit 1`;
if (!withContributions) throw new Error("No proposal with 200 contributions: run with --fresh");
// Supported proposals: recent, open, already qualified (no threshold crossing, so no email in the way),
// not written by one of the 1,000 signed-in users (an author may not support their own proposal).
const supportTargets = (
  await db<{ id: string }[]>`
    select id from proposals
    where author_id like 'scale-%' and status = 'qualified' and hidden_at is null
      and not author_id = any(${Array.from({ length: 1000 }, (_, i) => `scale-${i + 1}`)})
    order by published_at desc limit 20`
).map((r) => r.id);
const users = cookies.map((cookie, i) => ({ cookie, id: `scale-${i + 1}`, proposalId: supportTargets[i % supportTargets.length]!, supported: false }));

async function readSupportState() {
  const rows = await db<{ user_id: string; proposal_id: string }[]>`
    select user_id, proposal_id from supports where proposal_id in ${db(supportTargets)} and user_id in ${db(users.map((u) => u.id))}`;
  const pairs = new Set(rows.map((r) => `${r.user_id} ${r.proposal_id}`));
  for (const user of users) user.supported = pairs.has(`${user.id} ${user.proposalId}`);
}

/** Every proposal's stored support_count against its rows in `supports`. */
async function checkSupportCounts() {
  const mismatches = await db<{ id: string; stored: number; rows: number }[]>`
    select p.id, p.support_count as stored, coalesce(s.n, 0)::int as rows
    from proposals p left join (select proposal_id, count(*)::int n from supports group by proposal_id) s on s.proposal_id = p.id
    where p.support_count <> coalesce(s.n, 0)`;
  const [total] = await db<{ n: number }[]>`select count(*)::int n from proposals`;
  return { proposals: total!.n, mismatches };
}

const allScenarios: Scenario[] = [
  { name: "list", label: "List, ambition 3, page 1", kind: "list", path: "/propositions?ambition=3" },
  { name: "list-deep", label: "List, ambition 3, page 51", kind: "list", path: "" },
  { name: "search", label: "Search « jardin »", kind: "search", path: "/propositions?q=jardin" },
  { name: "proposal", label: "Proposal, 200 contributions", kind: "page", path: `/propositions/${withContributions.id}` },
  { name: "support", label: "Support / withdraw", kind: "support", path: "" },
  // The feedback loop (issue 11): the GTP's queue as a coordinator sees it, and the home page with the
  // droit de suite counters. Ours only: the baseline does not mirror these pages.
  { name: "governance-queue", label: "GTP queue (coordinator)", kind: "page", path: "/gouvernance", oursOnly: true, cookie: coordinatorCookie },
  { name: "counters", label: "Home, droit de suite counters", kind: "page", path: "/", oursOnly: true },
];
const scenarios = opts.only ? allScenarios.filter((s) => opts.only!.split(",").includes(s.name)) : allScenarios;
if (!scenarios.length) throw new Error(`--only names none of: ${allScenarios.map((s) => s.name).join(", ")}`);

/** The deep page: follows the "Suivantes" link 50 times from page 1, as a resident would. */
async function deepPath(base: string) {
  let current = "/propositions?ambition=3";
  for (let page = 1; page <= 50; page++) {
    const response = await fetch(new URL(current, base));
    if (!response.ok) throw new Error(`${current} answered ${response.status}`);
    const html = await response.text();
    const next = [...html.matchAll(/href="([^"]*[?&](?:amp;)?apres=[^"]*)"/g)].at(-1)?.[1];
    if (!next) throw new Error(`No "Suivantes" link on page ${page}`);
    current = next.replace(/&amp;/g, "&");
  }
  return current;
}

type Run = Measure & { peakRssMiB: number; writes?: { sent: number; stateMismatches: number } };

async function supportRun(base: string, target: Target): Promise<Run> {
  await readSupportState();
  // Each request takes a user from the queue and gives it back with its answer, so a user is never in
  // two requests at once and every request changes something (support when not supported, else withdraw).
  const queue = [...users];
  let sent = 0;
  type Ctx = { user?: (typeof users)[number] };
  const measure = await load("support", target, {
    url: base,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context: Ctx) => {
          const user = queue.shift()!;
          context.user = user;
          sent++;
          return {
            ...request,
            method: "POST",
            // What the page's fetcher sends: Remix asks the route's data with ?_data (a plain post without it is the no-JavaScript form).
            path: `/propositions/${user.proposalId}/soutien?_data=${encodeURIComponent("routes/propositions.$id.soutien")}`,
            headers: { origin: base, cookie: user.cookie, "content-type": "application/x-www-form-urlencoded" },
            body: `intent=${user.supported ? "withdraw" : "support"}&_js=1`,
          };
        },
        onResponse: (status, _body, context: Ctx) => {
          const user = context.user;
          if (!user) return;
          if (status === 200) user.supported = !user.supported;
          queue.push(user);
        },
      },
    ],
  });
  // Whether the tracked state (each 200 flipped it) is what the database holds: 0 means every request wrote.
  const expected = new Map(users.map((u) => [u.id, u.supported]));
  await readSupportState();
  const stateMismatches = users.filter((u) => expected.get(u.id) !== u.supported).length;
  return { ...measure, peakRssMiB: 0, writes: { sent, stateMismatches } };
}

type Server = { target: Target; child: ChildProcess; base: string };
type Integrity = Awaited<ReturnType<typeof checkSupportCounts>>;

async function runScenario({ target, child, base }: Server, scenario: Scenario, integrity: Integrity[]): Promise<Run> {
  // Warm-up (JIT, PostgreSQL's caches), not measured.
  const headers = scenario.cookie ? { cookie: scenario.cookie } : undefined;
  if (scenario.kind !== "support") await load(scenario.name, target, { url: base + scenario.path, connections: 10, duration: 2, headers });
  resetPeak(child.pid!);
  const run = scenario.kind === "support" ? await supportRun(base, target) : { ...(await load(scenario.name, target, { url: base + scenario.path, connections, duration, headers })), peakRssMiB: 0 };
  run.peakRssMiB = peakRssMiB(child.pid!);
  console.log(
    `  ${target.padEnd(8)} ${scenario.label.padEnd(30)} ${String(run.requestsPerSecond).padStart(6)} req/s  p50 ${run.latency.p50} ms  p95 ${run.latency.p95} ms  p99 ${run.latency.p99} ms  errors ${run.errors} non-2xx ${run.non2xx}  peak RSS ${run.peakRssMiB} MiB`,
  );
  if (scenario.kind === "support") {
    const check = await checkSupportCounts();
    integrity.push(check);
    console.log(`  ${target.padEnd(8)} ${run.writes!.sent} toggles sent, ${run.writes!.stateMismatches} users whose stored support differs from their last answer (at most one per connection: requests still in flight when the run stopped)`);
    console.log(
      check.mismatches.length
        ? `  ${target.padEnd(8)} support_count MISMATCH on ${check.mismatches.length} proposals: ${check.mismatches.slice(0, 5).map((m) => `${m.id} stored ${m.stored} rows ${m.rows}`).join("; ")}`
        : `  ${target.padEnd(8)} support_count = rows for all ${check.proposals} proposals: OK`,
    );
  }
  return run;
}

/** The run with the best throughput: on a shared machine, the others lost time to neighbours. */
const best = (runs: Run[]) => runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));

// ---------------------------------------------------------------------------------------------------
// Both servers run side by side (an idle server costs nothing) and each scenario alternates them,
// ours–baseline then baseline–ours, so a slow spell of the machine weighs on both alike.
const appPort = await freePort();
const appBase = `http://localhost:${appPort}`;
const basePort = await freePort();
const baseBase = `http://localhost:${basePort}`;
log(`\nStarting the app on ${appBase} and the baseline (node:http + postgres.js) on ${baseBase}…`);
const app = startProcess(
  process.execPath,
  ["--import", "tsx", "app/server.ts"],
  { NODE_ENV: "production", APP_SECRET: BENCH_APP_SECRET, DATABASE_URL: databaseUrl, PORT: String(appPort), SEED_DEMO: "false", RATE_LIMIT_FACTOR: "100000", LOG_LEVEL: "warn", APP_URL: appBase },
  "app",
);
const baseline = startProcess(process.execPath, ["--import", "tsx", "tests/bench/baseline-server.ts"], { DATABASE_URL: databaseUrl, PORT: String(basePort) }, "baseline");
const servers: Record<Target, Server> = { labo: { target: "labo", child: app, base: appBase }, baseline: { target: "baseline", child: baseline, base: baseBase } };
const runs = { labo: scenarios.map((): Run[] => []), baseline: scenarios.map((): Run[] => []) };
const integrity = { labo: [] as Integrity[], baseline: [] as Integrity[] };
let idleRss: { app: number; baseline: number };
try {
  await Promise.all([waitForHttp(`${appBase}/healthz`), waitForHttp(`${baseBase}/healthz`)]);
  const deep = scenarios.find((s) => s.name === "list-deep");
  if (deep) deep.path = await deepPath(appBase);
  idleRss = { app: peakRssMiB(app.pid!), baseline: peakRssMiB(baseline.pid!) };
  for (const [i, scenario] of scenarios.entries()) {
    for (let round = 0; round < rounds; round++) {
      const order: Target[] = scenario.oursOnly ? ["labo"] : round % 2 === 0 ? ["labo", "baseline"] : ["baseline", "labo"];
      for (const target of order) runs[target][i]!.push(await runScenario(servers[target], scenario, integrity[target]));
    }
  }
} finally {
  await Promise.all([stop(app), stop(baseline)]);
  await db.end();
}
const ours = { results: runs.labo.map(best), integrity: integrity.labo };
const theirs = { results: runs.baseline.map((r) => (r.length ? best(r) : null)), integrity: integrity.baseline };

// ---------------------------------------------------------------------------------------------------
const rows = scenarios.map((scenario, i) => {
  const o = ours.results[i]!;
  const b = theirs.results[i]!;
  return { scenario: scenario.name, label: scenario.label, path: scenario.path, ours: o, baseline: b, ratio: b ? Math.round((o.requestsPerSecond / Math.max(1, b.requestsPerSecond)) * 100) / 100 : null };
});

const header = ["Scenario", "ours req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "baseline req/s", "baseline p95", "ratio"];
const table = rows.map((r) => [
  r.label,
  String(r.ours.requestsPerSecond),
  String(r.ours.latency.p50),
  String(r.ours.latency.p95),
  String(r.ours.latency.p99),
  String(r.ours.errors + r.ours.non2xx),
  r.baseline ? String(r.baseline.requestsPerSecond) : "—",
  r.baseline ? String(r.baseline.latency.p95) : "—",
  r.ratio === null ? "—" : `${Math.round(r.ratio * 100)} %`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
console.log(`\n${line(header)}\n| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |\n${table.map(line).join("\n")}`);
const peak = { app: Math.max(idleRss.app, ...ours.results.map((r) => r.peakRssMiB)), baseline: Math.max(idleRss.baseline, ...theirs.results.map((r) => r?.peakRssMiB ?? 0)) };
console.log(`\nPeak RSS: app ${peak.app} MiB (idle after start ${idleRss.app} MiB), baseline ${peak.baseline} MiB. Errors column = socket errors + timeouts + non-2xx.`);

const byName = (name: string) => rows.find((r) => r.scenario === name);
const ran = (names: string[]) => names.flatMap((name) => (byName(name) ? [byName(name)!] : []));
const targets = [
  ...ran(["list", "list-deep", "search", "proposal"]).map((row) => ({ target: `p95 < 50 ms: ${row.label}`, value: row.ours.latency.p95, pass: row.ours.latency.p95 < 50 })),
  ...rows.flatMap((r) => (r.ratio === null ? [] : [{ target: `≥ 40 % of baseline throughput: ${r.label}`, value: r.ratio, pass: r.ratio >= 0.4 }])),
  ...ran(["support"]).map((row) => ({ target: "≥ 500 supports/s", value: row.ours.requestsPerSecond, pass: row.ours.requestsPerSecond >= 500 })),
  { target: "No errors nor non-2xx answers (ours)", value: rows.reduce((n, r) => n + r.ours.errors + r.ours.non2xx, 0), pass: rows.every((r) => r.ours.errors + r.ours.non2xx === 0) },
  { target: "support_count = rows after the support runs", value: [...ours.integrity, ...theirs.integrity].reduce((n, c) => n + c.mismatches.length, 0), pass: [...ours.integrity, ...theirs.integrity].every((c) => c.mismatches.length === 0) },
];
console.log("\nTargets (issue 3):");
for (const t of targets) console.log(`  ${t.pass ? "PASS" : "MISS"}  ${t.target} (${t.value})`);

const file = path.join("tests/bench/results", `${new Date().toISOString().slice(0, 10)}-scale${scale}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      scale,
      connections,
      durationSeconds: duration,
      rounds,
      allRuns: scenarios.map((scenario, i) => ({ scenario: scenario.name, labo: runs.labo[i]!.map((r) => r.requestsPerSecond), baseline: runs.baseline[i]!.map((r) => r.requestsPerSecond) })),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtEnd: loadavg() },
      supportTargets,
      scenarios: rows,
      peakRssMiB: peak,
      idleRssMiB: idleRss,
      integrity: { labo: ours.integrity, baseline: theirs.integrity },
      targets,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWritten to ${file}`);
