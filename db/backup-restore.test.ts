import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { backupAndVerify, compareCounts } from "./backup-restore.ts";

describe("comparing row counts", () => {
  test("names every table whose count differs, or that one side lacks", () => {
    const source = new Map([
      ["public.users", 3],
      ["public.proposals", 2],
      ["public.supports", 0],
    ]);
    const restored = new Map([
      ["public.users", 3],
      ["public.proposals", 1],
      ["public.extra", 4],
    ]);
    expect(compareCounts(source, restored)).toEqual([
      "public.extra: missing in the source, 4 in the restore",
      "public.proposals: 2 in the source, 1 in the restore",
      "public.supports: 0 in the source, missing in the restore",
    ]);
    expect(compareCounts(source, new Map(source))).toEqual([]);
  });
});

// pg_dump and pg_restore need a PostgreSQL server: the suite's own database when it runs on one.
describe.skipIf(!process.env.DATABASE_URL)("backing up and restoring this database", () => {
  test("restores every table with as many rows, the migration journal included, and drops the restore", async () => {
    const author = await insertUser(db, { password: null });
    await insertProposal(db, { authorId: author.id });
    await insertProposal(db, { authorId: author.id });
    const lines: string[] = [];
    const result = await backupAndVerify({ source: process.env.DATABASE_URL!, log: (line) => lines.push(line) });
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.restoredCounts.get("public.users")).toBe(1);
    expect(result.restoredCounts.get("public.proposals")).toBe(2);
    expect(result.restoredCounts.get("drizzle.__drizzle_migrations")).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/^Every table has the same number of rows/);
    const remaining = await db.execute(sql`select count(*)::int as n from pg_database where datname = ${result.restoreName}`);
    expect(remaining).toEqual([{ n: 0 }]);
    // pg_dump, createdb, pg_restore and a count of every table: seconds of work, more on a busy machine.
  }, 120_000);
});
