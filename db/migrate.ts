import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DbHandle } from "./client.ts";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies the committed drizzle-kit migrations; already-applied ones are skipped by the journal. */
export async function migrateDb(handle: DbHandle) {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { createDb } = await import("./client.ts");
  const handle = createDb({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DATA_DIR ?? "./db/.pglite" });
  await migrateDb(handle);
  console.log(`Migrations applied (${handle.engine}).`);
  await handle.close();
}
