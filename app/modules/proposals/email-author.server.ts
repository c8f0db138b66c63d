import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { queueEmail, type QueueEmailInput, type EmailTemplateName } from "#app/modules/email/send-email.server.ts";
import { DEFAULT_FREQUENCIES } from "#app/modules/notification-emails/notification-preferences.ts";
import { preferencesUrl } from "#app/modules/notification-emails/notice-email-content.server.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "#app/modules/notification-emails/unsubscribe-token.server.ts";
import { notificationPreferences, proposals, users } from "#db/schema/index.ts";
import { proposalPath } from "./proposal-path.ts";

/** What every author email carries: who, which proposal, and the links to stop these emails or choose them. */
export type ProposalAuthor = { displayName: string; title: string; url: string; unsubscribeUrl: string; preferencesUrl: string };

/**
 * Emails the author of a proposal, in their language, with what the template needs from the author and
 * the proposal (name, title, link). Called after commit; a failure is logged, never thrown: what the email
 * tells is recorded either way. Nothing is sent when the author deleted their account.
 *
 * These are the author's notification emails for their own proposal (category own_proposal): they go when
 * the author's rhythm for it is « immédiatement » (the default). On a digest rhythm the step waits for the
 * digest, and with « jamais » nothing goes; the notification job never sends the same step twice
 * (notice-selection.server.ts).
 */
export async function emailProposalAuthor<N extends EmailTemplateName>(proposalId: string, template: N, data: (author: ProposalAuthor) => QueueEmailInput<N>["data"]) {
  try {
    const [author] = await db
      .select({ userId: users.id, email: users.email, displayName: users.displayName, locale: users.locale, title: proposals.title, rhythm: notificationPreferences.frequency })
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, "own_proposal")))
      .where(eq(proposals.id, proposalId))
      .limit(1);
    if (!author || (author.rhythm ?? DEFAULT_FREQUENCIES.own_proposal) !== "immediate") return;
    const unsubscribe = unsubscribeUrl(author.userId, "own_proposal");
    await queueEmail({
      to: author.email,
      locale: author.locale,
      template,
      data: data({ displayName: author.displayName, title: author.title, url: `${appUrl}${proposalPath(proposalId)}`, unsubscribeUrl: unsubscribe, preferencesUrl: preferencesUrl() }),
      headers: unsubscribeHeaders(unsubscribe),
    });
  } catch (error) {
    console.error(`The "${template}" email for proposal ${proposalId} could not be sent:`, error);
  }
}
