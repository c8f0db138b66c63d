import type { Db } from "#db/client.ts";
import { emailOutbox } from "#db/schema/index.ts";

type OutboxInsert = typeof emailOutbox.$inferInsert;

/**
 * Writes `count` messages straight into the outbox (pending for Resend and due now, unless told), to
 * `person<i>@example.org`. Faster than rendering templates when a test needs hundreds.
 */
export async function insertOutboxEmails(db: Db, count: number, values: Partial<OutboxInsert> = {}) {
  const rows = Array.from({ length: count }, (_, i) => ({
    to: `person${i}@example.org`,
    subject: `Message ${i}`,
    template: "magic-link",
    html: `<p>Message ${i}</p>`,
    text: `Message ${i}`,
    provider: "resend",
    status: "pending" as const,
    nextAttemptAt: new Date(),
    ...values,
  }));
  return db.insert(emailOutbox).values(rows).returning();
}
