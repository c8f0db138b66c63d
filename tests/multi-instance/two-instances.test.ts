/**
 * Two app processes on one PostgreSQL database share everything through it (issue 14 §1): sessions, rate
 * limits, capacity checks, and scheduled jobs that run once across both. Needs `npm run build` and a
 * PostgreSQL server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), where it makes a
 * database of its own and drops it at the end.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type DbHandle } from "#db/client.ts";
import { migrateDb } from "#db/migrate.ts";
import { emailOutbox, laboRegistrations, laboSessions, proposals, scheduledJobs, sessions, supports } from "#db/schema/index.ts";
import { seedReferential } from "#db/seed-referential.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { cookieFrom, startInstance, type AppInstance } from "./app-instance.ts";

const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = `labo_instances_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const METRICS_TOKEN = randomBytes(24).toString("hex");
const HOUR = 3600_000;
const PASSWORD = "motdepasse-solide-42";
const SUPPORTERS = 200;

let handle: DbHandle;
let instances: [AppInstance, AppInstance];
/** Whatever started, even when the other did not: stopped at the end. */
const started: AppInstance[] = [];
/** Alternates between the two instances: request i goes to instance i % 2. */
const on = (i: number) => instances[i % 2]!;

const rows = {
  proposalId: "",
  authorEmail: "",
  /** Each supporter's Cookie header (a session row made directly, as sign-in makes it). */
  supporterCookies: [] as string[],
  supporterIds: [] as string[],
  signInEmail: "",
  signInName: "Nadia Deux-Instances",
  limitedEmail: "",
  laboSessionId: "",
  reminderSessionId: "",
};

function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (admin: postgres.Sql) => Promise<T>) {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** Guests registered three days ago for the session that starts in a day: their reminder is due. */
async function dueRegistrations(n: number, prefix: string) {
  const createdAt = new Date(Date.now() - 3 * 24 * HOUR);
  await handle.db.insert(laboRegistrations).values(
    Array.from({ length: n }, (_, i) => ({
      sessionId: rows.reminderSessionId,
      status: "confirmed" as const,
      name: `Invitée ${prefix}${i}`,
      email: `rappel.${prefix}${i}@example.org`,
      consentAt: createdAt,
      createdAt,
    })),
  );
}

const reminderCount = async () =>
  (await handle.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.template, "labo-reminder")))[0]!.n;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await withAdmin((admin) => admin.unsafe(`create database "${DATABASE}"`));
  handle = createDb({ url: databaseUrl(DATABASE), pgliteDir: "", max: 4 });
  await migrateDb(handle);
  await seedReferential(handle.db);
  const { db } = handle;

  // Every claim of a scheduled job's slot, as the trigger sees the conditional update succeed; and every
  // tick of a scheduler, seen by the insert each tick starts with (its row already exists: nothing is
  // inserted, but the trigger before it runs). Each instance connects under its own PGAPPNAME.
  await db.execute(sql`create table test_job_claims (name text not null, slot timestamptz not null, run_by text, claimed_at timestamptz not null default clock_timestamp())`);
  await db.execute(sql`create table test_job_ticks (name text not null, instance text not null)`);
  await db.execute(
    sql.raw(`create function test_record_job_tick() returns trigger language plpgsql as $$
      begin
        insert into test_job_ticks (name, instance) values (new.name, current_setting('application_name'));
        return new;
      end $$`),
  );
  await db.execute(sql`create trigger test_record_job_tick before insert on scheduled_jobs for each row execute function test_record_job_tick()`);
  await db.execute(
    sql.raw(`create function test_record_job_claim() returns trigger language plpgsql as $$
      begin
        if new.last_started_at is distinct from old.last_started_at then
          insert into test_job_claims (name, slot, run_by) values (old.name, old.next_run_at, new.last_run_by);
        end if;
        return new;
      end $$`),
  );
  await db.execute(sql`create trigger test_record_job_claim after update on scheduled_jobs for each row execute function test_record_job_claim()`);

  const author = await insertUser(db, { password: null, displayName: "Autrice soutenue" });
  rows.authorEmail = author.email;
  rows.proposalId = (await insertProposal(db, { authorId: author.id })).id;
  const signIn = await insertUser(db, { displayName: rows.signInName });
  rows.signInEmail = signIn.email;
  rows.limitedEmail = (await insertUser(db)).email;
  for (let batch = 0; batch < SUPPORTERS; batch += 20) {
    const users = await Promise.all(Array.from({ length: 20 }, () => insertUser(db, { password: null })));
    const made = users.map((user) => ({ id: randomBytes(20).toString("hex"), userId: user.id, expiresAt: new Date(Date.now() + 24 * HOUR) }));
    await db.insert(sessions).values(made);
    rows.supporterIds.push(...users.map((u) => u.id));
    rows.supporterCookies.push(...made.map((s) => `labo_session=${s.id}`));
  }
  rows.laboSessionId = (await insertLaboSession(db, { communeSlug: "lens", capacity: 10 })).session.id;
  rows.reminderSessionId = (await insertLaboSession(db, { communeSlug: "avion", startsAt: new Date(Date.now() + 24 * HOUR) })).session.id;
  await dueRegistrations(5, "a");

  const url = databaseUrl(DATABASE);
  const starting = [3411, 3412].map((port, i) => startInstance({ name: `instance ${i + 1}`, port, databaseUrl: url, env: { METRICS_TOKEN, PGAPPNAME: `instance-${i + 1}` } }).then((instance) => (started.push(instance), instance)));
  instances = (await Promise.all(starting)) as [AppInstance, AppInstance];
});

