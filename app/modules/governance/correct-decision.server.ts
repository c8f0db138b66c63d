/**
 * A published decision is never edited silently: a correction adds a dated note beside it (shown on the
 * public relevé and on the proposal's timeline), goes to the audit log, and the author is told.
 */
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { decisionCorrections } from "#db/schema/index.ts";
import { findItem, lockMeeting } from "./agenda-shared.server.ts";
import { lockForStep, writeStep } from "./governance-steps.server.ts";
import { emailAuthorOfStep } from "./step-emails.server.ts";

export type CorrectDecisionResult =
  | { status: "ok"; correctionId: string }
  | { status: "not_found" } // the meeting
  | { status: "item_not_found" }
  | { status: "not_published" }; // before publication the decision itself is still editable

export async function correctDecision({ actor, meetingId, itemId, text }: { actor: { id: string }; meetingId: string; itemId: string; text: string }): Promise<CorrectDecisionResult> {
  const result = await db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { status: "not_found" } as const;
    const item = await findItem(tx, meetingId, itemId);
    if (!item) return { status: "item_not_found" } as const;
    if (meeting.status !== "published") return { status: "not_published" } as const;
    const [correction] = await tx.insert(decisionCorrections).values({ agendaItemId: item.id, text, actorId: actor.id }).returning({ id: decisionCorrections.id });
    let proposalId: string | null = null;
    if (item.kind === "proposal" && item.proposalId) {
      // A hidden proposal gets no timeline step (its page says nothing), but the relevé still shows the note.
      const locked = await lockForStep(tx, item.proposalId, null);
      if (locked.status === "locked") {
        await writeStep(tx, locked.proposal, {
          actorId: actor.id,
          event: "decision_corrected",
          payload: { text, meetingId, meetingTitle: meeting.title, meetingDate: meeting.startsAt.toISOString(), decision: item.decision, correctionId: correction!.id },
          audit: "governance.correct_decision",
          reason: text,
        });
        proposalId = item.proposalId;
      }
    }
    await recordAudit(tx, { actorId: actor.id, action: "governance.correct_decision", subjectType: "agenda_item", subjectId: item.id, changes: { correction: { before: null, after: text } }, reason: text });
    return { status: "ok", correctionId: correction!.id, proposalId } as const;
  });
  if (result.status !== "ok") return result;
  if (result.proposalId) await emailAuthorOfStep({ proposalId: result.proposalId, step: "decision_corrected", text });
  return { status: "ok", correctionId: result.correctionId };
}
