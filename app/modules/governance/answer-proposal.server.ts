/**
 * The GTP answers a proposal directly, without the COPIL: it is already done, already under way
 * elsewhere, or outside the city contract (then the answer names who can act). The public answer keeps
 * the droit de suite: answered_at is set, and the timeline event carries the words residents read.
 */
import { db } from "#app/db.server.ts";
import { lockForStep, writeStep, type StepRefusal } from "./governance-steps.server.ts";
import type { AnswerInput } from "./gtp.schema.ts";
import { mayAnswer } from "./gtp-rules.ts";
import { mayInstruct, type Coordinator, type Forbidden } from "./gtp-shared.server.ts";
import { emailAuthorOfStep } from "./step-emails.server.ts";

export type AnswerResult = { status: "ok" } | StepRefusal | Forbidden;

export async function answerProposal({ actor, proposalId, input }: { actor: Coordinator; proposalId: string; input: AnswerInput }): Promise<AnswerResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  const competentBody = input.answerKind === "outside_contract" ? input.competentBody : null;
  const result = await db.transaction(async (tx): Promise<AnswerResult> => {
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return locked;
    // The status model decides (qualified or under review may be answered; not one on an agenda). Asked
    // here too: writeStep lets a step keep the status it has, and an answer is given once.
    if (!mayAnswer(locked.proposal)) return { status: "not_allowed" };
    return writeStep(tx, locked.proposal, {
      actorId: actor.id,
      event: "answered",
      to: "answered",
      set: { answeredAt: new Date(), answerKind: input.answerKind },
      payload: { answerKind: input.answerKind, text: input.answerText, competentBody },
      audit: "governance.answer",
      reason: input.answerText,
    });
  });
  if (result.status === "ok") await emailAuthorOfStep({ proposalId, step: "answered", outcome: input.answerKind, text: input.answerText, body: competentBody });
  return result;
}
