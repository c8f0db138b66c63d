import { sql } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import { insertProposal } from "./proposals.ts";
import { agendaItems, governanceMeetings, proposals, type AgendaItemKind, type MeetingStatus, type ProposalDecision } from "#db/schema/index.ts";

export type MeetingFactoryInput = {
  bodyKey?: string;
  title?: string;
  startsAt?: Date;
  place?: string;
  status?: MeetingStatus;
  summary?: string;
  publishedAt?: Date | null;
  createdById?: string | null;
};

let counter = 0;

/**
 * Inserts a governance meeting as its use cases would leave it: by default a planned COPIL meeting in a
 * month, at the CALL's seat. A published one gets a published_at unless told.
 */
export async function insertMeeting(db: Db, input: MeetingFactoryInput = {}) {
  counter += 1;
  const status = input.status ?? "planned";
  const startsAt = input.startsAt ?? new Date(Date.now() + (status === "planned" ? 30 : -7) * 24 * 3600_000);
  const [meeting] = await db
    .insert(governanceMeetings)
    .values({
      bodyKey: input.bodyKey ?? "copil",
      title: input.title ?? `Comité de pilotage n°${counter}`,
      startsAt,
      place: input.place ?? "Hôtel communautaire, 21 rue Marcel Sembat, Lens",
      status,
      summary: input.summary ?? "",
      publishedAt: input.publishedAt === undefined ? (status === "published" ? new Date() : null) : input.publishedAt,
      createdById: input.createdById ?? null,
    })
    .returning();
  return meeting!;
}

export type AgendaItemFactoryInput = {
  meetingId: string;
  /** Default: "proposal" when a proposalId is given, "labo_followup" with a laboSessionId, otherwise "free". */
  kind?: AgendaItemKind;
  proposalId?: string | null;
  laboSessionId?: string | null;
  title?: string;
  details?: string;
  /** Default: after the meeting's last item. */
  position?: number;
  decision?: ProposalDecision | null;
  publicReasons?: string | null;
  decidedById?: string | null;
};

/**
 * Inserts one agenda item. It does not move the proposal's status: a test that needs a proposal "on the
 * COPIL agenda" inserts it with status "on_copil_agenda" (or goes through the GTP's use case).
 */
export async function insertAgendaItem(db: Db, input: AgendaItemFactoryInput) {
  counter += 1;
  const kind = input.kind ?? (input.proposalId ? "proposal" : input.laboSessionId ? "labo_followup" : "free");
  const position =
    input.position ??
    (
      (await db
        .select({ next: sql<number>`coalesce(max(${agendaItems.position}) + 1, 0)::int` })
        .from(agendaItems)
        .where(sql`${agendaItems.meetingId} = ${input.meetingId}`)) as { next: number }[]
    )[0]!.next;
  const decided = input.decision != null || input.publicReasons != null;
  const [item] = await db
    .insert(agendaItems)
    .values({
      meetingId: input.meetingId,
      position,
      kind,
      proposalId: input.proposalId ?? null,
      laboSessionId: input.laboSessionId ?? null,
      title: input.title ?? `Point à l'ordre du jour ${counter}`,
      details: input.details ?? "",
      decision: input.decision ?? null,
      publicReasons: input.publicReasons ?? null,
      decidedAt: decided ? new Date() : null,
      decidedById: input.decidedById ?? null,
    })
    .returning();
  return item!;
}

/**
 * A proposal the GTP put on a meeting's agenda: status on_copil_agenda (qualified a month ago) and its
 * agenda item, with the GTP's note as details.
 */
export async function insertProposalOnAgenda(db: Db, input: { meetingId: string; authorId: string | null; title?: string; details?: string; decision?: ProposalDecision | null; publicReasons?: string | null }) {
  const proposal = await insertProposal(db, { authorId: input.authorId, status: "on_copil_agenda", ...(input.title ? { title: input.title } : {}), supportCount: 12 });
  await db
    .update(proposals)
    .set({ qualifiedAt: new Date(Date.now() - 30 * 24 * 3600_000) })
    .where(sql`${proposals.id} = ${proposal.id}`);
  const item = await insertAgendaItem(db, {
    meetingId: input.meetingId,
    proposalId: proposal.id,
    title: proposal.title,
    details: input.details ?? "Le GTP propose de l'examiner : faisable avec les moyens de la ville.",
    decision: input.decision ?? null,
    publicReasons: input.publicReasons ?? null,
  });
  return { proposal, item };
}
