import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { createProposal } from "#app/modules/proposals/create-proposal.server.ts";
import { publishProposal } from "#app/modules/proposals/publish-proposal.server.ts";
import { setSetting } from "#app/modules/settings/platform-settings.server.ts";
import { moderationCases, proposals } from "#db/schema/index.ts";
import { emailsTo, linkIn } from "#tests/helpers/email.ts";
import { person } from "#tests/helpers/moderation.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as proposalPage } from "../../routes/propositions.$id.tsx";
import { decideCase } from "./decide-case.server.ts";
import { isAwaitingApproval } from "./moderation-queries.server.ts";

const input = (title: string) => ({
  title,
  body: "Les parents attendent la sortie des classes debout, en plein soleil.",
  ambitionNumber: 8,
  quartierCode: "QP062024",
  communeSlug: "lens",
  placeDescription: null,
  secondaryAmbitions: [],
  axes: [],
});

async function hiddenAt(id: string) {
  const [row] = await db.select({ hiddenAt: proposals.hiddenAt }).from(proposals).where(eq(proposals.id, id));
  return row!.hiddenAt;
}

describe("pre-moderation", () => {
  test("off by default: a first proposal is public at once", async () => {
    const author = await person("Nouvelle");
    const result = await createProposal({ author: author.viewer, input: input("Des bancs devant l'école Jean Macé"), publish: true });
    expect(result).toMatchObject({ status: "ok", held: false });
    if (result.status !== "ok") return;
    expect(await hiddenAt(result.proposalId)).toBeNull();
    expect(await db.select().from(moderationCases)).toEqual([]);
  });

  test("on: the first published proposal waits hidden with a case; approving makes it public; the second is not held", async () => {
    const admin = await person("Admin", "administrator");
    await setSetting("moderation.preModeration", true, admin.id);
    const author = await person("Nouvelle");
    const draft = await createProposal({ author: author.viewer, input: input("Des bancs devant l'école Jean Macé"), publish: false });
    expect(draft).toMatchObject({ status: "ok", held: false });
    if (draft.status !== "ok") return;
    expect(await publishProposal({ actor: author.viewer, proposalId: draft.proposalId })).toEqual({ status: "ok", held: true });
    expect(await hiddenAt(draft.proposalId)).toBeInstanceOf(Date);
    expect(await isAwaitingApproval(draft.proposalId)).toBe(true);
    const [moderationCase] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, draft.proposalId));
    expect(moderationCase).toMatchObject({ trigger: "premoderation", status: "pending", authorId: author.id, quartierCode: "QP062024", reportCount: 0 });

    // Its author sees it, marked as waiting; anyone else is told it does not exist.
    const page = (cookie?: string) => settle(Promise.resolve(proposalPage(loaderArgs(getRequest(`/propositions/${draft.proposalId}`, { cookie }), { id: draft.proposalId }))));
    const own = await page(await sessionCookieFor(author.id));
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ awaitingApproval: true });
    expect((await page()).status).toBe(404);
    expect((await page(await sessionCookieFor((await person("Voisine")).id))).status).toBe(404);

    const moderator = await person("Modératrice", "moderator");
    expect(await decideCase({ moderator: moderator.viewer, caseId: moderationCase!.id, decision: { kind: "restore", note: "Proposition claire." } })).toEqual({ status: "ok" });
    expect((await page()).status).toBe(200);
    expect(await hiddenAt(draft.proposalId)).toBeNull();
    expect(await isAwaitingApproval(draft.proposalId)).toBe(false);
    // The author, who was told it waits, hears at once that it is public, with the link to it.
    const approved = (await emailsTo(author.email)).filter((m) => m.subject === "Votre proposition est publiée");
    expect(approved).toHaveLength(1);
    expect(approved[0]!.text).toContain("« Des bancs devant l'école Jean Macé »");
    expect(linkIn(approved[0]!, `/propositions/${draft.proposalId}`)).toBe(`/propositions/${draft.proposalId}`);

    const second = await createProposal({ author: author.viewer, input: input("Un composteur au pied des immeubles"), publish: true });
    expect(second).toMatchObject({ status: "ok", held: false });
  });

  test("on: refusing is hiding with a reason, told to the author", async () => {
    const admin = await person("Admin", "administrator");
    await setSetting("moderation.preModeration", true, admin.id);
    const author = await person("Nouvelle");
    const result = await createProposal({ author: author.viewer, input: input("Venez acheter mes produits miracles"), publish: true });
    if (result.status !== "ok") throw new Error("not created");
    expect(result.held).toBe(true);
    const [moderationCase] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, result.proposalId));
    const moderator = await person("Modératrice", "moderator");
    expect(await decideCase({ moderator: moderator.viewer, caseId: moderationCase!.id, decision: { kind: "hide", reason: "spam", note: "Publicité." } })).toEqual({ status: "ok" });
    expect(await hiddenAt(result.proposalId)).toBeInstanceOf(Date);
    expect(await isAwaitingApproval(result.proposalId)).toBe(false);
    expect((await emailsTo(author.email)).map((m) => m.subject)).not.toContain("Votre proposition est publiée");
  });
});
