import type { Db } from "#db/client.ts";
import { auditLog } from "#db/schema/index.ts";

export type AuditEntry = {
  actorId: string | null;
  action: string; // e.g. "referential.update", "role.grant"
  subjectType: string; // e.g. "ambition", "user"
  subjectId: string;
  changes?: Record<string, { before: unknown; after: unknown }>;
  reason?: string | null;
};

/** Writes an audit entry with the transaction of the change it records, so neither exists without the other. */
export async function recordAudit(tx: Db, entry: AuditEntry) {
  await tx.insert(auditLog).values({ ...entry, changes: entry.changes ?? null, reason: entry.reason ?? null });
}

/** Only the fields whose value changed, as { field: { before, after } }. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { before: before[key], after: value };
  }
  return changes;
}
