import type { Db } from "#db/client.ts";
import { contributions, type ContributionStance } from "#db/schema/index.ts";

export type ContributionFactoryInput = {
  proposalId: string;
  authorId: string | null;
  body?: string;
  stance?: ContributionStance | null;
  parentId?: string | null;
  usefulCount?: number;
  createdAt?: Date;
  deletedAt?: Date | null;
  hiddenAt?: Date | null;
};

let counter = 0;

/**
 * Inserts contribution rows directly (counters of the proposal are NOT updated): for reads, benchmarks
 * and cases the use cases cannot reach (a created_at in the past, a hidden row). Tests that need exact
 * counters post through addContribution.
 */
export async function insertContributions(db: Db, inputs: ContributionFactoryInput[]) {
  if (!inputs.length) return [];
  return db
    .insert(contributions)
    .values(
      inputs.map((input) => {
        counter += 1;
        return {
          proposalId: input.proposalId,
          authorId: input.authorId,
          body: input.body ?? `Je passe par là tous les jours avec mes enfants, c'est une bonne idée (${counter}).`,
          stance: input.stance ?? null,
          parentId: input.parentId ?? null,
          usefulCount: input.usefulCount ?? 0,
          createdAt: input.createdAt ?? new Date(),
          deletedAt: input.deletedAt ?? null,
          hiddenAt: input.hiddenAt ?? null,
        };
      }),
    )
    .returning();
}

export async function insertContribution(db: Db, input: ContributionFactoryInput) {
  const [row] = await insertContributions(db, [input]);
  return row!;
}
