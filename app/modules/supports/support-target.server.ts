import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { isOpen, OPEN_STATUSES } from "#app/modules/proposals/proposal-status.ts";
import { proposals, type ProposalStatus } from "#db/schema/index.ts";

export type SupportTarget = { status: ProposalStatus; hiddenAt: Date | null; authorId: string | null };

/** The facts about a proposal that decide whether it may be supported (read before the transaction). */
export async function findSupportTarget(proposalId: string): Promise<SupportTarget | null> {
  const [row] = await db
    .select({ status: proposals.status, hiddenAt: proposals.hiddenAt, authorId: proposals.authorId })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .limit(1);
  return row ?? null;
}

/** Drafts belong to their author: to anyone else they do not exist. */
export function visibleTo(target: SupportTarget | null, viewerId: string): target is SupportTarget {
  return target !== null && (target.status !== "draft" || target.authorId === viewerId);
}

/** Supports are taken, and withdrawn, only while the proposal is open and not hidden by moderation. */
export function takesSupports(target: SupportTarget) {
  return isOpen(target.status) && target.hiddenAt === null;
}

/**
 * The same rule in SQL, for the counter update: a proposal withdrawn or hidden after the first read is
 * caught there, under the row lock the update takes, so no support slips in after it closed.
 */
export const stillTakesSupports = and(inArray(proposals.status, [...OPEN_STATUSES]), isNull(proposals.hiddenAt));

/** Thrown inside a transaction to undo it when the proposal closed meanwhile. */
export class ClosedMeanwhile extends Error {
  constructor() {
    super("The proposal closed during the transaction");
  }
}
