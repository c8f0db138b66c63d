import { count, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { DEMO_PROPOSALS } from "#tests/factories/demo-content.ts";
import { agendaItems, contributions, followupMilestones, governanceMeetings, proposals, supports, users } from "./schema/index.ts";
import { seedDemo } from "./seed.ts";

async function mismatchedCounters() {
  const rows = (await db.execute(sql`
    select p.id from ${proposals} p
    where p.support_count <> (select count(*) from ${supports} s where s.proposal_id = p.id)
       or p.contribution_count <> (select count(*) from ${contributions} c where c.proposal_id = p.id and c.deleted_at is null)`)) as unknown as { rows?: unknown[] } | unknown[];
  return Array.isArray(rows) ? rows.length : (rows.rows?.length ?? 0);
}

test("the demo has believable proposals with exact counters, some qualified, and recreating it duplicates nothing", { timeout: 60_000 }, async () => {
  await seedDemo(db);
  const total = (await db.select({ n: count() }).from(proposals))[0]!.n;
  expect(total).toBe(DEMO_PROPOSALS.length);
  expect(await mismatchedCounters()).toBe(0);
  // Qualified by supports: each reached its threshold, whatever became of it afterwards (a proposal a
  // conseil citoyen carries qualifies without them).
  const qualified = await db.select().from(proposals).where(sql`${proposals.qualifiedAt} is not null and ${proposals.origin} <> 'conseil_citoyen'`);
  expect(qualified.length).toBeGreaterThanOrEqual(3);
  for (const p of qualified) expect(p.supportCount).toBeGreaterThanOrEqual(25);
  await expectTheWholeLoop();
  const quartiers = new Set((await db.select({ q: proposals.quartierCode }).from(proposals)).map((r) => r.q));
  expect(quartiers.size).toBe(21);
  const ambitionsUsed = new Set((await db.select({ a: proposals.ambitionNumber }).from(proposals)).map((r) => r.a));
  expect(ambitionsUsed.size).toBe(12);

  await seedDemo(db); // at a later start: left as it is
  await seedDemo(db, { recreate: true }); // npm run db:seed -- --demo
  expect((await db.select({ n: count() }).from(proposals))[0]!.n).toBe(DEMO_PROPOSALS.length);
  expect(await mismatchedCounters()).toBe(0);
  await expectTheWholeLoop();
  const [nadia] = await db.select().from(users).where(eq(users.email, "habitante@labo.test"));
  expect((await db.select().from(proposals).where(eq(proposals.authorId, nadia!.id))).length).toBe(1);
});

/** Every step of the feedback loop can be seen in the demo. */
async function expectTheWholeLoop() {
  const statuses = new Set((await db.select({ s: proposals.status }).from(proposals)).map((r) => r.s));
  for (const status of ["qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done", "answered"] as const) expect(statuses, status).toContain(status);
  const decisions = new Set((await db.select({ d: proposals.decision }).from(proposals).where(eq(proposals.status, "decided"))).map((r) => r.d));
  expect([...decisions].sort()).toEqual(["not_retained", "postponed"]);
  const published = await db.select().from(governanceMeetings).where(eq(governanceMeetings.status, "published"));
  expect(published.map((m) => m.bodyKey)).toEqual(["copil"]);
  const decided = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, published[0]!.id));
  expect(decided.filter((i) => i.kind === "proposal").every((i) => i.decision && i.publicReasons)).toBe(true);
  expect((await db.select().from(governanceMeetings).where(eq(governanceMeetings.status, "planned"))).length).toBeGreaterThanOrEqual(1);
  expect((await db.select().from(followupMilestones)).length).toBeGreaterThanOrEqual(3);
  // One waits past the 120-day droit de suite.
  const overdue = await db.select().from(proposals).where(sql`${proposals.answeredAt} is null and ${proposals.qualifiedAt} < now() - interval '120 days'`);
  expect(overdue.length).toBeGreaterThanOrEqual(1);
}
