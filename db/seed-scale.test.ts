import { count, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposals, supports } from "./schema/index.ts";
import { seedScale } from "./seed-scale.ts";

test("scale data: n proposals, skewed supports and contributions, counters equal to the rows", { timeout: 120_000 }, async () => {
  await seedScale(db, 300);
  expect((await db.select({ n: count() }).from(proposals))[0]!.n).toBe(300);
  const supportRows = (await db.select({ n: count() }).from(supports))[0]!.n;
  const contributionRows = (await db.select({ n: count() }).from(contributions))[0]!.n;
  expect(supportRows).toBeGreaterThan(300 * 3);
  expect(contributionRows).toBeGreaterThanOrEqual(200 + 300);
  const [sums] = await db.select({ supports: sql<number>`sum(support_count)::int`, contributions: sql<number>`sum(contribution_count)::int`, top: sql<number>`max(contribution_count)` }).from(proposals);
  expect(sums).toEqual({ supports: supportRows, contributions: contributionRows, top: 200 });
});
