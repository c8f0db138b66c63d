import { sql } from "drizzle-orm";
import { beforeAll, beforeEach } from "vitest";
import { dbHandle } from "#app/db.server.ts";
import { migrateDb } from "#db/migrate.ts";
import { seedReferential } from "#db/seed.ts";
import { clearReferentialCache } from "#app/modules/referential/referential-cache.server.ts";

const g = globalThis as unknown as { __laboMigrated?: Promise<void> };

beforeAll(async () => {
  g.__laboMigrated ??= migrateDb(dbHandle);
  await g.__laboMigrated;
});

// Every test starts from the seeded referential and nothing else.
beforeEach(async () => {
  const rows = (await dbHandle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as
    | { rows: { tablename: string }[] }
    | { tablename: string }[];
  const tables = (Array.isArray(rows) ? rows : rows.rows).map((r) => `"${r.tablename}"`);
  if (tables.length) await dbHandle.db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
  await seedReferential(dbHandle.db);
  clearReferentialCache();
});
