/**
 * Faults, against the built app and a PostgreSQL cluster of the test's own: PostgreSQL restarted under
 * load (503 + Retry-After while it is away, back by itself, no acknowledged write lost), a lock held
 * (statement timeout, 503 page, no hang), and SIGTERM (requests in flight finish, new ones refused, exit 0).
 * `npm run test:faults` (needs `npm run build` and PostgreSQL's server binaries).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type DbHandle } from "#db/client.ts";
import { sessions } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { findPostgresBin, freePort, sleep, startApp, startCluster, type AppProcess, type Cluster } from "./harness.ts";

const STATEMENT_TIMEOUT_MS = 3_000;
const WRITERS = 8;
const USERS = 40;
const PROPOSALS = 5;
const SUPPORT_ROUTE = "routes/propositions.$id.soutien";
const unavailableText = (JSON.parse(readFileSync("app/locales/fr/common.json", "utf8")) as { errors: { 503: { text: string } } }).errors[503].text;

let cluster: Cluster;
let handle: DbHandle;
let admin: postgres.Sql;
let app: AppProcess;
let proposalIds: string[];
let cookies: string[];
let userIds: string[];

beforeAll(async () => {
  const bin = findPostgresBin();
  if (!bin) throw new Error("No PostgreSQL server binaries (/usr/lib/postgresql/*/bin): install the postgresql package, or set LABO_PG_BIN.");
  cluster = await startCluster(bin);
  app = await startApp({
    port: await freePort(),
    databaseUrl: cluster.url,
    // Many supports from one address; a short statement timeout keeps the lock test short.
    env: { RATE_LIMIT_FACTOR: "100", DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), SHUTDOWN_GRACE_MS: "10000" },
  });
  handle = createDb({ url: cluster.url, pgliteDir: "memory://", max: 2 });
  admin = postgres(cluster.url, { max: 2, onnotice: () => {} });

  const author = await insertUser(handle.db, { password: null });
  proposalIds = [];
  for (let i = 0; i < PROPOSALS; i++) proposalIds.push((await insertProposal(handle.db, { authorId: author.id })).id);
  userIds = [];
  cookies = [];
  for (let i = 0; i < USERS; i++) {
    const user = await insertUser(handle.db, { password: null });
    const sessionId = randomBytes(20).toString("hex");
    await handle.db.insert(sessions).values({ id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) });
    userIds.push(user.id);
    cookies.push(`labo_session=${sessionId}`);
  }
}, 180_000);

afterAll(async () => {
  if (app?.child.exitCode === null) app.child.kill("SIGKILL");
  await admin?.end({ timeout: 1 });
  await handle?.close();
  await cluster?.destroy();
});

type Answer = { at: number; ms: number; status: number; retryAfter: string | null; body: string } | { at: number; ms: number; status: "no answer"; error: string };

async function ask(url: string, init?: RequestInit): Promise<Answer> {
  const at = Date.now();
  try {
    const response = await fetch(url, { redirect: "manual", ...init });
    const body = await response.text();
    return { at, ms: Date.now() - at, status: response.status, retryAfter: response.headers.get("Retry-After"), body };
  } catch (error) {
    return { at, ms: Date.now() - at, status: "no answer", error: String((error as Error).cause ?? error) };
  }
}

/** A fetcher's support, as the button sends it with JavaScript: acknowledged when the data says supported. */
function support(userIndex: number, proposalId: string) {
  return ask(`${app.base}/propositions/${proposalId}/soutien?_data=${encodeURIComponent(SUPPORT_ROUTE)}`, {
    method: "POST",
    headers: { Cookie: cookies[userIndex]!, Origin: app.base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "support", _js: "1" }),
  });
}

