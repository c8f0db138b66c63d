import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposalFollows } from "#db/schema/index.ts";

/** Whether the person follows the proposal (false for anonymous visitors). */
export async function isFollowing({ userId, proposalId }: { userId: string | null | undefined; proposalId: string }) {
  if (!userId) return false;
  const [row] = await db
    .select({ userId: proposalFollows.userId })
    .from(proposalFollows)
    .where(and(eq(proposalFollows.proposalId, proposalId), eq(proposalFollows.userId, userId)))
    .limit(1);
  return row !== undefined;
}
