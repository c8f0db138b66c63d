import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { emailProposalAuthor } from "#app/modules/proposals/email-author.server.ts";
import { recordNotificationEvents } from "#app/modules/notifications/record-notification-event.server.ts";
import { proposalEvents, proposals } from "#db/schema/index.ts";

export type QualificationCounts = { threshold: number; supports: number };
export type QualifiedProposal = { id: string; counts: QualificationCounts };

/**
 * Qualifies the published, visible proposals of an ambition that have at least `threshold` supports, with
 * their timeline event. Runs inside the caller's transaction (the threshold change).
 */
export async function qualifyProposalsAtThreshold(tx: Db, ambitionNumber: number, threshold: number): Promise<QualifiedProposal[]> {
  const rows = await tx
    .update(proposals)
    .set({ status: "qualified", qualifiedAt: sql`now()` })
    .where(and(eq(proposals.ambitionNumber, ambitionNumber), eq(proposals.status, "published"), isNull(proposals.hiddenAt), gte(proposals.supportCount, threshold)))
    .returning({ id: proposals.id, supports: proposals.supportCount });
  const qualified = rows.map((row) => ({ id: row.id, counts: { threshold, supports: row.supports } }));
  if (qualified.length) await tx.insert(proposalEvents).values(qualified.map((q) => ({ proposalId: q.id, kind: "qualified" as const, actorId: null, payload: q.counts })));
  await recordNotificationEvents(tx, qualified.map((q) => ({ kind: "proposal_step" as const, proposalId: q.id, payload: { ...q.counts, step: "qualified" } })));
  return qualified;
}

/** After commit. A failure is logged, never thrown: the support itself is recorded either way. */
export async function emailAuthorOfQualification(proposalId: string, counts: { threshold: number; supports: number }) {
  await emailProposalAuthor(proposalId, "proposal-qualified", (author) => ({ ...author, ...counts }));
}
