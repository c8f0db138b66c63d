import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, contributions, moderationCases, moderationWarnings, reports, users } from "#db/schema/index.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { contributionByAuthor, person } from "#tests/helpers/moderation.ts";
import { contestCase } from "./contest-case.server.ts";
import { decideCase, type Decision } from "./decide-case.server.ts";
import { reportContent } from "./report-content.server.ts";

/** A contribution reported by two people, with its case. */
async function reportedContribution() {
  const { author, contribution } = await contributionByAuthor();
  const reporters = [await person("Une"), await person("Deux")];
  for (const reporter of reporters) await reportContent({ reporter: reporter.viewer, input: { subjectType: "contribution", subjectId: contribution.id, reason: "harassment", details: "" } });
  const [moderationCase] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, contribution.id));
  return { author, contribution, reporters, caseId: moderationCase!.id };
}

const decide = (moderator: Awaited<ReturnType<typeof person>>, caseId: string, decision: Decision) => decideCase({ moderator: moderator.viewer, caseId, decision });

async function state(caseId: string, contributionId: string) {
  const [c] = await db.select().from(moderationCases).where(eq(moderationCases.id, caseId));
  const [item] = await db.select({ hiddenAt: contributions.hiddenAt }).from(contributions).where(eq(contributions.id, contributionId));
  return { ...c!, hidden: item!.hiddenAt !== null };
}

async function auditOf(action: string) {
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.createdAt));
}

describe("decideCase", () => {
  test("hide: the item is hidden, the case decided, the log has who/what/why, the author and the reporters are emailed", async () => {
    const { author, contribution, reporters, caseId } = await reportedContribution();
    const moderator = await person("Modératrice", "moderator");
    expect(await decide(moderator, caseId, { kind: "hide", reason: "harassment", note: "Les insultes ne sont pas permises." })).toEqual({ status: "ok" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "hidden", hidden: true, hideReason: "harassment", decisionNote: "Les insultes ne sont pas permises.", decidedById: moderator.id });
    const [entry] = await auditOf("moderation.hide");
    expect(entry).toMatchObject({ actorId: moderator.id, subjectType: "contribution", subjectId: contribution.id, reason: "Les insultes ne sont pas permises." });
    const [toAuthor] = await emailsTo(author.email);
    expect(toAuthor).toMatchObject({ template: "moderation-hidden" });
    expect(toAuthor!.text).toContain("Les insultes ne sont pas permises.");
    expect(toAuthor!.text).toContain(`/moderation/contestation/${caseId}`);
    for (const reporter of reporters) expect((await emailsTo(reporter.email)).map((m) => m.template)).toEqual(["moderation-report-outcome"]);
    expect(await db.select().from(reports).where(and(eq(reports.caseId, caseId)))).toEqual(expect.arrayContaining([expect.objectContaining({ reporterNotifiedAt: expect.any(Date) })]));
  });

  test("restore and dismiss show the item again; reporters are told once; a decided case cannot be decided again", async () => {
    const { contribution, reporters, caseId } = await reportedContribution();
    await reportContent({ reporter: (await person("Trois")).viewer, input: { subjectType: "contribution", subjectId: contribution.id, reason: "spam", details: "" } });
    expect((await state(caseId, contribution.id)).hidden).toBe(true);
    const moderator = await person("Modérateur", "moderator");
    expect(await decide(moderator, caseId, { kind: "restore", note: "Critique vive mais correcte." })).toEqual({ status: "ok" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "restored", hidden: false });
    expect(await decide(moderator, caseId, { kind: "dismiss", note: "Encore." })).toEqual({ status: "not_allowed" });
    expect((await auditOf("moderation.restore"))[0]).toMatchObject({ actorId: moderator.id, reason: "Critique vive mais correcte." });
    expect((await emailsTo(reporters[0]!.email)).map((m) => m.template)).toEqual(["moderation-report-outcome"]);

    // Reopened explicitly, then dismissed: the reporters already told are not told again.
    expect(await decide(moderator, caseId, { kind: "reopen", note: "Nouveaux signalements." })).toEqual({ status: "ok" });
    expect((await state(caseId, contribution.id)).status).toBe("pending");
    expect(await decide(moderator, caseId, { kind: "dismiss", note: "Rien à reprocher." })).toEqual({ status: "ok" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "dismissed", hidden: false });
    expect(await emailsTo(reporters[0]!.email)).toHaveLength(1);
    expect(await auditOf("moderation.reopen")).toHaveLength(1);
    expect(await auditOf("moderation.dismiss")).toHaveLength(1);
  });

  test("warn stores the warning and emails it; suspend sets suspended_until and emails it; both logged", async () => {
    const { author, caseId } = await reportedContribution();
    const moderator = await person("Modératrice", "moderator");
    expect(await decide(moderator, caseId, { kind: "warn", message: "Restez courtois, s'il vous plaît." })).toEqual({ status: "ok" });
    expect(await db.select().from(moderationWarnings).where(eq(moderationWarnings.userId, author.id))).toEqual([
      expect.objectContaining({ caseId, moderatorId: moderator.id, message: "Restez courtois, s'il vous plaît." }),
    ]);
    const before = Date.now();
    expect(await decide(moderator, caseId, { kind: "suspend", days: 7, message: "Insultes répétées." })).toEqual({ status: "ok" });
    const [row] = await db.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, author.id));
    const days = (row!.suspendedUntil!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect((await emailsTo(author.email)).map((m) => m.template)).toEqual(["moderation-warning", "moderation-suspension"]);
    expect(await auditOf("moderation.warn")).toEqual([expect.objectContaining({ actorId: moderator.id, subjectType: "user", subjectId: author.id })]);
    expect(await auditOf("moderation.suspend")).toEqual([expect.objectContaining({ actorId: moderator.id, subjectType: "user", subjectId: author.id, reason: "Insultes répétées." })]);
  });

  test("a moderator cannot act on a case about their own content; a resident cannot act at all", async () => {
    const moderatorAuthor = await person("Modératrice autrice", "moderator");
    const { contribution } = await contributionByAuthor();
    await db.update(contributions).set({ authorId: moderatorAuthor.id }).where(eq(contributions.id, contribution.id));
    await reportContent({ reporter: (await person("Une")).viewer, input: { subjectType: "contribution", subjectId: contribution.id, reason: "spam", details: "" } });
    const [c] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, contribution.id));
    expect(await decide(moderatorAuthor, c!.id, { kind: "dismiss", note: "Rien." })).toEqual({ status: "own_content" });
    expect(await decide(await person("Habitante"), c!.id, { kind: "dismiss", note: "Rien." })).toEqual({ status: "forbidden" });
    expect(await decide(await person("Autre modérateur", "moderator"), "00000000-0000-4000-8000-000000000000", { kind: "dismiss", note: "Rien." })).toEqual({ status: "not_found" });
    expect((await state(c!.id, contribution.id)).status).toBe("pending");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "moderation.dismiss"))).toEqual([]);
  });
});

