import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { moderationCases, type ModerationSubjectType, type ReportReason } from "#db/schema/index.ts";

/** Why moderation hid an item, from its case; null when no case says (the page then gives a generic reason). */
export async function hiddenReasonOf(subjectType: ModerationSubjectType, subjectId: string): Promise<ReportReason | null> {
  const [row] = await db
    .select({ reason: moderationCases.hideReason })
    .from(moderationCases)
    .where(and(eq(moderationCases.subjectType, subjectType), eq(moderationCases.subjectId, subjectId)))
    .limit(1);
  return row?.reason ?? null;
}
