import { desc, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { EMAIL_STATUSES, emailOutbox, type EmailStatus } from "#db/schema/index.ts";
import { maskEmail } from "./mask-email.ts";

export const FAILED_PAGE_SIZE = 25;
export const FAILED_MAX_PAGE = 400;

/** How many messages are in each state, every state listed (zero included). */
export async function countOutboxByStatus(): Promise<Record<EmailStatus, number>> {
  const rows = await db
    .select({ status: emailOutbox.status, count: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  return Object.fromEntries(EMAIL_STATUSES.map((status) => [status, rows.find((r) => r.status === status)?.count ?? 0])) as Record<EmailStatus, number>;
}

/**
 * The messages the dispatcher gave up on, newest first, a page at a time (served by email_outbox_failed_idx).
 * Addresses are masked here: the page never receives them in clear.
 */
export async function listFailedEmails({ page }: { page: number }) {
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      attempts: emailOutbox.attempts,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "failed"))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(FAILED_PAGE_SIZE + 1)
    .offset((page - 1) * FAILED_PAGE_SIZE);
  return {
    messages: rows.slice(0, FAILED_PAGE_SIZE).map((row) => ({ ...row, to: maskEmail(row.to) })),
    hasMore: rows.length > FAILED_PAGE_SIZE,
  };
}
