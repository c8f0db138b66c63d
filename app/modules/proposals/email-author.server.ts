import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { sendEmail, type SendEmailInput, type EmailTemplateName } from "#app/modules/email/send-email.server.ts";
import { proposals, users } from "#db/schema/index.ts";
import { proposalPath } from "./proposal-path.ts";

export type ProposalAuthor = { displayName: string; title: string; url: string };

/**
 * Emails the author of a proposal, in their language, with what the template needs from the author and
 * the proposal (name, title, link). Called after commit; a failure is logged, never thrown: what the email
 * tells is recorded either way. Nothing is sent when the author deleted their account.
 */
export async function emailProposalAuthor<N extends EmailTemplateName>(proposalId: string, template: N, data: (author: ProposalAuthor) => SendEmailInput<N>["data"]) {
  try {
    const [author] = await db
      .select({ email: users.email, displayName: users.displayName, locale: users.locale, title: proposals.title })
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(eq(proposals.id, proposalId))
      .limit(1);
    if (!author) return;
    await sendEmail({ to: author.email, locale: author.locale, template, data: data({ displayName: author.displayName, title: author.title, url: `${appUrl}${proposalPath(proposalId)}` }) });
  } catch (error) {
    console.error(`The "${template}" email for proposal ${proposalId} could not be sent:`, error);
  }
}
