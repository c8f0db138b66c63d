/**
 * Building a meeting's agenda while it is planned: follow-ups from the minutes of a rendez-vous du Labo,
 * free items, their order, their wording, and taking an item off. Proposal items are put on the agenda
 * by the GTP (put-forward); taking one off sends the proposal back to the GTP's queue, as a step in its
 * timeline. Every change runs under the meeting's row lock and is in the audit log.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { agendaItems, laboSessions } from "#db/schema/index.ts";
import type { AddFollowupInput, AddFreeInput, EditItemInput } from "./agenda.schema.ts";
import { findItem, lockMeeting, type LockedMeeting } from "./agenda-shared.server.ts";
import { lockForStep, writeStep } from "./governance-steps.server.ts";

type Actor = { id: string };
export type AgendaResult =
  | { status: "ok"; itemId?: string }
  | { status: "not_found" } // the meeting
  | { status: "item_not_found" }
  | { status: "not_planned" } // the meeting took place: its agenda is closed
  | { status: "session_not_found" }
  | { status: "conflict" }; // another coordinator moved the proposal meanwhile

const SUBJECT = "governance_meeting";

class Refused extends Error {
  constructor(readonly result: AgendaResult) {
    super(result.status);
  }
}

/** Runs `work` under the meeting's lock if the meeting is planned; a refusal rolls the transaction back. */
async function onPlannedMeeting(meetingId: string, work: (tx: Db, meeting: LockedMeeting) => Promise<AgendaResult>, alsoHeld = false): Promise<AgendaResult> {
  try {
    return await db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (!meeting) return { status: "not_found" };
      if (meeting.status !== "planned" && !(alsoHeld && meeting.status === "held")) return { status: "not_planned" };
      return work(tx, meeting);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

async function nextPosition(tx: Db, meetingId: string) {
  const [row] = await tx
    .select({
      next: sql<number>`coalesce(max(${agendaItems.position}) + 1, 0)::int`,
    })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return row!.next;
}

/** A follow-up from the published minutes of a rendez-vous du Labo: its title and follow-ups unless reworded. */
export async function addFollowupItem({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: AddFollowupInput }): Promise<AgendaResult> {
  return onPlannedMeeting(meetingId, async (tx) => {
    const [session] = await tx
      .select({
        id: laboSessions.id,
        title: laboSessions.title,
        followUps: laboSessions.minutesFollowUps,
      })
      .from(laboSessions)
      .where(and(eq(laboSessions.id, input.laboSessionId), eq(laboSessions.status, "minutes_published")))
      .limit(1);
    if (!session) return { status: "session_not_found" };
    const [item] = await tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: await nextPosition(tx, meetingId),
        kind: "labo_followup",
        laboSessionId: session.id,
        title: input.followupTitle || session.title,
        details: input.followupDetails || (session.followUps ?? "").trim(),
      })
      .returning({ id: agendaItems.id, title: agendaItems.title });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.agenda_add",
      subjectType: SUBJECT,
      subjectId: meetingId,
      changes: {
        item: {
          before: null,
          after: {
            id: item!.id,
            kind: "labo_followup",
            title: item!.title,
            laboSessionId: session.id,
          },
        },
      },
    });
    return { status: "ok", itemId: item!.id };
  });
}

export async function addFreeItem({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: AddFreeInput }): Promise<AgendaResult> {
  return onPlannedMeeting(meetingId, async (tx) => {
    const [item] = await tx
      .insert(agendaItems)
      .values({
        meetingId,
        position: await nextPosition(tx, meetingId),
        kind: "free",
        title: input.title,
        details: input.details,
      })
      .returning({ id: agendaItems.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.agenda_add",
      subjectType: SUBJECT,
      subjectId: meetingId,
      changes: {
        item: {
          before: null,
          after: { id: item!.id, kind: "free", title: input.title },
        },
      },
    });
    return { status: "ok", itemId: item!.id };
  });
}

