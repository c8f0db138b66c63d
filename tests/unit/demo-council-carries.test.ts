import { asc, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { fanOutPendingNotifications } from "#app/modules/notifications/fan-out-notifications.server.ts";
import { getProposalPage } from "#app/modules/proposals/proposal-queries.server.ts";
import { councilProposals, interpellations, proposals } from "#db/schema/index.ts";
import { seedDemoAccounts } from "#tests/factories/demo.ts";
import { seedDemoCouncilCarries } from "#tests/factories/demo-council-carries.ts";
import { seedDemoCouncils } from "#tests/factories/demo-councils.ts";
import { seedDemoGovernance } from "#tests/factories/demo-governance.ts";
import { seedDemoProposals } from "#tests/factories/demo-proposals.ts";

test("the demo councils carry proposals at several steps, follow one, and have interpellations answered and waiting; twice adds nothing", { timeout: 120_000 }, async () => {
  await seedDemoAccounts(db);
  await seedDemoProposals(db);
  await seedDemoGovernance(db);
  await seedDemoCouncils(db);
  await seedDemoCouncilCarries(db);
  await seedDemoCouncilCarries(db);

  const ties = await db
    .select({ councilCode: councilProposals.councilCode, tie: councilProposals.tie, proposalId: councilProposals.proposalId, status: proposals.status, origin: proposals.origin })
    .from(councilProposals)
    .innerJoin(proposals, eq(proposals.id, councilProposals.proposalId))
    .orderBy(asc(councilProposals.councilCode), asc(councilProposals.tie));
  expect(ties.filter((t) => t.tie === "followed")).toHaveLength(1);
  const carried = ties.filter((t) => t.tie === "carried");
  expect(carried.map((t) => t.councilCode).sort()).toEqual(["QP062019", "QP062024", "QP062028"]);
  expect(carried.every((t) => t.origin === "conseil_citoyen")).toBe(true);
  expect(carried.map((t) => t.status).sort()).toEqual(["answered", "qualified", "under_review"]);
  const page = await getProposalPage(carried.find((t) => t.councilCode === "QP062028")!.proposalId);
  expect(page!.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["qualified", "carried"]));

  const rows = await db.select({ source: interpellations.source, answeredAt: interpellations.answeredAt }).from(interpellations);
  expect(rows).toHaveLength(3);
  expect(rows.filter((r) => r.answeredAt)).toHaveLength(1);
  expect(rows.filter((r) => r.source === "actor_network")).toHaveLength(1);
  // The events they recorded fan out like any other.
  expect((await fanOutPendingNotifications(db)).events).toBeGreaterThan(0);
  expect(Number((await db.execute(sql`select count(*)::int as n from notification_events where fanned_out_at is null`) as unknown as { rows?: { n: number }[] } & { n: number }[]).rows?.[0]?.n ?? 0)).toBe(0);
});
