import { desc, eq } from "drizzle-orm";
import { isUuid } from "#app/modules/platform/ids.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { emailOutbox } from "#db/schema/index.ts";

/**
 * The development mailbox is open to anyone outside production. In production it exists only for those
 * who may read it (administrators); everyone else gets a 404, as if it were not there.
 */
export async function requireMailboxReader(request: Request) {
  const viewer = await getViewer(request);
  // Read at call time (not the `isProduction` constant) so tests can check both behaviours.
  if (env.NODE_ENV !== "production") return viewer;
  if (!can(viewer, "mailbox.read")) throw new Response(null, { status: 404 });
  return viewer;
}

export const MAILBOX_PAGE_SIZE = 50;

export type MailboxDelivery = "outbox" | "resend" | "pending" | "retrying" | "failed";

/** What became of a message, as the mailbox says it: the status decides; an error alone may be a past try. */
export function mailboxDelivery(message: { provider: string; status: string; error: string | null }): MailboxDelivery {
  if (message.status === "failed") return "failed";
  if (message.status === "pending" || message.status === "sending") return message.error ? "retrying" : "pending";
  return message.provider === "resend" ? "resend" : "outbox";
}

/** Newest first, a page at a time, optionally for one recipient (served by email_outbox_to_idx). */
export async function listMailbox({ page, recipient }: { page: number; recipient: string | null }) {
  const rows = await db
    .select({ id: emailOutbox.id, to: emailOutbox.to, subject: emailOutbox.subject, template: emailOutbox.template, provider: emailOutbox.provider, status: emailOutbox.status, error: emailOutbox.error, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(recipient ? eq(emailOutbox.to, recipient) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(MAILBOX_PAGE_SIZE + 1)
    .offset((page - 1) * MAILBOX_PAGE_SIZE);
  return { messages: rows.slice(0, MAILBOX_PAGE_SIZE).map((row) => ({ ...row, delivery: mailboxDelivery(row) })), hasMore: rows.length > MAILBOX_PAGE_SIZE };
}

export async function getMailboxMessage(id: string) {
  // A malformed id is simply unknown (and never reaches PostgreSQL, which would refuse it with an error).
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ? { ...row, delivery: mailboxDelivery(row) } : null;
}
