import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { emailOutbox } from "#db/schema/index.ts";

/** Back in the queue as if new: due now, all its tries ahead of it (the last error stays for the record). */
const backToPending = (now: Date) => ({ status: "pending" as const, attempts: 0, nextAttemptAt: now, lockedUntil: null });

/** An administrator sends a failed message again. Anything but a failed message is left as it is. */
export async function retryFailedEmail({ actorId, id }: { actorId: string; id: string }, now = new Date()): Promise<{ status: "ok" } | { status: "not_failed" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set(backToPending(now))
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
      .returning({ id: emailOutbox.id });
    if (!row) return { status: "not_failed" } as const;
    await recordAudit(tx, { actorId, action: "email.retry", subjectType: "email", subjectId: id });
    return { status: "ok" } as const;
  });
}

/** « Tout renvoyer »: every failed message at once, with one audit entry (about the queue itself) saying how many. */
export async function retryAllFailedEmails({ actorId }: { actorId: string }, now = new Date()): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(emailOutbox).set(backToPending(now)).where(eq(emailOutbox.status, "failed")).returning({ id: emailOutbox.id });
    if (rows.length) {
      await recordAudit(tx, { actorId, action: "email.retry_all", subjectType: "email_outbox", subjectId: "", changes: { failedCount: { before: rows.length, after: 0 } } });
    }
    return { count: rows.length };
  });
}
