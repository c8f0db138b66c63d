import type { Db } from "#db/client.ts";
import { proposalEvents, proposals, type ProposalOrigin, type ProposalStatus } from "#db/schema/index.ts";

export type ProposalFactoryInput = {
  authorId: string | null;
  title?: string;
  body?: string;
  ambitionNumber?: number;
  quartierCode?: string | null;
  communeSlug?: string | null;
  status?: ProposalStatus;
  origin?: ProposalOrigin;
  /** For origin conseil_citoyen: the code of the council (its quartier) that carries it. */
  originQuartierCode?: string | null;
  supportCount?: number;
  contributionCount?: number;
  publishedAt?: Date | null;
  createdAt?: Date;
};

let counter = 0;

/**
 * Inserts a proposal row as it would be after its use cases ran (published by default, with its
 * "created" and "published" timeline events). Counters are set as given: tests that need exact counts
 * create the rows through the use cases instead.
 */
export async function insertProposal(db: Db, input: ProposalFactoryInput) {
  counter += 1;
  const status = input.status ?? "published";
  const createdAt = input.createdAt ?? new Date();
  const publishedAt = input.publishedAt === undefined ? (status === "draft" ? null : createdAt) : input.publishedAt;
  const [proposal] = await db
    .insert(proposals)
    .values({
      authorId: input.authorId,
      title: input.title ?? `Des bancs à l'ombre près de l'école ${counter}`,
      body: input.body ?? "Les parents attendent la sortie des classes debout, en plein soleil. Quelques bancs et un arbre changeraient tout.",
      ambitionNumber: input.ambitionNumber ?? 8,
      quartierCode: input.quartierCode === undefined ? "QP062024" : input.quartierCode,
      communeSlug: input.communeSlug === undefined ? "lens" : input.communeSlug,
      status,
      origin: input.origin ?? "resident",
      originQuartierCode: input.originQuartierCode ?? null,
      supportCount: input.supportCount ?? 0,
      contributionCount: input.contributionCount ?? 0,
      publishedAt,
      qualifiedAt: status === "qualified" ? createdAt : null,
      createdAt,
    })
    .returning();
  const events: (typeof proposalEvents.$inferInsert)[] = [{ proposalId: proposal!.id, kind: "created", actorId: input.authorId, createdAt }];
  if (publishedAt) events.push({ proposalId: proposal!.id, kind: "published", actorId: input.authorId, createdAt: publishedAt });
  await db.insert(proposalEvents).values(events);
  return proposal!;
}
