import { emailProposalAuthor, type ProposalAuthor } from "#app/modules/proposals/email-author.server.ts";
import type { ProposalStepData } from "#emails/proposal-step.tsx";

export type StepEmail = Omit<ProposalStepData, keyof ProposalAuthor> & { proposalId: string };

/**
 * Tells the author of a proposal about a governance step, in their language. Called after commit; a
 * failure is logged, never thrown: the step is recorded either way. (Supporters, followers and conseils
 * citoyens hear about it through the notifications, which read the step's timeline event.)
 */
export async function emailAuthorOfStep({ proposalId, ...step }: StepEmail) {
  await emailProposalAuthor(proposalId, "proposal-step", (author) => ({ ...step, ...author }));
}

/** Several steps at once (a published relevé): one after the other, so a slow provider is not hit in a burst. */
export async function emailAuthorsOfSteps(steps: StepEmail[]) {
  for (const step of steps) await emailAuthorOfStep(step);
}
