import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { queueEmail, type EmailQueued } from "#app/modules/email/send-email.server.ts";
import { immediateRecipients, notificationLinks } from "#app/modules/notification-emails/own-email-rhythm.server.ts";
import { laboRegistrations, laboSessions, users } from "#db/schema/index.ts";
import type { LaboSessionEmailData } from "#emails/components/labo-session-details.tsx";
import { sessionPlace, sessionWhen } from "./registration-rules.ts";
import { sessionIcsAttachment } from "./session-calendar.server.ts";

type SessionRow = typeof laboSessions.$inferSelect;

/** Who a registration's emails go to: the account's address and language, or what the guest typed. */
export type Recipient = { registrationId: string; userId: string | null; to: string; locale: string; displayName: string | null };

/** The registrations that can be emailed (phone-only guests cannot), among `ids` or for the whole session. */
export async function emailableRecipients(filter: { sessionId: string; registrationIds?: string[]; includeWaitlisted?: boolean }, tx: Db = db): Promise<Recipient[]> {
  const rows = await tx
    .select({
      registrationId: laboRegistrations.id,
      userId: laboRegistrations.userId,
      to: sql<string | null>`coalesce(${users.email}, ${laboRegistrations.email})`,
      locale: sql<string>`coalesce(${users.locale}, ${laboRegistrations.locale})`,
      displayName: sql<string | null>`coalesce(${users.displayName}, ${laboRegistrations.name})`,
    })
    .from(laboRegistrations)
    .leftJoin(users, eq(users.id, laboRegistrations.userId))
    .where(
      and(
        eq(laboRegistrations.sessionId, filter.sessionId),
        filter.registrationIds ? inArray(laboRegistrations.id, filter.registrationIds) : undefined,
        filter.includeWaitlisted === false ? eq(laboRegistrations.status, "confirmed") : ne(laboRegistrations.status, "cancelled"),
      ),
    )
    .orderBy(laboRegistrations.createdAt);
  return rows.flatMap((r) => (r.to ? [{ ...r, to: r.to }] : []));
}

function sessionData(session: SessionRow, recipient: Recipient): LaboSessionEmailData {
  return {
    displayName: recipient.displayName,
    title: session.title,
    when: sessionWhen(session, recipient.locale),
    place: sessionPlace(session),
    access: session.accessInfo,
    sessionUrl: `${appUrl}/labo/${session.id}`,
  };
}

export function cancelUrlFor(token: string) {
  return `${appUrl}/labo/inscription/${token}`;
}

export function sendRegistrationEmail(session: SessionRow, recipient: Recipient, placement: "confirmed" | "waitlisted", cancelToken: string) {
  return queueEmail({
    to: recipient.to,
    locale: recipient.locale,
    template: "labo-registration",
    data: { ...sessionData(session, recipient), placement, cancelUrl: cancelUrlFor(cancelToken) },
    attachments: [sessionIcsAttachment(session)],
  });
}

export function sendPromotionEmail(session: SessionRow, recipient: Recipient) {
  return queueEmail({ to: recipient.to, locale: recipient.locale, template: "labo-promoted", data: sessionData(session, recipient), attachments: [sessionIcsAttachment(session)] });
}

export function sendReminderEmail(session: SessionRow, recipient: Recipient): Promise<EmailQueued> {
  return queueEmail({ to: recipient.to, locale: recipient.locale, template: "labo-reminder", data: sessionData(session, recipient) });
}

/**
 * Tells every registrant who left an email (confirmed or waiting; signed-in people at their account's
 * address) that the session changed — with the updated .ics — or was cancelled. Called by the session's
 * edit and cancel use cases once their change is committed. Phone-only registrants cannot be reached here.
 * For account holders this is their notification email about the session: it follows their rhythm for
 * « Mes rendez-vous du Labo » (a digest, or nothing, tells it otherwise) and carries its unsubscribe link.
 */
export async function notifyRegistrantsOfChange(sessionId: string, change: "changed" | "cancelled"): Promise<{ notified: number }> {
  const [session] = await db.select().from(laboSessions).where(eq(laboSessions.id, sessionId)).limit(1);
  if (!session) return { notified: 0 };
  const recipients = await immediateRecipients("labo_session", await emailableRecipients({ sessionId }));
  for (const recipient of recipients) {
    const { links, headers } = notificationLinks(recipient.userId, "labo_session");
    await queueEmail({
      to: recipient.to,
      locale: recipient.locale,
      template: "labo-session-changed",
      data: { ...sessionData(session, recipient), change, reason: change === "cancelled" ? session.cancellationReason : null, unsubscribe: links },
      attachments: change === "changed" ? [sessionIcsAttachment(session)] : undefined,
      headers,
    });
  }
  return { notified: recipients.length };
}
