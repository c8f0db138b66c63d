/**
 * What a case is about, whatever its kind: who wrote it, where, whether it is hidden, and how to hide
 * or show it. Hiding sets `hidden_at` on the item (users.profile_hidden_at for a profile); every public
 * read already leaves such rows out.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { contributions, laboCaptures, proposals, users, type ModerationSubjectType } from "#db/schema/index.ts";

export type SubjectFacts = { authorId: string | null; quartierCode: string | null; hiddenAt: Date | null };

/** The item, if it exists and is public (a draft or a deleted contribution cannot be reported). */
export async function loadSubject(tx: Db, type: ModerationSubjectType, rawId: string): Promise<SubjectFacts | null> {
  if (type === "profile") {
    const [row] = await tx
      .select({ authorId: users.id, quartierCode: users.quartierCode, hiddenAt: users.profileHiddenAt })
      .from(users)
      .where(eq(users.id, rawId));
    return row ?? null;
  }
  const id = parseUuid(rawId);
  if (!id) return null;
  switch (type) {
    case "proposal": {
      const [row] = await tx
        .select({ authorId: proposals.authorId, quartierCode: proposals.quartierCode, hiddenAt: proposals.hiddenAt })
        .from(proposals)
        .where(and(eq(proposals.id, id), sql`${proposals.status} <> 'draft'`));
      return row ?? null;
    }
    case "contribution": {
      const [row] = await tx
        .select({ authorId: contributions.authorId, quartierCode: proposals.quartierCode, hiddenAt: contributions.hiddenAt })
        .from(contributions)
        .innerJoin(proposals, eq(proposals.id, contributions.proposalId))
        .where(and(eq(contributions.id, id), isNull(contributions.deletedAt)));
      return row ?? null;
    }
    case "labo_capture": {
      // Typed by an ambassador on a participant's behalf: the ambassador answers for it.
      const [row] = await tx
        .select({ authorId: laboCaptures.capturedById, quartierCode: laboCaptures.quartierCode, hiddenAt: laboCaptures.hiddenAt })
        .from(laboCaptures)
        .where(eq(laboCaptures.id, id));
      return row ?? null;
    }
  }
}

/** Hides the item (keeping the first hiding time) or shows it again. */
export async function setSubjectHidden(tx: Db, type: ModerationSubjectType, id: string, hidden: boolean) {
  const at = hidden ? sql`coalesce(hidden_at, now())` : null;
  switch (type) {
    case "proposal":
      await tx.update(proposals).set({ hiddenAt: at, updatedAt: sql`now()` }).where(eq(proposals.id, id));
      return;
    case "contribution": {
      // The proposal's contribution count leaves hidden ones out (as it leaves deleted ones out): it moves
      // only when the hidden state really changes, for a contribution that is not deleted.
      const [changed] = await tx
        .update(contributions)
        .set({ hiddenAt: at })
        .where(and(eq(contributions.id, id), hidden ? isNull(contributions.hiddenAt) : isNotNull(contributions.hiddenAt)))
        .returning({ proposalId: contributions.proposalId, deletedAt: contributions.deletedAt });
      if (changed && !changed.deletedAt) {
        await tx
          .update(proposals)
          .set({ contributionCount: hidden ? sql`greatest(${proposals.contributionCount} - 1, 0)` : sql`${proposals.contributionCount} + 1` })
          .where(eq(proposals.id, changed.proposalId));
      }
      return;
    }
    case "labo_capture":
      await tx.update(laboCaptures).set({ hiddenAt: at }).where(eq(laboCaptures.id, id));
      return;
    case "profile":
      await tx.update(users).set({ profileHiddenAt: hidden ? sql`coalesce(profile_hidden_at, now())` : null }).where(eq(users.id, id));
      return;
  }
}
