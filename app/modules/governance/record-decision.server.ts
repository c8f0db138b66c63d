/**
 * Recording what a meeting decided, item by item, once it has taken place. The decision is kept on the
 * agenda item and stays editable until the relevé is published; the proposals themselves move only when
 * it is (publish-decisions). A proposal item needs a decision and reasons written for residents; a free
 * or follow-up item may take a decision, or just a note.
 */
import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { agendaItems, type ProposalDecision } from "#db/schema/index.ts";
import { findItem, lockMeeting } from "./agenda-shared.server.ts";

export type RecordDecisionResult =
  | { status: "ok" }
  | { status: "not_found" } // the meeting
  | { status: "item_not_found" } // not on this meeting's agenda
  | { status: "not_held" } // the meeting has not taken place
  | { status: "published" } // the relevé is out: corrections only
  | { status: "invalid"; errors: Record<string, string> };

export async function recordDecision({
  actor,
  meetingId,
  itemId,
  decision,
  publicReasons,
}: {
  actor: { id: string };
  meetingId: string;
  itemId: string;
  decision: ProposalDecision | null;
  publicReasons: string;
}): Promise<RecordDecisionResult> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { status: "not_found" };
    const item = await findItem(tx, meetingId, itemId);
    if (!item) return { status: "item_not_found" };
    if (meeting.status === "planned") return { status: "not_held" };
    if (meeting.status === "published") return { status: "published" };
    if (item.kind === "proposal") {
      const errors: Record<string, string> = {};
      if (!decision) errors.decision = "copil:validation.decisionRequired";
      if (!publicReasons) errors.publicReasons = "copil:validation.reasonsRequired";
      if (Object.keys(errors).length) return { status: "invalid", errors };
    }
    const cleared = !decision && !publicReasons;
    await tx
      .update(agendaItems)
      .set({ decision, publicReasons: publicReasons || null, decidedAt: cleared ? null : new Date(), decidedById: cleared ? null : actor.id })
      .where(eq(agendaItems.id, item.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.record_decision",
      subjectType: "agenda_item",
      subjectId: item.id,
      changes: {
        decision: { before: item.decision, after: decision },
        publicReasons: { before: item.publicReasons, after: publicReasons || null },
      },
      reason: publicReasons || null,
    });
    return { status: "ok" };
  });
}