/** Rewords a follow-up or free item (a proposal item keeps the proposal's title; its GTP note may change). */
export async function editItem({ actor, meetingId, input }: { actor: Actor; meetingId: string; input: EditItemInput }): Promise<AgendaResult> {
  return onPlannedMeeting(meetingId, async (tx) => {
    const item = await findItem(tx, meetingId, input.itemId);
    if (!item) return { status: "item_not_found" };
    const title = item.kind === "proposal" ? item.title : input.title;
    await tx.update(agendaItems).set({ title, details: input.details }).where(eq(agendaItems.id, item.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.agenda_edit",
      subjectType: SUBJECT,
      subjectId: meetingId,
      changes: {
        [`item ${item.id}`]: {
          before: { title: item.title, details: item.details },
          after: { title, details: input.details },
        },
      },
    });
    return { status: "ok", itemId: item.id };
  });
}

/**
 * Swaps an item with its neighbour. Positions are rewritten 0..n-1 in the current order first, so items
 * that were inserted with equal positions (by another screen) still move one step at a time.
 */
export async function moveItem({ actor, meetingId, itemId, direction }: { actor: Actor; meetingId: string; itemId: string; direction: "up" | "down" }): Promise<AgendaResult> {
  return onPlannedMeeting(meetingId, async (tx) => {
    const items = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));
    const index = items.findIndex((i) => i.id === itemId);
    if (index < 0) return { status: "item_not_found" };
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= items.length) return { status: "ok", itemId }; // already first / last
    const order = items.map((i) => i.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, id] of order.entries()) {
      if (items.find((i) => i.id === id)!.position !== position) await tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, id));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.agenda_move",
      subjectType: SUBJECT,
      subjectId: meetingId,
      changes: { [`item ${itemId}`]: { before: index + 1, after: target + 1 } },
    });
    return { status: "ok", itemId };
  });
}

/**
 * Takes an item off the agenda. A proposal goes back to the GTP (on_copil_agenda → under_review, a
 * timeline event saying it came back from this agenda). A proposal hidden meanwhile, or no longer on an
 * agenda, just loses its line: that one may also be taken off a held meeting, or its relevé could never
 * be published.
 */
export async function removeItem({ actor, meetingId, itemId, version }: { actor: Actor; meetingId: string; itemId: string; version: number | null }): Promise<AgendaResult> {
  return onPlannedMeeting(
    meetingId,
    async (tx, meeting) => {
      const item = await findItem(tx, meetingId, itemId);
      if (!item) return { status: "item_not_found" };
      if (meeting.status !== "planned" && item.kind !== "proposal") return { status: "not_planned" };
      if (item.kind === "proposal" && item.proposalId) {
        const locked = await lockForStep(tx, item.proposalId, meeting.status === "planned" ? version : null);
        if (locked.status === "conflict") return { status: "conflict" };
        const onAgenda = locked.status === "locked" && locked.proposal.status === "on_copil_agenda";
        if (meeting.status !== "planned" && onAgenda) return { status: "not_planned" };
        if (onAgenda) {
          const step = await writeStep(tx, locked.proposal, {
            actorId: actor.id,
            event: "under_review",
            payload: {
              returnedFromAgenda: meetingId,
              meetingTitle: meeting.title,
              meetingDate: meeting.startsAt.toISOString(),
            },
            to: "under_review",
            audit: "governance.remove_from_agenda",
          });
          if (step.status !== "ok") throw new Refused({ status: "conflict" });
        }
      }
      await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "governance.agenda_remove",
        subjectType: SUBJECT,
        subjectId: meetingId,
        changes: {
          item: {
            before: {
              id: item.id,
              kind: item.kind,
              title: item.title,
              proposalId: item.proposalId,
            },
            after: null,
          },
        },
      });
      return { status: "ok" };
    },
    true,
  );
}
