import { count, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { DEMO_PROPOSALS } from "#tests/factories/demo-content.ts";
import { contributions, proposals, supports, users } from "./schema/index.ts";
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
  const qualified = await db.select().from(proposals).where(eq(proposals.status, "qualified"));
  expect(qualified.length).toBeGreaterThanOrEqual(3);
  for (const p of qualified) expect(p.supportCount).toBeGreaterThanOrEqual(25);
  const quartiers = new Set((await db.select({ q: proposals.quartierCode }).from(proposals)).map((r) => r.q));
  expect(quartiers.size).toBe(21);
  const ambitionsUsed = new Set((await db.select({ a: proposals.ambitionNumber }).from(proposals)).map((r) => r.a));
  expect(ambitionsUsed.size).toBe(12);

  await seedDemo(db); // at a later start: left as it is
  await seedDemo(db, { recreate: true }); // npm run db:seed -- --demo
  expect((await db.select({ n: count() }).from(proposals))[0]!.n).toBe(DEMO_PROPOSALS.length);
  expect(await mismatchedCounters()).toBe(0);
  const [nadia] = await db.select().from(users).where(eq(users.email, "habitante@labo.test"));
  expect((await db.select().from(proposals).where(eq(proposals.authorId, nadia!.id))).length).toBe(1);
});