afterAll(async () => {
  // A failure above is easier to read with the server's side of it.
  for (const instance of started) {
    const errors = instance.logs.filter((line) => line.level === "error" || line.level === "fatal");
    if (errors.length) console.error(`${instance.name}: ${errors.length} error lines, the first:\n${errors.slice(0, 3).map((e) => JSON.stringify(e)).join("\n")}`);
  }
  await Promise.all(started.map((instance) => instance.stop()));
  await handle?.close();
  await withAdmin((admin) => admin.unsafe(`drop database if exists "${DATABASE}" with (force)`));
});

describe("two instances on one database", () => {
  test("a session made by signing in on one instance is valid on the other", async () => {
    const signedIn = await instances[0].post("/connexion", { email: rows.signInEmail, password: PASSWORD, redirectTo: "/compte" });
    expect(signedIn.status).toBe(302);
    const cookie = cookieFrom(signedIn, "labo_session");
    expect(cookie).toBeDefined();

    const account = await instances[1].get("/compte", { cookie });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(rows.signInName);
    // Without it, the same page sends to sign-in: the cookie is what made the difference.
    const anonymous = await instances[1].get("/compte");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion/);
  });

  test(`${SUPPORTERS} people supporting one proposal at once, half on each instance, count ${SUPPORTERS}`, async () => {
    const path = `/propositions/${rows.proposalId}/soutien?_data=${encodeURIComponent("routes/propositions.$id.soutien")}`;
    const answers = await Promise.all(
      rows.supporterCookies.map(async (cookie, i) => {
        const response = await on(i).post(path, { intent: "support", _js: "1" }, { cookie });
        return { status: response.status, body: (await response.json()) as { supportCount: number } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(SUPPORTERS).fill(200));
    // Each support saw the count it made: no two requests read the same total, none was lost.
    expect(answers.map((a) => a.body.supportCount).sort((a, b) => a - b)).toEqual(Array.from({ length: SUPPORTERS }, (_, i) => i + 1));

    const [proposal] = await handle.db.select({ supportCount: proposals.supportCount, status: proposals.status }).from(proposals).where(eq(proposals.id, rows.proposalId));
    const [{ n }] = (await handle.db.select({ n: count() }).from(supports).where(eq(supports.proposalId, rows.proposalId))) as [{ n: number }];
    expect({ supportCount: proposal!.supportCount, rows: n, status: proposal!.status }).toEqual({ supportCount: SUPPORTERS, rows: SUPPORTERS, status: "qualified" });
    for (const instance of instances) {
      const page = await instance.get(`/propositions/${rows.proposalId}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(new RegExp(`${SUPPORTERS}\\s+soutiens`));
    }
    // Crossing the threshold happened once: the author heard about it once.
    const qualified = await handle.db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "proposal-qualified"), eq(emailOutbox.to, rows.authorEmail)));
    expect(qualified).toHaveLength(1);
  });

  test("30 people registering at once for 10 seats, on both instances: 10 seats taken, 20 on the waiting list", async () => {
    const registrants = rows.supporterCookies.slice(0, 30);
    const statuses = await Promise.all(registrants.map(async (cookie, i) => (await on(i).post(`/labo/${rows.laboSessionId}/inscription`, {}, { cookie })).status));
    expect(statuses).toEqual(Array(30).fill(302));

    const placed = await handle.db
      .select({ status: laboRegistrations.status, n: count() })
      .from(laboRegistrations)
      .where(eq(laboRegistrations.sessionId, rows.laboSessionId))
      .groupBy(laboRegistrations.status);
    expect(Object.fromEntries(placed.map((p) => [p.status, p.n]))).toEqual({ confirmed: 10, waitlisted: 20 });
    const [session] = await handle.db.select({ status: laboSessions.status }).from(laboSessions).where(eq(laboSessions.id, rows.laboSessionId));
    expect(session!.status).toBe("full");
    const confirmations = await handle.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.template, "labo-registration"));
    expect(confirmations[0]!.n).toBe(30);
  });

  test("the sign-in failure limit (5 per account) holds when the attempts alternate between instances", async () => {
    const attempt = (i: number, password = "pas-le-bon-mot-de-passe") => on(i).post("/connexion", { email: rows.limitedEmail, password, redirectTo: "" });
    for (let i = 0; i < 5; i++) expect((await attempt(i)).status, `attempt ${i + 1} on ${on(i).name}`).toBe(400);
    for (const i of [5, 6]) {
      const refused = await attempt(i);
      expect(refused.status, `attempt ${i + 1} on ${on(i).name}`).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
    // Even the right password waits, on either instance.
    expect((await attempt(7, PASSWORD)).status).toBe(429);
    expect((await attempt(8, PASSWORD)).status).toBe(429);
  });

  test("each due reminder goes out once although both instances' schedulers tick", async () => {
    // Due before the instances started: the first tick of either sent them.
    await expect.poll(reminderCount, { timeout: 20_000, interval: 250 }).toBe(5);
    await sleep(6_000); // more than a tick (5 s) of each instance
    expect(await reminderCount()).toBe(5);

    // A new slot now, with three more registrations due: both instances find it due at their next tick.
    await dueRegistrations(3, "b");
    await handle.db.update(scheduledJobs).set({ nextRunAt: sql`now()` }).where(eq(scheduledJobs.name, "labo-reminders"));
    await expect.poll(reminderCount, { timeout: 20_000, interval: 250 }).toBe(8);
    await sleep(6_000);
    expect(await reminderCount()).toBe(8);
    const perAddress = await handle.db.select({ to: emailOutbox.to, n: count() }).from(emailOutbox).where(eq(emailOutbox.template, "labo-reminder")).groupBy(emailOutbox.to);
    expect(perAddress).toHaveLength(8);
    expect(perAddress.every((row) => row.n === 1)).toBe(true);
  });

  test("both schedulers ticked, and every slot of every scheduled job was claimed by one instance only", async () => {
    const ticks = (await handle.db.execute(sql`select instance, count(*)::int as n from test_job_ticks where name = 'labo-reminders' group by 1 order by 1`)) as unknown as { instance: string; n: number }[];
    expect(ticks.map((t) => t.instance)).toEqual(["instance-1", "instance-2"]);
    // Over the test's 20 s and more, each looked for due reminders several times (every 5 s).
    for (const { n } of ticks) expect(n).toBeGreaterThanOrEqual(3);
    const claims = (await handle.db.execute(sql`select name, slot, run_by from test_job_claims order by claimed_at`)) as unknown as { name: string; slot: Date; run_by: string }[];
    const runners = new Set(instances.map((instance) => instance.pid));
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(runners.has(Number(claim.run_by.split(":").at(-1)))).toBe(true);
    const slots = claims.map((c) => `${c.name} ${new Date(c.slot).toISOString()}`);
    expect(new Set(slots).size, "a slot claimed twice").toBe(slots.length);
    // The reminder job ran twice (at start, and the slot made due above), each time by one process.
    expect(claims.filter((c) => c.name === "labo-reminders").length).toBe(2);
    // scheduled_jobs.last_run_by names the process of the job's latest claim (one statement: one snapshot).
    const jobs = (await handle.db.execute(
      sql`select j.name, j.last_run_by, (select c.run_by from test_job_claims c where c.name = j.name order by c.claimed_at desc limit 1) as last_claim_by from scheduled_jobs j`,
    )) as unknown as { name: string; last_run_by: string; last_claim_by: string }[];
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    for (const job of jobs) expect(job.last_run_by, job.name).toBe(job.last_claim_by);
    console.info(
      `reminder ticks: ${JSON.stringify(ticks)}; claims of all jobs: ${claims.length}, by process: ${JSON.stringify(Object.fromEntries(instances.map((i) => [i.name, claims.filter((c) => c.run_by.endsWith(`:${i.pid}`)).length])))}`,
    );
  });

  test("no email went out twice", async () => {
    // The same message (recipient, template, subject, words) twice is a duplicate send.
    const duplicates = await handle.db
      .select({ to: emailOutbox.to, template: emailOutbox.template, n: count() })
      .from(emailOutbox)
      .groupBy(emailOutbox.to, emailOutbox.template, emailOutbox.subject, emailOutbox.text)
      .having(sql`count(*) > 1`);
    expect(duplicates).toEqual([]);
  });

  test("each instance logs its requests with their id, and shows its own request timings to Prometheus only", async () => {
    const probe = await instances[1].get("/healthz", { headers: { "X-Request-Id": "multi-instance-probe-1" } });
    expect(probe.headers.get("X-Request-Id")).toBe("multi-instance-probe-1");
    await expect.poll(() => instances[1].logs.some((line) => line.requestId === "multi-instance-probe-1" && line.route === "routes/healthz")).toBe(true);
    expect(instances[0].logs.some((line) => line.requestId === "multi-instance-probe-1")).toBe(false);

    let supportPosts = 0;
    for (const instance of instances) {
      expect((await instance.get("/metrics")).status).toBe(404);
      const scrape = await instance.get("/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      const series = 'labo_http_request_duration_seconds_count{method="POST",route="routes/propositions.$id.soutien",status_class="2xx"} ';
      const mine = Number(text.split("\n").find((line) => line.startsWith(series))?.slice(series.length));
      expect(mine).toBe(SUPPORTERS / 2);
      supportPosts += mine;
      expect(text).toMatch(/^labo_email_outbox_messages\{status="failed"\} 0$/m);
      expect(text).toMatch(/^labo_scheduled_job_lag_seconds\{job="labo-reminders"\} /m);
      expect(text).toMatch(/^labo_db_connections\{state="active"\} \d+$/m);
    }
    expect(supportPosts).toBe(SUPPORTERS);
  });
});
