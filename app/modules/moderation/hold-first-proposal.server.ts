import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { moderationCases, proposals } from "#db/schema/index.ts";

/**
 * Pre-moderation (an administrator setting, off by default): the first proposal an account publishes
 * is published hidden, with a case in the queue. A moderator approves it (restore: it becomes public)
 * or refuses it (hide, with a reason told to the author). Called in the transaction that publishes.
 * Returns whether the proposal was held.
 */
export async function holdFirstProposal(tx: Db, { proposalId, authorId }: { proposalId: string; authorId: string }): Promise<boolean> {
  if (!(await getSetting("moderation.preModeration", tx))) return false;
  const [earlier] = await tx
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.authorId, authorId), ne(proposals.id, proposalId), isNotNull(proposals.publishedAt)))
    .limit(1);
  if (earlier) return false;
  const [proposal] = await tx.select({ quartierCode: proposals.quartierCode }).from(proposals).where(eq(proposals.id, proposalId));
  await tx.update(proposals).set({ hiddenAt: sql`now()` }).where(eq(proposals.id, proposalId));
  await tx
    .insert(moderationCases)
    .values({ subjectType: "proposal", subjectId: proposalId, authorId, quartierCode: proposal?.quartierCode ?? null, trigger: "premoderation" })
    .onConflictDoNothing();
  return true;
}
