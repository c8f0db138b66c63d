/**
 * Reading the audit log: newest first, a page at a time. Pages are keyed on (created_at, id), so a page
 * costs the same however far back one goes, and entries written meanwhile never shift or repeat rows.
 * The `created_at` index serves the order; the subject filter is applied on that scan.
 */
import { and, asc, desc, eq, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { auditLog, users } from "#db/schema/index.ts";

export const AUDIT_PAGE_SIZE = 25;

/**
 * A position in the log: microseconds since the epoch (exact, unlike a JavaScript Date) and the entry id.
 * Entries of one transaction share their created_at; the id breaks the tie.
 */
export type AuditCursor = { micros: string; id: string };

const CURSOR = /^(\d{1,17})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const SUBJECT_TYPE = /^[a-z][a-z_]{0,39}$/;

export function parseAuditCursor(value: string): AuditCursor | null {
  const match = CURSOR.exec(value);
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

export function formatAuditCursor(cursor: AuditCursor) {
  return `${cursor.micros}_${cursor.id}`;
}

export function isAuditSubjectType(value: string) {
  return SUBJECT_TYPE.test(value);
}

export async function listAuditEntries(opts: { subjectType?: string | null; before?: AuditCursor | null; limit?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? AUDIT_PAGE_SIZE, 1), 100);
  const conditions: (SQL | undefined)[] = [];
  if (opts.subjectType) conditions.push(eq(auditLog.subjectType, opts.subjectType));
  if (opts.before) {
    const at = sql`(timestamptz 'epoch' + ${opts.before.micros}::bigint * interval '1 microsecond')`;
    // The first condition alone is what the created_at index can range over.
    conditions.push(lte(auditLog.createdAt, at), or(lt(auditLog.createdAt, at), lt(auditLog.id, opts.before.id)));
  }
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      micros: sql<string>`(extract(epoch from ${auditLog.createdAt}) * 1000000)::bigint::text`,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      changes: auditLog.changes,
      reason: auditLog.reason,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map(({ micros: _micros, ...entry }) => entry);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { entries, nextCursor: last ? formatAuditCursor({ micros: last.micros, id: last.id }) : null };
}

/** The kinds of subject the log holds, for the filter. The log holds administrative acts only, so it stays small. */
export async function listAuditSubjectTypes() {
  const rows = await db.selectDistinct({ subjectType: auditLog.subjectType }).from(auditLog).orderBy(asc(auditLog.subjectType));
  return rows.map((r) => r.subjectType);
}
