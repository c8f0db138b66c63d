import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { isOpen } from "#app/modules/proposals/proposal-status.ts";
import { contributions, proposalFollows, proposals } from "#db/schema/index.ts";
import type { NewContributionInput } from "./contribution.schema.ts";

export type AddContributionResult =
  | { status: "ok"; contribution: { id: string; proposalId: string; parentId: string | null } }
  | { status: "forbidden" }
  | { status: "not_found" }
  | { status: "closed" }
  | { status: "parent_unavailable" }
  | { status: "duplicate" };

/** Two texts are the same message when they differ only by case and spacing. */
export function sameText(a: string, b: string) {
  const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
  return norm(a) === norm(b);
}

/**
 * Posts a contribution (or a reply) on an open, visible proposal. In one transaction: the proposal row
 * is locked first, so two posts of the same person (a double click) are checked one after the other
 * and the second is refused as a duplicate; the counter moves with the row; the contributor follows
 * the proposal from now on.
 *
 * Replies go one level deep: a reply to a reply is attached to that reply's top-level parent. A reply
 * has no stance. "Twice in a row" is judged in the same place of the thread (same parent): the same
 * "Merci !" under two different contributions is fine.
 */
export async function addContribution({
  viewer,
  proposalId,
  input,
}: {
  viewer: NonNullable<Viewer>;
  proposalId: string;
  input: NewContributionInput;
}): Promise<AddContributionResult> {
  if (!can(viewer, "participation.write")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select({ id: proposals.id, status: proposals.status, hiddenAt: proposals.hiddenAt })
      .from(proposals)
      .where(eq(proposals.id, proposalId))
      .for("update");
    if (!proposal || proposal.status === "draft") return { status: "not_found" } as const;
    if (!isOpen(proposal.status) || proposal.hiddenAt) return { status: "closed" } as const;

    let parentId: string | null = null;
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: contributions.id, proposalId: contributions.proposalId, parentId: contributions.parentId })
        .from(contributions)
        .where(eq(contributions.id, input.parentId));
      const topId = parent?.parentId ?? parent?.id;
      if (!parent || parent.proposalId !== proposalId || !topId) return { status: "parent_unavailable" } as const;
      const [top] = await tx
        .select({ id: contributions.id })
        .from(contributions)
        .where(and(eq(contributions.id, topId), isNull(contributions.deletedAt), isNull(contributions.hiddenAt)));
      if (!top) return { status: "parent_unavailable" } as const;
      parentId = top.id;
    }

    const [previous] = await tx
      .select({ body: contributions.body })
      .from(contributions)
      .where(
        and(
          eq(contributions.proposalId, proposalId),
          eq(contributions.authorId, viewer.id),
          parentId ? eq(contributions.parentId, parentId) : isNull(contributions.parentId),
          isNull(contributions.deletedAt),
        ),
      )
      .orderBy(desc(contributions.createdAt), desc(contributions.id))
      .limit(1);
    if (previous && sameText(previous.body, input.body)) return { status: "duplicate" } as const;

    const [created] = await tx
      .insert(contributions)
      .values({ proposalId, authorId: viewer.id, parentId, stance: parentId ? null : input.stance, body: input.body })
      .returning({ id: contributions.id });
    await tx
      .update(proposals)
      .set({ contributionCount: sql`${proposals.contributionCount} + 1` })
      .where(eq(proposals.id, proposalId));
    await tx.insert(proposalFollows).values({ proposalId, userId: viewer.id }).onConflictDoNothing();
    // The author of the contribution answered hears about it (the fan-out checks who, and what is still shown).
    if (parentId) await recordNotificationEvent(tx, { kind: "contribution_reply", proposalId, contributionId: created!.id, actorId: viewer.id });
    return { status: "ok", contribution: { id: created!.id, proposalId, parentId } } as const;
  });
}
