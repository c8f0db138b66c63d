import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import type { Db } from "./client.ts";
import { proposals } from "./schema/index.ts";
import { seedReferential } from "./seed-referential.ts";

export { seedReferential };

/**
 * The French demo: accounts per role, then proposals with supports and contributions, and the feedback
 * loop they went through (GTP, COPIL, decisions, follow-up). At start it is
 * seeded once (when no proposal exists yet); `--demo` recreates the demo proposals.
 */
export async function seedDemo(db: Db, { recreate = false } = {}) {
  const { seedDemoAccounts } = await import("#tests/factories/demo.ts");
  const { seedDemoProposals } = await import("#tests/factories/demo-proposals.ts");
  const { seedDemoLaboSessions } = await import("#tests/factories/demo-labo.ts");
  const { seedDemoGovernance } = await import("#tests/factories/demo-governance.ts");
  const { seedDemoCouncils } = await import("#tests/factories/demo-councils.ts");
  const { seedDemoCouncilCarries } = await import("#tests/factories/demo-council-carries.ts");
  const { seedDemoToolbox } = await import("#tests/factories/demo-toolbox.ts");
  await seedDemoAccounts(db);
  // After the accounts: the conseil citoyen demo account becomes a listed member of its council.
  await seedDemoCouncils(db);
  await seedDemoLaboSessions(db);
  await seedDemoToolbox(db);
  const [{ n }] = (await db.select({ n: count() }).from(proposals)) as [{ n: number }];
  if (recreate || n === 0) {
    await seedDemoProposals(db);
    await seedDemoGovernance(db);
    // Councils carry some of the demo proposals and ask the GTP questions: after the proposals exist.
    await seedDemoCouncilCarries(db);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { createDb } = await import("./client.ts");
  const { migrateDb } = await import("./migrate.ts");
  const handle = createDb({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DATA_DIR ?? "./db/.pglite" });
  await migrateDb(handle);
  await seedReferential(handle.db);
  if (process.argv.includes("--demo")) await seedDemo(handle.db, { recreate: true });
  const scaleAt = process.argv.indexOf("--scale");
  if (scaleAt !== -1) {
    const n = Number(process.argv[scaleAt + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error("--scale takes a number of proposals, e.g. --scale 100000");
    const { seedScale } = await import("./seed-scale.ts");
    const { CHARTER_VERSION } = await import("#app/modules/charter/charter-version.ts");
    await seedScale(handle.db, n, (line) => console.log(`  ${line}`), { charterVersion: CHARTER_VERSION });
  }
  console.log(`Seeded (${handle.engine}).`);
  await handle.close();
}
