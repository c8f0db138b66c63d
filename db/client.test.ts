import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { dbHandle } from "#app/db.server.ts";
import { ambitions } from "#db/schema/index.ts";

// PostgreSQL only: PGlite has no wire protocol, hence no statements to name.
test.skipIf(dbHandle.engine !== "postgresql")("drizzle's queries are named statements on PostgreSQL, inside transactions too", async () => {
  const seen = await dbHandle.db.transaction(async (tx) => {
    const [row] = await tx.select({ title: ambitions.title }).from(ambitions).where(eq(ambitions.number, 3));
    expect(row?.title).toBeTruthy();
    // The same connection: its prepared statements hold the select that just ran.
    const rows = (await tx.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
    return rows.map((r) => r.statement);
  });
  expect(seen.some((statement) => statement.includes('from "ambitions" where "ambitions"."number" = $1'))).toBe(true);
});
