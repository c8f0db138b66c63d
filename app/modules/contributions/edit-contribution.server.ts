import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { isOpen } from "#app/modules/proposals/proposal-status.ts";
import { contributions, proposals } from "#db/schema/index.ts";
import { EDIT_WINDOW_MS } from "./contribution-params.ts";
import type { EditContributionInput } from "./contribution.schema.ts";

export type EditContributionResult =
  | { status: "ok"; proposalId: string }
  | { status: "not_found" }
  | { status: "forbidden" }
  | { status: "closed"; proposalId: string }
  | { status: "too_late"; proposalId: string };

/** The author may fix their words within the window after posting, while the proposal is open. */
export function stillEditable(createdAt: Date, now: Date) {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}

/**
 * Changes the text (and, for a top-level contribution, the stance) of one's own contribution within
 * 15 minutes of posting it. Deleted or hidden contributions are gone for everyone, their author too.
 * `now` is the clock (tests pass their own).
 */
export async function editContribution({
  viewerId,
  contributionId,
  input,
  now = new Date(),
}: {
  viewerId: string;
  contributionId: string;
  input: EditContributionInput;
  now?: Date;
}): Promise<EditContributionResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        authorId: contributions.authorId,
        proposalId: contributions.proposalId,
        parentId: contributions.parentId,
        body: contributions.body,
        stance: contributions.stance,
        createdAt: contributions.createdAt,
        deletedAt: contributions.deletedAt,
        hiddenAt: contributions.hiddenAt,
        proposalStatus: proposals.status,
        proposalHiddenAt: proposals.hiddenAt,
      })
      .from(contributions)
      .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
      .where(eq(contributions.id, contributionId))
      .for("update", { of: contributions });
    if (!row || row.deletedAt || row.hiddenAt || row.proposalStatus === "draft") return { status: "not_found" } as const;
    if (row.authorId !== viewerId) return { status: "forbidden" } as const;
    if (!isOpen(row.proposalStatus) || row.proposalHiddenAt) return { status: "closed", proposalId: row.proposalId } as const;
    if (!stillEditable(row.createdAt, now)) return { status: "too_late", proposalId: row.proposalId } as const;
    const stance = row.parentId ? null : input.stance;
    // Saving the same words again is not an edit: no « modifiée » marker for nothing.
    if (row.body !== input.body || row.stance !== stance) {
      await tx.update(contributions).set({ body: input.body, stance, editedAt: now }).where(eq(contributions.id, contributionId));
    }
    return { status: "ok", proposalId: row.proposalId } as const;
  });
}
