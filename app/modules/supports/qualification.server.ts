import { and, eq, gte, isNull, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { sendEmail } from "#app/modules/email/send-email.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { proposalEvents, proposals, users } from "#db/schema/index.ts";

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
  return qualified;
}

/** After commit. A failure is logged, never thrown: the support itself is recorded either way. */
export async function emailAuthorOfQualification(proposalId: string, counts: { threshold: number; supports: number }) {
  try {
    const [author] = await db
      .select({ email: users.email, displayName: users.displayName, locale: users.locale, title: proposals.title })
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(eq(proposals.id, proposalId))
      .limit(1);
    if (!author) return; // the author deleted their account
    await sendEmail({
      to: author.email,
      locale: author.locale,
      template: "proposal-qualified",
      data: { displayName: author.displayName, title: author.title, url: `${appUrl}${proposalPath(proposalId)}`, ...counts },
    });
  } catch (error) {
    console.error(`The qualification email for proposal ${proposalId} could not be sent:`, error);
  }
}
