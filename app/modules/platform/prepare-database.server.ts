import type { DbHandle } from "#db/client.ts";
import { migrateDb } from "#db/migrate.ts";
import { seedDemo, seedReferential } from "#db/seed.ts";
import { seedDemo as shouldSeedDemo } from "#app/env.server.ts";

/** At every start: apply new migrations, load the referential if missing, and the demo outside production. */
export async function prepareDatabase(handle: DbHandle) {
  await migrateDb(handle);
  await seedReferential(handle.db);
  if (shouldSeedDemo) await seedDemo(handle.db);
}
