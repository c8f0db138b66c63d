/**
 * Rows of the conseils citoyens for tests and the demo: members, meetings, and the rows other features
 * write about a council (a carried or followed proposal, an interpellation), inserted as they would be
 * after their use cases ran. Councils themselves come from the seeded referential (one per quartier).
 */
import type { Db } from "#db/client.ts";
import { councilMeetings, councilMembers, councilProposals, interpellations, type CouncilCollege, type CouncilProposalTie, type InterpellationKind } from "#db/schema/index.ts";

let counter = 0;

export type CouncilMemberFactoryInput = {
  councilCode?: string;
  displayName?: string;
  college?: CouncilCollege;
  organisation?: string;
  listed?: boolean;
  userId?: string | null;
  leftAt?: Date | null;
  createdAt?: Date;
};

export async function insertCouncilMember(db: Db, input: CouncilMemberFactoryInput = {}) {
  counter += 1;
  const [member] = await db
    .insert(councilMembers)
    .values({
      councilCode: input.councilCode ?? "QP062024",
      displayName: input.displayName ?? `Membre ${counter}`,
      college: input.college ?? "residents",
      organisation: input.organisation ?? "",
      listed: input.listed ?? true,
      userId: input.userId ?? null,
      leftAt: input.leftAt ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  return member!;
}

export async function insertCouncilMeeting(db: Db, input: { councilCode?: string; title?: string; startsAt?: Date; place?: string; summary?: string } = {}) {
  counter += 1;
  const [meeting] = await db
    .insert(councilMeetings)
    .values({
      councilCode: input.councilCode ?? "QP062024",
      title: input.title ?? `Réunion du conseil ${counter}`,
      startsAt: input.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000),
      place: input.place ?? "Maison de quartier",
      summary: input.summary ?? "",
    })
    .returning();
  return meeting!;
}

export async function insertCouncilProposal(db: Db, input: { councilCode?: string; proposalId: string; tie?: CouncilProposalTie; statement?: string; actorId?: string | null; createdAt?: Date }) {
  const [row] = await db
    .insert(councilProposals)
    .values({
      councilCode: input.councilCode ?? "QP062024",
      proposalId: input.proposalId,
      tie: input.tie ?? "carried",
      statement: input.statement ?? (input.tie === "followed" ? "" : "Le conseil porte cette proposition au GTP."),
      actorId: input.actorId ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  return row!;
}

export async function insertInterpellation(
  db: Db,
  input: {
    councilCode?: string;
    authorId?: string | null;
    kind?: InterpellationKind;
    title?: string;
    body?: string;
    answer?: string | null;
    answeredAt?: Date | null;
    hiddenAt?: Date | null;
    createdAt?: Date;
  } = {},
) {
  counter += 1;
  const [row] = await db
    .insert(interpellations)
    .values({
      source: "council",
      councilCode: input.councilCode ?? "QP062024",
      authorId: input.authorId ?? null,
      kind: input.kind ?? "question",
      title: input.title ?? `Où en est la réfection du city-stade ? ${counter}`,
      body: input.body ?? "Les travaux annoncés l'an dernier n'ont pas commencé. Pouvez-vous nous dire quand ils auront lieu ?",
      answer: input.answer ?? null,
      answeredAt: input.answeredAt ?? (input.answer ? new Date() : null),
      hiddenAt: input.hiddenAt ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  return row!;
}
