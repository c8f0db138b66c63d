import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { sendEmail } from "#app/modules/email/send-email.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { proposals, users } from "#db/schema/index.ts";
import type { ProposalStepData } from "#emails/proposal-step.tsx";

export type StepEmail = Omit<ProposalStepData, "displayName" | "title" | "url"> & { proposalId: string };

/**
 * Tells the author of a proposal about a governance step, in their language. Called after commit; a
 * failure is logged, never thrown: the step is recorded either way. (Supporters, followers and conseils
 * citoyens hear about it through the notifications, which read the step's timeline event.)
 */
export async function emailAuthorOfStep({ proposalId, ...step }: StepEmail) {
  try {
    const [author] = await db
      .select({ email: users.email, displayName: users.displayName, locale: users.locale, title: proposals.title })
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(eq(proposals.id, proposalId))
      .limit(1);
    if (!author) return; // the author deleted their account
    await sendEmail({
      to: author.email,
      locale: author.locale,
      template: "proposal-step",
      data: { ...step, displayName: author.displayName, title: author.title, url: `${appUrl}${proposalPath(proposalId)}` },
    });
  } catch (error) {
    console.error(`The "${step.step}" email for proposal ${proposalId} could not be sent:`, error);
  }
}

/** Several steps at once (a published relevé): one after the other, so a slow provider is not hit in a burst. */
export async function emailAuthorsOfSteps(steps: StepEmail[]) {
  for (const step of steps) await emailAuthorOfStep(step);
}
