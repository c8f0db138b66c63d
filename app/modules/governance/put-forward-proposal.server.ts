/**
 * The GTP puts a proposal forward for a COPIL meeting (comité de pilotage: the elected officials who
 * decide): an agenda line at the end of that meeting's agenda, status on_copil_agenda, the timeline event
 * with the meeting, and the author's email after commit.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { agendaItems, governanceMeetings } from "#db/schema/index.ts";
import { lockForStep, writeStep, type StepRefusal } from "./governance-steps.server.ts";
import type { PutForwardInput } from "./gtp.schema.ts";
import { mayPutForward } from "./gtp-rules.ts";
import { authorLocale, copilMeetingLabel, mayInstruct, type Coordinator, type Forbidden } from "./gtp-shared.server.ts";
import { emailAuthorOfStep } from "./step-emails.server.ts";

export type PutForwardResult =
  | { status: "ok"; agendaItemId: string }
  | StepRefusal
  | Forbidden
  /** The meeting is not a planned COPIL meeting to come (or does not exist). */
  | { status: "unknown_meeting" }
  /** The proposal already is on an agenda that has not decided on it yet. */
  | { status: "already_on_agenda" };

/** COPIL meetings a proposal can be put forward for: planned, still to come, soonest first. */
export function listPlannedCopilMeetings(now: Date = new Date()) {
  return db
    .select({ id: governanceMeetings.id, title: governanceMeetings.title, startsAt: governanceMeetings.startsAt, place: governanceMeetings.place })
    .from(governanceMeetings)
    .where(and(eq(governanceMeetings.bodyKey, "copil"), eq(governanceMeetings.status, "planned"), gt(governanceMeetings.startsAt, now)))
    .orderBy(asc(governanceMeetings.startsAt))
    .limit(20);
}

export async function putForwardProposal({ actor, proposalId, input }: { actor: Coordinator; proposalId: string; input: PutForwardInput }): Promise<PutForwardResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  const outcome = await db.transaction(async (tx) => {
    // The meeting first, then the proposal: the same order as the agenda's own use cases, so no deadlock;
    // its lock also keeps the positions of lines added at once in order, and the meeting planned meanwhile.
    const [meeting] = await tx
      .select()
      .from(governanceMeetings)
      .where(and(eq(governanceMeetings.id, input.meetingId), eq(governanceMeetings.bodyKey, "copil"), eq(governanceMeetings.status, "planned"), gt(governanceMeetings.startsAt, sql`now()`)))
      .for("no key update");
    const locked = await lockForStep(tx, proposalId, input.version);
    if (locked.status !== "locked") return { result: locked };
    const proposal = locked.proposal;
    if (!mayPutForward(proposal)) return { result: { status: "not_allowed" as const } };
    if (!meeting) return { result: { status: "unknown_meeting" as const } };
    // At most one open agenda: a line not decided yet, in a meeting whose relevé is not published.
    const [open] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .innerJoin(governanceMeetings, eq(governanceMeetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.proposalId, proposal.id), isNull(agendaItems.decision), inArray(governanceMeetings.status, ["planned", "held"])))
      .limit(1);
    if (open) return { result: { status: "already_on_agenda" as const } };
    const [item] = await tx
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        kind: "proposal",
        proposalId: proposal.id,
        title: proposal.title,
        details: input.details,
        position: sql`(select coalesce(max(${agendaItems.position}), 0) + 1 from ${agendaItems} where ${agendaItems.meetingId} = ${meeting.id})`,
      })
      .onConflictDoNothing()
      .returning({ id: agendaItems.id });
    if (!item) return { result: { status: "already_on_agenda" as const } };
    const written = await writeStep(tx, proposal, {
      actorId: actor.id,
      event: "on_copil_agenda",
      to: "on_copil_agenda",
      set: proposal.status === "decided" ? { decision: null } : undefined,
      payload: { meetingId: meeting.id, meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt.toISOString(), agendaItemId: item.id, details: input.details || null },
      audit: "governance.put_forward",
    });
    // Checked above: the status model lets both statuses go on an agenda. Never half-written if it changes.
    if (written.status !== "ok") throw new Error(`The status model refused ${proposal.status} → on_copil_agenda`);
    const locale = await authorLocale(tx, proposal.authorId);
    return { result: { status: "ok" as const, agendaItemId: item.id }, email: { meeting: await copilMeetingLabel(meeting.startsAt, locale), text: input.details || null } };
  });
  if ("email" in outcome && outcome.email) {
    await emailAuthorOfStep({ proposalId, step: "on_copil_agenda", meeting: outcome.email.meeting, text: outcome.email.text });
  }
  return outcome.result;
}
