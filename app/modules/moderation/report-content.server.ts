import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import type { Viewer } from "#app/modules/auth/permissions.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import { moderationCases, reports } from "#db/schema/index.ts";
import { loadSubject, setSubjectHidden } from "./moderation-subjects.server.ts";
import type { ReportInput } from "./moderation.schema.ts";

export type ReportResult =
  | { status: "ok"; caseId: string; autoHidden: boolean }
  | { status: "already_reported" }
  | { status: "own_content" }
  | { status: "not_found" };

/**
 * A signed-in person reports an item. One transaction: the item's case is opened (or found and locked),
 * the report stored (one per person per item, by a unique constraint), the counters moved. While no
 * moderator has decided, the report that brings the item to `moderation.autoHideThreshold` different
 * people hides it. Once a moderator has decided, new reports are only counted (reports_since_decision):
 * the queue shows them, a moderator reopens the case if needed. Nothing reopens silently.
 */
export async function reportContent({ reporter, input }: { reporter: NonNullable<Viewer>; input: ReportInput }): Promise<ReportResult> {
  const threshold = await getSetting("moderation.autoHideThreshold");
  return db.transaction(async (tx) => {
    const subject = await loadSubject(tx, input.subjectType, input.subjectId);
    if (!subject) return { status: "not_found" } as const;
    if (subject.authorId === reporter.id) return { status: "own_content" } as const;
    const subjectId = input.subjectType === "profile" ? input.subjectId : input.subjectId.toLowerCase();
    const where = and(eq(moderationCases.subjectType, input.subjectType), eq(moderationCases.subjectId, subjectId));

    await tx
      .insert(moderationCases)
      .values({ subjectType: input.subjectType, subjectId, authorId: subject.authorId, quartierCode: subject.quartierCode })
      .onConflictDoNothing();
    const [found] = await tx.select().from(moderationCases).where(where).for("update");
    const moderationCase = found!;

    const stored = await tx
      .insert(reports)
      .values({ caseId: moderationCase.id, subjectType: input.subjectType, subjectId, reporterId: reporter.id, reason: input.reason, details: input.details || null })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!stored.length) return { status: "already_reported" } as const;

    const decided = moderationCase.status !== "pending";
    const reportCount = moderationCase.reportCount + 1;
    // Only before any decision: afterwards the moderators' call stands until one of them reopens the case.
    const autoHide = !decided && moderationCase.decidedAt === null && subject.hiddenAt === null && reportCount >= threshold;
    await tx
      .update(moderationCases)
      .set({
        reportCount,
        reportsSinceDecision: decided ? sql`${moderationCases.reportsSinceDecision} + 1` : moderationCase.reportsSinceDecision,
        autoHiddenAt: autoHide ? sql`now()` : moderationCase.autoHiddenAt,
        updatedAt: sql`now()`,
      })
      .where(eq(moderationCases.id, moderationCase.id));
    if (autoHide) {
      await setSubjectHidden(tx, input.subjectType, subjectId, true);
      await recordAudit(tx, {
        actorId: null,
        action: "moderation.auto_hide",
        subjectType: input.subjectType,
        subjectId,
        changes: { reportCount: { before: reportCount - 1, after: reportCount } },
        // Written by the platform, read by coordinators: in French, like the moderators' own reasons.
        reason: `${reportCount} signalements de personnes différentes (seuil : ${threshold})`,
      });
    }
    return { status: "ok", caseId: moderationCase.id, autoHidden: autoHide } as const;
  });
}
