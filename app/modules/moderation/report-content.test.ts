import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { setSetting } from "#app/modules/settings/platform-settings.server.ts";
import { auditLog, contributions, moderationCases, reports, users } from "#db/schema/index.ts";
import { contributionByAuthor, person } from "#tests/helpers/moderation.ts";
import { decideCase } from "./decide-case.server.ts";
import { reportContent } from "./report-content.server.ts";

type Reporter = Awaited<ReturnType<typeof person>>;
const report = (reporter: Reporter, subjectId: string, subjectType: "contribution" | "proposal" | "profile" = "contribution", reason: "spam" | "harassment" = "harassment") =>
  reportContent({ reporter: reporter.viewer, input: { subjectType, subjectId, reason, details: "" } });

async function caseOf(subjectId: string) {
  const [row] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, subjectId));
  return row!;
}
async function hiddenAt(contributionId: string) {
  const [row] = await db.select({ hiddenAt: contributions.hiddenAt }).from(contributions).where(eq(contributions.id, contributionId));
  return row!.hiddenAt;
}

describe("reportContent", () => {
  test("opens one case per item, carrying its author and quartier, and counts each report", async () => {
    const { author, contribution } = await contributionByAuthor();
    const first = await report(await person("Une"), contribution.id);
    expect(first).toMatchObject({ status: "ok", autoHidden: false });
    await report(await person("Deux"), contribution.id, "contribution", "spam");
    const moderationCase = await caseOf(contribution.id);
    expect(moderationCase).toMatchObject({ subjectType: "contribution", authorId: author.id, quartierCode: "QP062024", trigger: "reports", status: "pending", reportCount: 2 });
    expect(await db.select().from(reports).where(eq(reports.caseId, moderationCase.id))).toHaveLength(2);
    expect(await hiddenAt(contribution.id)).toBeNull();
  });

  test("one report per person per item: the second is answered, not stored", async () => {
    const { contribution } = await contributionByAuthor();
    const reporter = await person("Une");
    await report(reporter, contribution.id);
    expect(await report(reporter, contribution.id, "contribution", "spam")).toEqual({ status: "already_reported" });
    expect((await caseOf(contribution.id)).reportCount).toBe(1);
  });

  test("nobody reports their own content, and an unknown or malformed item is not found", async () => {
    const { author, contribution } = await contributionByAuthor();
    expect(await report(author, contribution.id)).toEqual({ status: "own_content" });
    expect(await report(author, author.id, "profile")).toEqual({ status: "own_content" });
    expect(await report(await person("Une"), "00000000-0000-4000-8000-000000000000")).toEqual({ status: "not_found" });
    expect(await report(await person("Deux"), "pas-un-id", "proposal")).toEqual({ status: "not_found" });
    expect(await db.select().from(moderationCases)).toEqual([]);
  });

  test("the report of the third different person hides the item at once, and the log says so", async () => {
    const { contribution } = await contributionByAuthor();
    await report(await person("Une"), contribution.id);
    await report(await person("Deux"), contribution.id);
    expect(await hiddenAt(contribution.id)).toBeNull();
    expect(await report(await person("Trois"), contribution.id)).toMatchObject({ status: "ok", autoHidden: true });
    expect(await hiddenAt(contribution.id)).toBeInstanceOf(Date);
    const moderationCase = await caseOf(contribution.id);
    expect(moderationCase.status).toBe("pending");
    expect(moderationCase.autoHiddenAt).toBeInstanceOf(Date);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "moderation.auto_hide"), eq(auditLog.subjectId, contribution.id)));
    expect(entries).toHaveLength(1);
  });

  test("the threshold is the administrator's setting", async () => {
    const admin = await person("Admin", "administrator");
    await setSetting("moderation.autoHideThreshold", 2, admin.id);
    const { contribution } = await contributionByAuthor();
    await report(await person("Une"), contribution.id);
    expect(await report(await person("Deux"), contribution.id)).toMatchObject({ autoHidden: true });
  });

  test("a profile can be reported; hiding it sets profile_hidden_at", async () => {
    const target = await person("Profil douteux");
    for (const name of ["Une", "Deux", "Trois"]) await report(await person(name), target.id, "profile");
    const [row] = await db.select({ profileHiddenAt: users.profileHiddenAt }).from(users).where(eq(users.id, target.id));
    expect(row!.profileHiddenAt).toBeInstanceOf(Date);
    expect((await caseOf(target.id)).authorId).toBe(target.id);
  });

  test("reports after a decision do not reopen the case: they are counted for the moderators", async () => {
    const { contribution } = await contributionByAuthor();
    await report(await person("Une"), contribution.id);
    const moderator = await person("Modératrice", "moderator");
    const { id } = await caseOf(contribution.id);
    expect(await decideCase({ moderator: moderator.viewer, caseId: id, decision: { kind: "dismiss", note: "Rien de grave." } })).toEqual({ status: "ok" });
    for (const name of ["Deux", "Trois", "Quatre"]) expect(await report(await person(name), contribution.id)).toMatchObject({ status: "ok", autoHidden: false });
    expect(await caseOf(contribution.id)).toMatchObject({ status: "dismissed", reportCount: 4, reportsSinceDecision: 3 });
    expect(await hiddenAt(contribution.id)).toBeNull();
  });
});
