import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { moderationCases, moderationWarnings, proposals, reports, users, type ReportReason } from "#db/schema/index.ts";
import { sendModerationEmails, type PendingEmail, type Recipient } from "./moderation-emails.server.ts";
import { setSubjectHidden } from "./moderation-subjects.server.ts";

export type Decision =
  | { kind: "hide"; reason: ReportReason; note: string }
  | { kind: "restore"; note: string }
  | { kind: "dismiss"; note: string }
  | { kind: "reopen"; note: string }
  | { kind: "warn"; message: string }
  | { kind: "suspend"; days: number; message: string }
  | { kind: "contest"; outcome: "keep" | "restore"; note: string };
export type DecisionKind = Decision["kind"];

export type DecideResult =
  | { status: "ok" }
  | { status: "not_found" }
  | { status: "forbidden" }
  /** The case is about the moderator's own content. */
  | { status: "own_content" }
  /** A contest goes to another moderator than the one who hid the item. */
  | { status: "same_moderator" }
  /** The action does not fit the case's state (already decided, not contested, no author…). */
  | { status: "not_allowed" };

type ModerationCase = typeof moderationCases.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

async function recipient(tx: Db, userId: string | null): Promise<Recipient | null> {
  if (!userId) return null;
  const [row] = await tx.select({ email: users.email, locale: users.locale, displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** Tells the reporters not yet told, once, and marks them told. */
async function reporterOutcomes(tx: Db, moderationCase: ModerationCase, hidden: boolean): Promise<PendingEmail[]> {
  const waiting = await tx
    .update(reports)
    .set({ reporterNotifiedAt: sql`now()` })
    .where(and(eq(reports.caseId, moderationCase.id), isNull(reports.reporterNotifiedAt)))
    .returning({ reporterId: reports.reporterId });
  const ids = waiting.flatMap((r) => (r.reporterId ? [r.reporterId] : []));
  if (!ids.length) return [];
  const people = await tx.select({ email: users.email, locale: users.locale, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return people.map((to) => ({ kind: "outcome", to, subjectType: moderationCase.subjectType, hidden }) as const);
}

/** Whether the case is about a proposal that is hidden right now. */
async function isHiddenProposal(tx: Db, moderationCase: ModerationCase) {
  if (moderationCase.subjectType !== "proposal") return false;
  const [row] = await tx.select({ hiddenAt: proposals.hiddenAt }).from(proposals).where(eq(proposals.id, moderationCase.subjectId));
  return Boolean(row?.hiddenAt);
}

/** A proposal hidden or shown again: its author is notified (nobody else: it was not public meanwhile). */
async function noticeToAuthor(tx: Db, moderationCase: ModerationCase, moderatorId: string, kind: "proposal_hidden" | "proposal_restored", payload: Record<string, unknown> = {}) {
  if (moderationCase.subjectType !== "proposal") return;
  await recordNotificationEvent(tx, { kind, proposalId: moderationCase.subjectId, actorId: moderatorId, payload: { ...payload, trigger: moderationCase.trigger } });
}

/** What a decision writes in the audit log, as `moderation.<this>` (each has a label on /admin/journal). */
export const MODERATION_DECISION_AUDITS = ["hide", "restore", "dismiss", "reopen", "contest_keep", "contest_restore"] as const;
type ModerationDecisionAudit = (typeof MODERATION_DECISION_AUDITS)[number];

/**
 * A moderator acts on a case. One transaction per action: the case (locked), the item's visibility,
 * the author's account when warned or suspended, and the audit entry (who, what, why). Emails leave
 * after the commit. Moderators change what is shown, never what was written.
 *
 * - hide / restore / dismiss decide a pending case (restore of a pre-moderated proposal = approve it);
 * - reopen puts a decided case back in the queue (after new reports), except a contest's final decision;
 * - warn / suspend reach the author, whatever the case's state;
 * - contest decides a contested case, by another moderator than the one who hid the item: final.
 */
export async function decideCase({ moderator, caseId, decision }: { moderator: NonNullable<Viewer>; caseId: string; decision: Decision }): Promise<DecideResult> {
  if (!can(moderator, "moderation.act")) return { status: "forbidden" };
  const outcome = await db.transaction(async (tx): Promise<{ result: DecideResult; emails: PendingEmail[] }> => {
    const refuse = (status: Exclude<DecideResult["status"], "ok">) => ({ result: { status } as DecideResult, emails: [] });
    const [moderationCase] = await tx.select().from(moderationCases).where(eq(moderationCases.id, caseId)).for("update");
    if (!moderationCase) return refuse("not_found");
    if (moderationCase.authorId === moderator.id) return refuse("own_content");
    const { subjectType, subjectId } = moderationCase;
    const audit = (action: ModerationDecisionAudit, reason: string, changes?: Record<string, { before: unknown; after: unknown }>) =>
      recordAudit(tx, { actorId: moderator.id, action: `moderation.${action}`, subjectType, subjectId, reason, changes });
    const statusChange = (after: string) => ({ status: { before: moderationCase.status, after } });
    const author = () => recipient(tx, moderationCase.authorId);
    const emails: PendingEmail[] = [];

    switch (decision.kind) {
      case "hide": {
        if (moderationCase.status !== "pending") return refuse("not_allowed");
        await setSubjectHidden(tx, subjectType, subjectId, true);
        await noticeToAuthor(tx, moderationCase, moderator.id, "proposal_hidden", { reason: decision.reason });
        await tx
          .update(moderationCases)
          .set({ status: "hidden", hideReason: decision.reason, decisionNote: decision.note, decidedAt: sql`now()`, decidedById: moderator.id, reportsSinceDecision: 0, updatedAt: sql`now()` })
          .where(eq(moderationCases.id, caseId));
        await audit("hide", decision.note, { ...statusChange("hidden"), hideReason: { before: moderationCase.hideReason, after: decision.reason } });
        const to = await author();
        if (to) emails.push({ kind: "hidden", to, subjectType, reason: decision.reason, note: decision.note, caseId });
        emails.push(...(await reporterOutcomes(tx, moderationCase, true)));
        break;
      }
      case "restore":
      case "dismiss": {
        if (moderationCase.status !== "pending") return refuse("not_allowed");
        const status = decision.kind === "restore" ? "restored" : "dismissed";
        if (await isHiddenProposal(tx, moderationCase)) await noticeToAuthor(tx, moderationCase, moderator.id, "proposal_restored");
        await setSubjectHidden(tx, subjectType, subjectId, false);
        await tx
          .update(moderationCases)
          .set({ status, hideReason: null, decisionNote: decision.note, decidedAt: sql`now()`, decidedById: moderator.id, reportsSinceDecision: 0, updatedAt: sql`now()` })
          .where(eq(moderationCases.id, caseId));
        await audit(decision.kind, decision.note, statusChange(status));
        emails.push(...(await reporterOutcomes(tx, moderationCase, false)));
        // A first proposal held by pre-moderation goes public: its author has been waiting for this.
        if (decision.kind === "restore" && moderationCase.trigger === "premoderation" && subjectType === "proposal") {
          const to = await author();
          const [proposal] = await tx.select({ title: proposals.title }).from(proposals).where(eq(proposals.id, subjectId));
          if (to && proposal) emails.push({ kind: "approved", to, proposalId: subjectId, title: proposal.title });
        }
        break;
      }
      case "reopen": {
        const decided = moderationCase.status === "hidden" || moderationCase.status === "restored" || moderationCase.status === "dismissed";
        if (!decided || moderationCase.contestDecidedAt) return refuse("not_allowed");
        await tx.update(moderationCases).set({ status: "pending", reportsSinceDecision: 0, updatedAt: sql`now()` }).where(eq(moderationCases.id, caseId));
        await audit("reopen", decision.note, statusChange("pending"));
        break;
      }
      case "warn": {
        if (!moderationCase.authorId) return refuse("not_allowed");
        await tx.insert(moderationWarnings).values({ userId: moderationCase.authorId, caseId, moderatorId: moderator.id, message: decision.message });
        await recordAudit(tx, { actorId: moderator.id, action: "moderation.warn", subjectType: "user", subjectId: moderationCase.authorId, reason: decision.message });
        const to = await author();
        if (to) emails.push({ kind: "warning", to, message: decision.message });
        break;
      }
      case "suspend": {
        if (!moderationCase.authorId) return refuse("not_allowed");
        const until = new Date(Date.now() + decision.days * DAY_MS);
        const [before] = await tx.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, moderationCase.authorId));
        await tx.update(users).set({ suspendedUntil: until }).where(eq(users.id, moderationCase.authorId));
        await recordAudit(tx, {
          actorId: moderator.id,
          action: "moderation.suspend",
          subjectType: "user",
          subjectId: moderationCase.authorId,
          reason: decision.message,
          changes: { suspendedUntil: { before: before?.suspendedUntil?.toISOString() ?? null, after: until.toISOString() }, days: { before: null, after: decision.days } },
        });
        const to = await author();
        if (to) emails.push({ kind: "suspension", to, until, message: decision.message });
        break;
      }
      case "contest": {
        if (moderationCase.status !== "contested") return refuse("not_allowed");
        if (moderationCase.decidedById === moderator.id) return refuse("same_moderator");
        const restored = decision.outcome === "restore";
        const status = restored ? "restored" : "hidden";
        if (restored && (await isHiddenProposal(tx, moderationCase))) await noticeToAuthor(tx, moderationCase, moderator.id, "proposal_restored");
        if (restored) await setSubjectHidden(tx, subjectType, subjectId, false);
        await tx
          .update(moderationCases)
          .set({ status, contestDecidedAt: sql`now()`, contestDecidedById: moderator.id, updatedAt: sql`now()` })
          .where(eq(moderationCases.id, caseId));
        await audit(restored ? "contest_restore" : "contest_keep", decision.note, statusChange(status));
        const to = await author();
        if (to) emails.push({ kind: "contest", to, subjectType, restored, note: decision.note });
        break;
      }
    }
    return { result: { status: "ok" }, emails };
  });
  await sendModerationEmails(outcome.emails);
  return outcome.result;
}
