import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import type { Viewer } from "#app/modules/auth/permissions.ts";
import { moderationCases } from "#db/schema/index.ts";

export type ContestResult = { status: "ok" } | { status: "not_found" } | { status: "not_contestable" };

/**
 * The author of a hidden item contests the hiding, once. The case goes back to the queue as
 * "contested", for another moderator than the one who hid it. Anyone else is told it does not exist.
 */
export async function contestCase({ author, caseId, text }: { author: NonNullable<Viewer>; caseId: string; text: string }): Promise<ContestResult> {
  return db.transaction(async (tx) => {
    const [moderationCase] = await tx.select().from(moderationCases).where(eq(moderationCases.id, caseId)).for("update");
    if (!moderationCase || moderationCase.authorId !== author.id) return { status: "not_found" } as const;
    if (moderationCase.status !== "hidden" || moderationCase.contestedAt) return { status: "not_contestable" } as const;
    await tx.update(moderationCases).set({ status: "contested", contestedAt: sql`now()`, contestText: text, updatedAt: sql`now()` }).where(eq(moderationCases.id, caseId));
    await recordAudit(tx, {
      actorId: author.id,
      action: "moderation.contest",
      subjectType: moderationCase.subjectType,
      subjectId: moderationCase.subjectId,
      reason: text,
      changes: { status: { before: "hidden", after: "contested" } },
    });
    return { status: "ok" } as const;
  });
}