test("PostgreSQL restarted under load: 503 with Retry-After while it is away, back by itself within seconds, no acknowledged write lost", async () => {
  const pending = userIds.flatMap((_, u) => proposalIds.map((p) => ({ u, p })));
  const acknowledged = new Set<string>();
  const writes: Answer[] = [];
  const pages: Answer[] = [];
  const health: Answer[] = [];
  let writing = true;
  let observing = true;

  // Writers take the next support to send; one that was not acknowledged goes back in the queue, as a person
  // would press the button again.
  const writer = async () => {
    while (writing) {
      const next = pending.shift();
      if (!next) {
        await sleep(50);
        continue;
      }
      const answer = await support(next.u, next.p);
      writes.push(answer);
      if (answer.status === 200 && (JSON.parse(answer.body) as { supported?: boolean }).supported) {
        acknowledged.add(`${userIds[next.u]}|${next.p}`);
        // Paced like people pressing buttons, so the writes last through the outage however fast the machine.
        await sleep(100);
      } else {
        pending.push(next);
        await sleep(100);
      }
    }
  };
  const observer = async () => {
    while (observing) {
      const [page, healthz] = await Promise.all([ask(`${app.base}/propositions/${proposalIds[0]}`), ask(`${app.base}/healthz`)]);
      pages.push(page);
      health.push(healthz);
      await sleep(100);
    }
  };
  const running = [...Array.from({ length: WRITERS }, writer), observer()];

  // Stopped while writes are under way: after the first tenth is acknowledged.
  const started = Date.now();
  while (acknowledged.size < (USERS * PROPOSALS) / 10 && Date.now() - started < 30_000) await sleep(20);
  const stoppedAt = Date.now();
  await cluster.stop();
  await sleep(3_000);
  await cluster.start();
  const readyAt = Date.now();
  let healthyAt = 0;
  while (!healthyAt && Date.now() - readyAt < 30_000) {
    const answer = await ask(`${app.base}/healthz`);
    if (answer.status === 200) healthyAt = Date.now();
    else await sleep(50);
  }
  const recoveryMs = healthyAt - readyAt;

  const deadline = Date.now() + 30_000;
  while ((pending.length || acknowledged.size < USERS * PROPOSALS) && Date.now() < deadline) await sleep(100);
  writing = false;
  observing = false;
  await Promise.all(running);

  const rows = await admin<{ user_id: string; proposal_id: string }[]>`select user_id, proposal_id from supports where proposal_id in ${admin(proposalIds)}`;
  const stored = new Set(rows.map((r) => `${r.user_id}|${r.proposal_id}`));
  const lost = [...acknowledged].filter((key) => !stored.has(key));
  const counters = await admin<{ id: string; support_count: number; n: number }[]>`
    select p.id, p.support_count, (select count(*)::int from supports s where s.proposal_id = p.id) as n from proposals p where p.id in ${admin(proposalIds)}`;

  const during = (answers: Answer[]) => answers.filter((a) => a.at >= stoppedAt && a.at < readyAt);
  const unavailable = (answers: Answer[]) => answers.filter((a): a is Extract<Answer, { body: string }> => a.status === 503);
  const first503 = Math.min(...unavailable([...writes, ...pages, ...health]).map((a) => a.at));
  const last503 = Math.max(...unavailable([...writes, ...pages, ...health]).map((a) => a.at));
  const slowest = Math.max(...[...writes, ...pages, ...health].map((a) => a.ms));
  const writesResumeMs = Math.min(...writes.filter((a) => a.status === 200 && a.at + a.ms >= readyAt).map((a) => a.at + a.ms)) - readyAt;
  console.log(
    [
      `PostgreSQL restart (pg_ctl stop -m fast, 3 s down, start): /healthz 200 again ${recoveryMs} ms after PostgreSQL accepted connections`,
      `first write acknowledged ${writesResumeMs} ms after; 503 seen by clients for ${last503 - first503} ms; slowest answer ${slowest} ms`,
      `${writes.length} support posts, ${acknowledged.size} acknowledged, ${unavailable(writes).length} answered 503`,
      `acknowledged writes lost: ${lost.length}; rows stored: ${stored.size}`,
    ].join("\n"),
  );

  // While PostgreSQL is away: pages, data requests and the health check say 503, with Retry-After.
  const pages503 = unavailable(during(pages));
  expect(pages503.length).toBeGreaterThan(0);
  expect(pages503[0]!.retryAfter).toBe("5");
  expect(pages503[0]!.body).toContain(unavailableText);
  const health503 = unavailable(during(health));
  expect(health503.length).toBeGreaterThan(0);
  expect(health503[0]!.retryAfter).toBe("5");
  expect(JSON.parse(health503[0]!.body)).toMatchObject({ ok: false, database: "unavailable" });
  expect(unavailable(writes).length).toBeGreaterThan(0);
  expect(unavailable(writes).every((a) => a.retryAfter === "5")).toBe(true);
  // Never a 500 or a dropped connection: every answer is 200 or 503, and quick (no request waits out the outage).
  expect([...writes, ...pages, ...health].filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
  expect(slowest).toBeLessThan(5_000);

  // Back by itself, quickly, and nothing acknowledged is missing; the counters agree with the rows.
  expect(healthyAt).toBeGreaterThan(0);
  expect(recoveryMs).toBeLessThan(5_000);
  expect(lost).toEqual([]);
  expect(acknowledged.size).toBe(USERS * PROPOSALS);
  for (const c of counters) expect(c.support_count).toBe(c.n);
  expect((await ask(`${app.base}/propositions/${proposalIds[0]}`)).status).toBe(200);
}, 90_000);

/** Holds an exclusive lock on a table until `release`, from a connection of the test's own. */
async function holdLock(table: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = admin.begin(async (tx) => {
    await tx.unsafe(`lock table ${table} in access exclusive mode`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

test("a lock held on the proposals: the page gives up at the statement timeout with the 503 page, it does not hang", async () => {
  const release = await holdLock("proposals");
  try {
    const single = await ask(`${app.base}/propositions/${proposalIds[1]}`);
    const singleMs = Date.now() - single.at;
    expect(single).toMatchObject({ status: 503, retryAfter: "5" });
    expect((single as { body: string }).body).toContain(unavailableText);
    expect(singleMs).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000);

    // A burst: the page's queries queue for the pool's 10 connections, each wave ended by the timeout.
    const burst = await Promise.all(Array.from({ length: 10 }, () => ask(`${app.base}/propositions/${proposalIds[1]}`)));
    const slowest = Math.max(...burst.map((a) => Date.now() - a.at));
    console.log(`Lock held (statement timeout ${STATEMENT_TIMEOUT_MS} ms): one page answered 503 in ${singleMs} ms; 10 at once all answered 503 within ${slowest} ms`);
    expect(burst.map((a) => a.status)).toEqual(Array(10).fill(503));
  } finally {
    await release();
  }
  expect((await ask(`${app.base}/propositions/${proposalIds[1]}`)).status).toBe(200);
}, 40_000);

test("SIGTERM: the request in flight finishes, a new connection is refused, jobs stop, the process exits 0", async () => {
  const port = Number(new URL(app.base).port);
  const release = await holdLock("proposals");
  // In flight: the proposal page waits on the lock, well within the statement timeout.
  const inFlight = ask(`${app.base}/propositions/${proposalIds[2]}`);
  await sleep(300);
  app.child.kill("SIGTERM");
  await sleep(300);

  const refused = await new Promise<string>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
  expect(refused).toBe("ECONNREFUSED");

  await release();
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect(await app.exited).toBe(0);
  expect(app.output()).toMatch(/Labo stopped on SIGTERM: drained 1 request\(s\) in flight in \d+ ms; jobs stopped; database closed/);
}, 30_000);
