import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contestCase } from "#app/modules/moderation/contest-case.server.ts";
import { reportContent } from "#app/modules/moderation/report-content.server.ts";
import { contributions, moderationCases, roleGrants } from "#db/schema/index.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { contributionByAuthor, person } from "#tests/helpers/moderation.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./moderation.$caseId.tsx";
import { loader as queueLoader } from "./moderation._index.tsx";

async function reported() {
  const setup = await contributionByAuthor();
  const reporter = await person("Nadia Signale");
  const result = await reportContent({ reporter: reporter.viewer, input: { subjectType: "contribution", subjectId: setup.contribution.id, reason: "harassment", details: "Des insultes." } });
  if (result.status !== "ok") throw new Error(result.status);
  return { ...setup, reporter, caseId: result.caseId };
}

const act = (caseId: string, form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest(`/moderation/${caseId}`, form, { cookie }), { caseId })));

describe("/moderation/:caseId", () => {
  test("shows the content in context, the reports with the reporter's name, and the author's history", async () => {
    const { caseId, contribution, proposal, author } = await reported();
    const moderator = await person("Modératrice", "moderator");
    const response = await settle(Promise.resolve(loader(loaderArgs(getRequest(`/moderation/${caseId}`, { cookie: await sessionCookieFor(moderator.id) }), { caseId }))));
    const data = await response.json();
    expect(data.moderationCase.subject).toMatchObject({ kind: "contribution", id: contribution.id, body: "Des mots qui fâchent.", proposalId: proposal.id });
    expect(data.reports).toEqual([expect.objectContaining({ reason: "harassment", details: "Des insultes.", reporterName: "Nadia Signale" })]);
    expect(data.author).toMatchObject({ name: author.displayName, suspendedUntil: null });
  });

  test("hiding needs a reason and a note (400, typed text kept); then it hides and comes back with a confirmation", async () => {
    const { caseId, contribution } = await reported();
    const moderator = await person("Modératrice", "moderator");
    const cookie = await sessionCookieFor(moderator.id);
    const bad = await act(caseId, { intent: "hide", reason: "", note: "Mon explication" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ intent: "hide", errors: { reason: "moderation:validation.reasonRequired" }, values: { note: "Mon explication" } });
    const ok = await act(caseId, { intent: "hide", reason: "harassment", note: "Insultes." }, cookie);
    expect(ok.headers.get("Location")).toBe(`/moderation/${caseId}`);
    expect(await flashSetBy(ok)).toBe("moderation:flash.hide");
    const [row] = await db.select({ hiddenAt: contributions.hiddenAt }).from(contributions).where(eq(contributions.id, contribution.id));
    expect(row!.hiddenAt).toBeInstanceOf(Date);
  });

  test("a moderator cannot open or act on a case about their own content (403, with an explanation)", async () => {
    const { caseId, author } = await reported();
    // The author is given the moderator role: still their own content.
    await db.insert(roleGrants).values({ userId: author.id, role: "moderator" });
    const cookie = await sessionCookieFor(author.id);
    const page = await settle(Promise.resolve(loader(loaderArgs(getRequest(`/moderation/${caseId}`, { cookie }), { caseId }))));
    expect(page.status).toBe(403);
    expect(await page.json()).toMatchObject({ own: true });
    const refused = await act(caseId, { intent: "dismiss", note: "Rien à redire." }, cookie);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: { form: "moderation:case.errors.ownContent" } });
    const [c] = await db.select().from(moderationCases).where(eq(moderationCases.id, caseId));
    expect(c!.status).toBe("pending");
  });

  test("a contest decided by the moderator who hid it is refused with an explanation; another one decides", async () => {
    const { caseId, author } = await reported();
    const first = await person("Modératrice", "moderator");
    const second = await person("Admin", "administrator");
    await act(caseId, { intent: "hide", reason: "harassment", note: "Insultes." }, await sessionCookieFor(first.id));
    await contestCase({ author: author.viewer, caseId, text: "Ce n'était pas une insulte." });
    const refused = await act(caseId, { intent: "contest", outcome: "restore", note: "Je change d'avis." }, await sessionCookieFor(first.id));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: { form: "moderation:case.errors.sameModerator" } });
    const decided = await act(caseId, { intent: "contest", outcome: "restore", note: "Une citation." }, await sessionCookieFor(second.id));
    expect(await flashSetBy(decided)).toBe("moderation:flash.contest");
  });

  test("the queue lists waiting cases first, oldest first, with their counts, and filters by kind and reason", async () => {
    const older = await reported();
    const newer = await reported();
    const moderator = await person("Modératrice", "moderator");
    const cookie = await sessionCookieFor(moderator.id);
    const load = async (query: string) => (await settle(Promise.resolve(queueLoader(loaderArgs(getRequest(`/moderation${query}`, { cookie })))))).json();
    const all = await load("");
    expect(all.waiting.map((r: { id: string }) => r.id)).toEqual([older.caseId, newer.caseId]);
    expect(all.waiting[0]).toMatchObject({ subjectType: "contribution", reportCount: 1, reasons: ["harassment"], autoHidden: false, quartierName: expect.any(String) });
    expect((await load("?type=proposal")).waiting).toEqual([]);
    expect((await load("?motif=spam")).waiting).toEqual([]);
    expect((await load("?motif=harassment&type=contribution&quartier=QP062024")).waiting).toHaveLength(2);
  });
});
