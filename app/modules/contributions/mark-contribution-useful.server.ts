import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { isOpen } from "#app/modules/proposals/proposal-status.ts";
import { contributions, contributionUsefulMarks, proposals } from "#db/schema/index.ts";

export type UsefulResult =
  | { status: "ok"; proposalId: string; usefulCount: number; marked: boolean }
  | { status: "forbidden" }
  | { status: "not_found" }
  | { status: "own" }
  | { status: "closed"; proposalId: string };

/**
 * Marks a contribution useful (marked = true) or takes the mark back (false). One mark per person
 * (the primary key decides, so a double click or two tabs count once); never on one's own words;
 * only on visible contributions of open proposals. useful_count moves in the same transaction as the
 * mark, and only when a mark was really added or removed, so it always equals the rows.
 */
export async function setContributionUseful({
  viewer,
  contributionId,
  marked,
}: {
  viewer: NonNullable<Viewer>;
  contributionId: string;
  marked: boolean;
}): Promise<UsefulResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        authorId: contributions.authorId,
        proposalId: contributions.proposalId,
        usefulCount: contributions.usefulCount,
        deletedAt: contributions.deletedAt,
        hiddenAt: contributions.hiddenAt,
        proposalStatus: proposals.status,
        proposalHiddenAt: proposals.hiddenAt,
      })
      .from(contributions)
      .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
      .where(eq(contributions.id, contributionId));
    if (!row || row.deletedAt || row.hiddenAt || row.proposalStatus === "draft") return { status: "not_found" } as const;
    if (row.authorId === viewer.id) return { status: "own" } as const;
    if (!isOpen(row.proposalStatus) || row.proposalHiddenAt) return { status: "closed", proposalId: row.proposalId } as const;

    const changed = marked
      ? await tx.insert(contributionUsefulMarks).values({ contributionId, userId: viewer.id }).onConflictDoNothing().returning({ id: contributionUsefulMarks.contributionId })
      : await tx
          .delete(contributionUsefulMarks)
          .where(and(eq(contributionUsefulMarks.contributionId, contributionId), eq(contributionUsefulMarks.userId, viewer.id)))
          .returning({ id: contributionUsefulMarks.contributionId });
    let usefulCount = row.usefulCount;
    if (changed.length) {
      const [updated] = await tx
        .update(contributions)
        .set({ usefulCount: sql`${contributions.usefulCount} + ${marked ? 1 : -1}` })
        .where(eq(contributions.id, contributionId))
        .returning({ usefulCount: contributions.usefulCount });
      usefulCount = updated!.usefulCount;
    } else {
      // Nothing changed here, but another person's mark may have landed since the first read.
      const [current] = await tx.select({ usefulCount: contributions.usefulCount }).from(contributions).where(eq(contributions.id, contributionId));
      usefulCount = current!.usefulCount;
    }
    return { status: "ok", proposalId: row.proposalId, usefulCount, marked } as const;
  });
}
