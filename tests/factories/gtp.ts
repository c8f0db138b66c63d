/**
 * Rows the GTP's tests share (imported by tests only): coordinators, qualified proposals, partners,
 * COPIL meetings, supports and follows, and what a step left behind.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { auditLog, emailOutbox, governanceMeetings, instructingPartners, proposalEvents, proposalFollows, proposals, supports, type ProposalDecision, type ProposalOrigin, type ProposalStatus, type Role } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";

const DAY_MS = 24 * 3600_000;

export async function person(displayName: string, role?: Role, locale: "fr" | "en" = "fr") {
  const user = await insertUser(db, { password: null, displayName, locale, roles: role ? [{ role }] : [] });
  return { ...user, viewer: { id: user.id, emailVerified: true, roles: role ? [{ role, communeSlug: null, quartierCode: null }] : [] } };
}

export type QualifiedInput = {
  authorId?: string | null;
  title?: string;
  status?: ProposalStatus;
  decision?: ProposalDecision | null;
  /** Days since it qualified (default 10). */
  daysAgo?: number;
  qualifiedAt?: Date | null;
  ambitionNumber?: number;
  quartierCode?: string | null;
  communeSlug?: string | null;
  origin?: ProposalOrigin;
  hidden?: boolean;
};

/** As in the app: a direct answer, and every published decision but a postponement, answer the proposal. */
function answeredIn(input: QualifiedInput) {
  const status = input.status ?? "qualified";
  return status === "answered" || status === "in_progress" || status === "done" || (status === "decided" && input.decision !== "postponed");
}

/** A proposal that reached the GTP (qualified by default), by a new author unless told. */
export async function qualifiedProposal(input: QualifiedInput = {}) {
  const authorId = input.authorId === undefined ? (await person("Autrice")).id : input.authorId;
  const proposal = await insertProposal(db, {
    authorId,
    title: input.title,
    ambitionNumber: input.ambitionNumber,
    quartierCode: input.quartierCode,
    communeSlug: input.communeSlug,
    origin: input.origin,
    createdAt: new Date(Date.now() - ((input.daysAgo ?? 10) + 5) * DAY_MS),
  });
  const qualifiedAt = input.qualifiedAt === undefined ? new Date(Date.now() - (input.daysAgo ?? 10) * DAY_MS) : input.qualifiedAt;
  const [row] = await db
    .update(proposals)
    .set({ status: input.status ?? "qualified", decision: input.decision ?? null, qualifiedAt, answeredAt: answeredIn(input) ? new Date() : null, hiddenAt: input.hidden ? new Date() : null })
    .where(eq(proposals.id, proposal.id))
    .returning();
  return row!;
}

export async function partner(name: string, active = true) {
  const [row] = await db.insert(instructingPartners).values({ name, description: "", active }).returning();
  return row!;
}

/** A COPIL meeting, planned in `daysAhead` days by default. */
export async function copilMeeting(input: { daysAhead?: number; status?: "planned" | "held" | "published"; bodyKey?: string; startsAt?: Date } = {}) {
  const [row] = await db
    .insert(governanceMeetings)
    .values({
      bodyKey: input.bodyKey ?? "copil",
      title: "Comité de pilotage du printemps",
      startsAt: input.startsAt ?? new Date(Date.now() + (input.daysAhead ?? 30) * DAY_MS),
      status: input.status ?? "planned",
    })
    .returning();
  return row!;
}

export async function currentVersion(proposalId: string) {
  const [row] = await db.select({ version: proposals.governanceVersion }).from(proposals).where(eq(proposals.id, proposalId));
  return row!.version;
}

export async function proposalRow(proposalId: string) {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  return row!;
}

/** The governance events and audit entries of a proposal (the rows a step writes). */
export async function stepTrail(proposalId: string) {
  const [events, audits] = await Promise.all([
    db
      .select({ kind: proposalEvents.kind, payload: proposalEvents.payload, actorId: proposalEvents.actorId })
      .from(proposalEvents)
      .where(and(eq(proposalEvents.proposalId, proposalId), sql`${proposalEvents.kind} not in ('created', 'published')`))
      .orderBy(asc(proposalEvents.createdAt), asc(proposalEvents.id)),
    db
      .select({ action: auditLog.action, actorId: auditLog.actorId, reason: auditLog.reason, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "proposal"), eq(auditLog.subjectId, proposalId)))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
  ]);
  return { events, audits };
}

export async function addSupport(proposalId: string, userId: string) {
  await db.insert(supports).values({ proposalId, userId });
  await db.update(proposals).set({ supportCount: sql`${proposals.supportCount} + 1` }).where(eq(proposals.id, proposalId));
}

export async function addFollow(proposalId: string, userId: string) {
  await db.insert(proposalFollows).values({ proposalId, userId }).onConflictDoNothing();
}

export async function supportersOf(proposalId: string) {
  return (await db.select({ userId: supports.userId }).from(supports).where(eq(supports.proposalId, proposalId))).map((r) => r.userId).sort();
}

export async function followersOf(proposalId: string) {
  return (await db.select({ userId: proposalFollows.userId }).from(proposalFollows).where(eq(proposalFollows.proposalId, proposalId))).map((r) => r.userId).sort();
}

/** The step emails sent to an address (template proposal-step), oldest first. */
export async function stepEmailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).orderBy(asc(emailOutbox.createdAt));
}
