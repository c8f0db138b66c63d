import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { proposals, supports } from "#db/schema/index.ts";
import type { Participant } from "./support-proposal.server.ts";
import { ClosedMeanwhile, findSupportTarget, stillTakesSupports, takesSupports, visibleTo } from "./support-target.server.ts";

export type WithdrawSupportResult =
  | { status: "ok"; supported: false; supportCount: number; qualified: boolean }
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "forbidden" };

/**
 * Takes the person's support back while the proposal is open. The counter moves only when a row was
 * deleted, in the same transaction; withdrawing twice changes nothing. A qualified proposal stays
 * qualified, and the person keeps following it (they can stop separately).
 */
export async function withdrawSupport({ viewer, proposalId }: { viewer: Participant; proposalId: string }): Promise<WithdrawSupportResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };
  const target = await findSupportTarget(proposalId);
  if (!visibleTo(target, viewer.id)) return { status: "not_found" };
  if (!takesSupports(target)) return { status: "closed" };

  try {
    const outcome = await db.transaction(async (tx) => {
      const [deleted] = await tx
        .delete(supports)
        .where(and(eq(supports.proposalId, proposalId), eq(supports.userId, viewer.id)))
        .returning({ userId: supports.userId });
      if (!deleted) {
        const [current] = await tx
          .select({ supportCount: proposals.supportCount, qualifiedAt: proposals.qualifiedAt })
          .from(proposals)
          .where(eq(proposals.id, proposalId));
        return { supportCount: current!.supportCount, qualified: current!.qualifiedAt !== null };
      }
      const [counted] = await tx
        .update(proposals)
        .set({ supportCount: sql`${proposals.supportCount} - 1` })
        .where(and(eq(proposals.id, proposalId), stillTakesSupports))
        .returning({ supportCount: proposals.supportCount, qualifiedAt: proposals.qualifiedAt });
      if (!counted) throw new ClosedMeanwhile();
      return { supportCount: counted.supportCount, qualified: counted.qualifiedAt !== null };
    });
    return { status: "ok", supported: false, ...outcome };
  } catch (error) {
    if (error instanceof ClosedMeanwhile) return { status: "closed" };
    throw error;
  }
}