describe("contest", () => {
  test("the author contests once; the moderator who hid it may not decide; another one restores it, final, logged and emailed", async () => {
    const { author, contribution, caseId } = await reportedContribution();
    const first = await person("Modératrice", "moderator");
    const second = await person("Administrateur", "administrator");
    await decide(first, caseId, { kind: "hide", reason: "harassment", note: "Insulte." });

    expect(await contestCase({ author: (await person("Quelqu'un")).viewer, caseId, text: "Ce n'est pas à moi mais je conteste." })).toEqual({ status: "not_found" });
    expect(await contestCase({ author: author.viewer, caseId, text: "Je citais quelqu'un d'autre, ce n'était pas une insulte." })).toEqual({ status: "ok" });
    expect(await contestCase({ author: author.viewer, caseId, text: "Et une seconde fois ?" })).toEqual({ status: "not_contestable" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "contested", hidden: true, contestText: "Je citais quelqu'un d'autre, ce n'était pas une insulte." });
    expect(await auditOf("moderation.contest")).toEqual([expect.objectContaining({ actorId: author.id })]);

    expect(await decide(first, caseId, { kind: "contest", outcome: "restore", note: "Je me suis trompée." })).toEqual({ status: "same_moderator" });
    expect((await state(caseId, contribution.id)).status).toBe("contested");
    expect(await decide(second, caseId, { kind: "contest", outcome: "restore", note: "C'était une citation." })).toEqual({ status: "ok" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "restored", hidden: false, contestDecidedById: second.id });
    expect(await auditOf("moderation.contest_restore")).toEqual([expect.objectContaining({ actorId: second.id, reason: "C'était une citation." })]);
    const messages = await emailsTo(author.email);
    expect(messages.map((m) => m.template)).toEqual(["moderation-hidden", "moderation-contest-decision"]);
    expect(messages[1]!.text).toContain("C'était une citation.");

    // Final: nobody reopens or decides it again.
    expect(await decide(first, caseId, { kind: "reopen", note: "Je rouvre." })).toEqual({ status: "not_allowed" });
    expect(await decide(second, caseId, { kind: "contest", outcome: "keep", note: "Finalement non." })).toEqual({ status: "not_allowed" });
  });

  test("a second moderator may also keep the hiding", async () => {
    const { author, contribution, caseId } = await reportedContribution();
    const first = await person("Modératrice", "moderator");
    const second = await person("Modérateur", "moderator");
    await decide(first, caseId, { kind: "hide", reason: "harassment", note: "Insulte." });
    await contestCase({ author: author.viewer, caseId, text: "Je ne suis pas d'accord avec cette décision." });
    expect(await decide(second, caseId, { kind: "contest", outcome: "keep", note: "L'insulte est claire." })).toEqual({ status: "ok" });
    expect(await state(caseId, contribution.id)).toMatchObject({ status: "hidden", hidden: true });
    expect(await auditOf("moderation.contest_keep")).toHaveLength(1);
  });
});
