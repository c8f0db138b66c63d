import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { formatAuditCursor, listAuditEntries, listAuditSubjectTypes, parseAuditCursor } from "./audit-queries.server.ts";
import { recordAudit } from "./record-audit.server.ts";

async function seedEntries(count: number, actorId: string | null) {
  // Several entries per transaction share their created_at: the pages must still neither skip nor repeat.
  for (let i = 0; i < count; i += 3) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(i + 3, count); j++) {
        await recordAudit(tx, { actorId, action: "referential.update", subjectType: j % 2 ? "ambition" : "quartier", subjectId: String(j), changes: { title: { before: "a", after: "b" } } });
      }
    });
  }
}

describe("listAuditEntries", () => {
  test("newest first, with the actor's display name, page after page without gaps or repeats", async () => {
    const actor = await insertUser(db, { displayName: "Camille Admin", roles: [{ role: "administrator" }] });
    await seedEntries(11, actor.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listAuditEntries>> = await listAuditEntries({ limit: 4, before: cursor ? parseAuditCursor(cursor) : null });
      seen.push(...page.entries.map((e) => e.id));
      for (const e of page.entries) expect(e.actorName).toBe("Camille Admin");
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(11);
    const all = await db.select({ id: auditLog.id, createdAt: auditLog.createdAt }).from(auditLog).orderBy(sql`${auditLog.createdAt} desc, ${auditLog.id} desc`);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  test("filters by subject type and lists the types present", async () => {
    await seedEntries(6, null);
    const { entries } = await listAuditEntries({ subjectType: "ambition" });
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.subjectType === "ambition" && e.actorName === null)).toBe(true);
    expect(await listAuditSubjectTypes()).toEqual(["ambition", "quartier"]);
    expect((await listAuditEntries({ subjectType: "user" })).entries).toEqual([]);
  });

  test("an exact last page has no next cursor", async () => {
    await seedEntries(3, null);
    expect((await listAuditEntries({ limit: 3 })).nextCursor).toBeNull();
  });
});

test("cursors are checked before they reach the database", () => {
  const cursor = { micros: "1735689600123456", id: "0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f" };
  expect(parseAuditCursor(formatAuditCursor(cursor))).toEqual(cursor);
  for (const bad of ["", "abc", "1_2", "1735689600123456_not-a-uuid", "123456789012345678_0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f", "1'; drop table audit_log;--"]) {
    expect(parseAuditCursor(bad)).toBeNull();
  }
});
