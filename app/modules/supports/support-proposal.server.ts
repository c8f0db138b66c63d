import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { ambitions, proposalEvents, proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { emailAuthorOfQualification } from "./qualification.server.ts";
import { ClosedMeanwhile, findSupportTarget, stillTakesSupports, takesSupports, visibleTo } from "./support-target.server.ts";

export type Participant = NonNullable<Viewer>;

export type SupportResult =
  | { status: "ok"; supported: true; supportCount: number; qualified: boolean; justQualified: boolean }
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "own_proposal" }
  | { status: "forbidden" };

/**
 * Adds the person's support. One per person and proposal: the primary key on `supports` decides, and the
 * counter moves only when a row was really inserted, in the same transaction, so double clicks and
 * concurrent requests count once. The supporter follows the proposal from then on.
 *
 * When the count reaches the ambition's threshold while the proposal is "published", the same
 * transaction makes it "qualified" and writes the timeline event; only that transaction emails the
 * author, after commit, so the author hears it exactly once.
 *
 * Authors may not support their own proposal: the threshold measures how many other residents back
 * the idea (Decidim allows it; here the count would otherwise always include its author).
 */
export async function supportProposal({ viewer, proposalId }: { viewer: Participant; proposalId: string }): Promise<SupportResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };
  const target = await findSupportTarget(proposalId);
  if (!visibleTo(target, viewer.id)) return { status: "not_found" };
  if (target.authorId === viewer.id) return { status: "own_proposal" };
  if (!takesSupports(target)) return { status: "closed" };

  // `qualification` is set only in the transaction that made the proposal qualified.
  let outcome: { supportCount: number; qualified: boolean; qualification: { threshold: number; supports: number } | null };
  try {
    outcome = await db.transaction(async (tx) => {
      const [inserted] = await tx.insert(supports).values({ proposalId, userId: viewer.id }).onConflictDoNothing().returning({ userId: supports.userId });
      if (!inserted) {
        // Already supported (a double click, another tab): nothing changes.
        const [current] = await tx
          .select({ supportCount: proposals.supportCount, qualifiedAt: proposals.qualifiedAt })
          .from(proposals)
          .where(eq(proposals.id, proposalId));
        return { supportCount: current!.supportCount, qualified: current!.qualifiedAt !== null, qualification: null };
      }
      const [counted] = await tx
        .update(proposals)
        .set({ supportCount: sql`${proposals.supportCount} + 1` })
        .where(and(eq(proposals.id, proposalId), stillTakesSupports))
        .returning({
          supportCount: proposals.supportCount,
          status: proposals.status,
          qualifiedAt: proposals.qualifiedAt,
          threshold: sql<number>`(select ${ambitions.supportThreshold} from ${ambitions} where ${ambitions.number} = ${proposals.ambitionNumber})`,
        });
      if (!counted) throw new ClosedMeanwhile();
      await tx.insert(proposalFollows).values({ proposalId, userId: viewer.id }).onConflictDoNothing();

      // The counter update holds the row lock: the status read with it is the latest, so one transaction only
      // makes the transition.
      const threshold = Number(counted.threshold);
      if (counted.status === "published" && counted.supportCount >= threshold) {
        await tx
          .update(proposals)
          .set({ status: "qualified", qualifiedAt: sql`now()` })
          .where(and(eq(proposals.id, proposalId), eq(proposals.status, "published")));
        const qualification = { threshold, supports: counted.supportCount };
        await tx.insert(proposalEvents).values({ proposalId, kind: "qualified", actorId: null, payload: qualification });
        return { supportCount: counted.supportCount, qualified: true, qualification };
      }
      return { supportCount: counted.supportCount, qualified: counted.qualifiedAt !== null, qualification: null };
    });
  } catch (error) {
    if (error instanceof ClosedMeanwhile) return { status: "closed" };
    throw error;
  }

  if (outcome.qualification) await emailAuthorOfQualification(proposalId, outcome.qualification);
  return { status: "ok", supported: true, supportCount: outcome.supportCount, qualified: outcome.qualified, justQualified: outcome.qualification !== null };
}
