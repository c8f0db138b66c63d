import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { immediateRecipients, notificationLinks } from "#app/modules/notification-emails/own-email-rhythm.server.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { laboCaptures, laboRegistrations, laboSessions, users } from "#db/schema/index.ts";
import type { MinutesInput } from "./console.schema.ts";

export type SaveMinutesResult =
  | { status: "ok"; published: boolean; emailed: number }
  | { status: "not_started" }
  | { status: "cancelled" }
  | { status: "already_published" };

type SessionRef = { id: string };

/** Minutes are for a rendez-vous that took place: started (or over), neither draft nor cancelled. */
export function canHaveMinutes(session: { startsAt: Date; status: string }, now = new Date()) {
  return session.startsAt.getTime() <= now.getTime() && session.status !== "draft" && session.status !== "cancelled";
}

/**
 * Saves the compte-rendu (a draft, or edits after publication) and, with intent "publish", publishes
 * it once: one transaction sets the figures, the author, the date and the status, with an audit entry;
 * then every registrant who left an email receives it (queued after the commit: an email that cannot be
 * queued never undoes the publication, and is logged here).
 */
export async function saveMinutes({ session, actor, input }: { session: SessionRef; actor: { id: string }; input: MinutesInput }): Promise<SaveMinutesResult> {
  const publish = input.intent === "publish";
  const outcome = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(laboSessions).where(eq(laboSessions.id, session.id)).for("update");
    if (!current) return { status: "cancelled" } as const;
    if (current.status === "cancelled") return { status: "cancelled" } as const;
    if (publish && current.minutesPublishedAt) return { status: "already_published" } as const;
    if (publish && !canHaveMinutes(current)) return { status: "not_started" } as const;
    await tx
      .update(laboSessions)
      .set({
        minutesSummary: input.summary,
        minutesDecisions: input.decisions,
        minutesOpinions: input.opinions,
        minutesFollowUps: input.followUps,
        attendance: input.attendance,
        newcomers: input.newcomers,
        updatedAt: sql`now()`,
        ...(publish ? { minutesPublishedAt: sql`now()`, minutesAuthorId: actor.id, status: "minutes_published" as const } : {}),
      })
      .where(eq(laboSessions.id, session.id));
    // The boxes ticked are the captures shown in the minutes; the others stay out.
    await tx
      .update(laboCaptures)
      .set({ inMinutes: true })
      .where(and(eq(laboCaptures.sessionId, session.id), input.inMinutes.length ? inArray(laboCaptures.id, input.inMinutes) : sql`false`));
    await tx
      .update(laboCaptures)
      .set({ inMinutes: false })
      .where(and(eq(laboCaptures.sessionId, session.id), input.inMinutes.length ? notInArray(laboCaptures.id, input.inMinutes) : undefined));
    if (publish) {
      await recordAudit(tx, { actorId: actor.id, action: "labo.publish_minutes", subjectType: "labo_session", subjectId: session.id });
      await recordNotificationEvent(tx, { kind: "labo_minutes_published", laboSessionId: session.id, actorId: actor.id });
    }
    return { status: "ok", title: current.title, startsAt: current.startsAt } as const;
  });
  if (outcome.status !== "ok") return outcome;
  const emailed = publish ? await emailMinutes(session.id, outcome.title, outcome.startsAt) : 0;
  return { status: "ok", published: publish, emailed };
}

/** The registrants to tell: not cancelled, with an email (a signed-in person's is their account's), once each. */
export async function listMinutesRecipients(sessionId: string) {
  const rows = await db
    .select({
      userId: laboRegistrations.userId,
      email: sql<string | null>`coalesce(${users.email}, ${laboRegistrations.email})`,
      locale: sql<string>`coalesce(${users.locale}, ${laboRegistrations.locale})`,
      name: sql<string | null>`coalesce(${users.displayName}, ${laboRegistrations.name})`,
    })
    .from(laboRegistrations)
    .leftJoin(users, eq(users.id, laboRegistrations.userId))
    .where(and(eq(laboRegistrations.sessionId, sessionId), ne(laboRegistrations.status, "cancelled")));
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (!row.email || seen.has(row.email.toLowerCase())) return [];
    seen.add(row.email.toLowerCase());
    return [{ userId: row.userId, email: row.email, locale: row.locale, name: row.name }];
  });
}

// For account holders, their notification email about the session: it follows their rhythm for « Mes
// rendez-vous du Labo » and carries its unsubscribe link (guests always get it).
async function emailMinutes(sessionId: string, title: string, startsAt: Date) {
  const recipients = await immediateRecipients("labo_session", await listMinutesRecipients(sessionId));
  let sent = 0;
  for (const recipient of recipients) {
    const date = new Intl.DateTimeFormat(recipient.locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(startsAt);
    const { links, headers } = notificationLinks(recipient.userId, "labo_session");
    const result = await queueEmail({
      to: recipient.email,
      locale: recipient.locale,
      template: "labo-minutes",
      data: { name: recipient.name, title, date, url: `${appUrl}/labo/${sessionId}`, unsubscribe: links },
      headers,
    }).catch((error: unknown) => {
      console.error(`The minutes of session ${sessionId} could not be emailed:`, error);
      return null;
    });
    if (result?.status === "queued") sent += 1;
  }
  return sent;
}

/**
 * "The session took place": an announced (or full) rendez-vous that has started becomes held. Saying it
 * again changes nothing; minutes already published stay so.
 */
export async function markSessionHeld({ session, actor }: { session: SessionRef; actor: { id: string } }): Promise<{ status: "ok" } | { status: "not_started" } | { status: "cancelled" }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(laboSessions).where(eq(laboSessions.id, session.id)).for("update");
    if (!current || current.status === "cancelled") return { status: "cancelled" } as const;
    if (!canHaveMinutes(current)) return { status: "not_started" } as const;
    if (current.status === "announced" || current.status === "full") {
      await tx.update(laboSessions).set({ status: "held", updatedAt: sql`now()` }).where(eq(laboSessions.id, session.id));
      await recordAudit(tx, { actorId: actor.id, action: "labo.mark_held", subjectType: "labo_session", subjectId: session.id });
    }
    return { status: "ok" } as const;
  });
}
