import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposalFollows, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { addContribution, sameText } from "./add-contribution.server.ts";

const viewerOf = (user: { id: string; emailVerifiedAt: Date | null }) => ({ id: user.id, emailVerified: user.emailVerifiedAt !== null, roles: [] });

async function setup(status: Parameters<typeof insertProposal>[1]["status"] = "published") {
  const author = await insertUser(db, { password: null, displayName: "Autrice" });
  const resident = await insertUser(db, { password: null, displayName: "Nadia" });
  const proposal = await insertProposal(db, { authorId: author.id, status });
  return { author, resident, proposal };
}

async function counter(proposalId: string) {
  const [row] = await db.select({ count: proposals.contributionCount }).from(proposals).where(eq(proposals.id, proposalId));
  return row!.count;
}

const post = (user: { id: string; emailVerifiedAt: Date | null }, proposalId: string, input: Partial<{ body: string; stance: "for" | "against" | "question" | "testimony" | null; parentId: string | null }> = {}) =>
  addContribution({ viewer: viewerOf(user), proposalId, input: { body: "Très bonne idée, je soutiens.", stance: null, parentId: null, ...input } });

describe("addContribution", () => {
  test("posts with a stance, counts it, and makes the contributor follow the proposal", async () => {
    const { resident, proposal } = await setup();
    const result = await post(resident, proposal.id, { body: "Il faudrait aussi un point d'eau.", stance: "for" });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const [row] = await db.select().from(contributions).where(eq(contributions.id, result.contribution.id));
    expect(row).toMatchObject({ proposalId: proposal.id, authorId: resident.id, parentId: null, stance: "for", body: "Il faudrait aussi un point d'eau.", usefulCount: 0, editedAt: null, deletedAt: null });
    expect(await counter(proposal.id)).toBe(1);
    expect(await db.select().from(proposalFollows).where(eq(proposalFollows.userId, resident.id))).toEqual([expect.objectContaining({ proposalId: proposal.id })]);
  });

  test("a second contribution keeps the follow (no error, one row)", async () => {
    const { resident, proposal } = await setup();
    await post(resident, proposal.id, { body: "Première idée." });
    await post(resident, proposal.id, { body: "Deuxième idée." });
    expect(await db.select().from(proposalFollows).where(eq(proposalFollows.userId, resident.id))).toHaveLength(1);
    expect(await counter(proposal.id)).toBe(2);
  });

  test("replies go one level deep: a reply to a reply joins its top-level thread, without stance", async () => {
    const { author, resident, proposal } = await setup();
    const top = await post(resident, proposal.id, { body: "Et le soir, c'est éclairé ?", stance: "question" });
    if (top.status !== "ok") throw new Error("top");
    const reply = await post(author, proposal.id, { body: "Oui, deux lampadaires sont prévus.", parentId: top.contribution.id, stance: "for" });
    if (reply.status !== "ok") throw new Error("reply");
    expect(reply.contribution.parentId).toBe(top.contribution.id);
    const replyToReply = await post(resident, proposal.id, { body: "Merci pour la réponse.", parentId: reply.contribution.id });
    if (replyToReply.status !== "ok") throw new Error("reply to reply");
    expect(replyToReply.contribution.parentId).toBe(top.contribution.id);
    const rows = await db.select({ id: contributions.id, parentId: contributions.parentId, stance: contributions.stance }).from(contributions);
    expect(rows.find((r) => r.id === reply.contribution.id)).toEqual({ id: reply.contribution.id, parentId: top.contribution.id, stance: null });
    expect(await counter(proposal.id)).toBe(3);
  });

  test("a reply to a contribution of another proposal, unknown, deleted or hidden is refused and writes nothing", async () => {
    const { author, resident, proposal } = await setup();
    const other = await insertProposal(db, { authorId: author.id });
    const elsewhere = await insertContribution(db, { proposalId: other.id, authorId: author.id });
    const deleted = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, deletedAt: new Date() });
    const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, hiddenAt: new Date() });
    const replyOfHidden = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, parentId: hidden.id });
    for (const parentId of [elsewhere.id, "00000000-0000-4000-8000-000000000000", deleted.id, hidden.id, replyOfHidden.id]) {
      expect(await post(resident, proposal.id, { parentId })).toEqual({ status: "parent_unavailable" });
    }
    expect(await counter(proposal.id)).toBe(0);
    expect(await db.select().from(proposalFollows)).toEqual([]);
  });

  test("the same text twice in a row in the same place is refused; elsewhere in the thread it is fine", async () => {
    const { resident, author, proposal } = await setup();
    expect((await post(resident, proposal.id, { body: "Bonne idée !" })).status).toBe("ok");
    expect(await post(resident, proposal.id, { body: "  bonne   IDÉE ! " })).toEqual({ status: "duplicate" });
    // Another person may say the same.
    expect((await post(author, proposal.id, { body: "Bonne idée !" })).status).toBe("ok");
    // After something else, it is not "in a row" any more.
    expect((await post(resident, proposal.id, { body: "Et pourquoi pas un banc ?" })).status).toBe("ok");
    expect((await post(resident, proposal.id, { body: "Bonne idée !" })).status).toBe("ok");
    expect(await counter(proposal.id)).toBe(4);
  });

  test("a double click (two concurrent posts of the same text) is counted once", async () => {
    const { resident, proposal } = await setup();
    const results = await Promise.all([post(resident, proposal.id, { body: "Un double clic." }), post(resident, proposal.id, { body: "Un double clic." })]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "ok"]);
    expect(await db.select().from(contributions)).toHaveLength(1);
    expect(await counter(proposal.id)).toBe(1);
  });

  test("withdrawn, decided, done, hidden proposals are closed; drafts and unknown ones are not found", async () => {
    const { resident, author } = await setup();
    for (const status of ["withdrawn", "decided", "in_progress", "done"] as const) {
      const proposal = await insertProposal(db, { authorId: author.id, status });
      expect(await post(resident, proposal.id)).toEqual({ status: "closed" });
    }
    const hidden = await insertProposal(db, { authorId: author.id });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    expect(await post(resident, hidden.id)).toEqual({ status: "closed" });
    const draft = await insertProposal(db, { authorId: author.id, status: "draft" });
    expect(await post(resident, draft.id)).toEqual({ status: "not_found" });
    expect(await post(resident, "00000000-0000-4000-8000-000000000000")).toEqual({ status: "not_found" });
    for (const status of ["qualified", "under_review", "on_copil_agenda"] as const) {
      const proposal = await insertProposal(db, { authorId: author.id, status });
      expect((await post(resident, proposal.id)).status).toBe("ok");
    }
    expect(await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(contributions)).toEqual([{ n: 3 }]);
  });

  test("an unverified account may not contribute", async () => {
    const { proposal } = await setup();
    const unverified = await insertUser(db, { password: null, verified: false });
    expect(await post(unverified, proposal.id)).toEqual({ status: "forbidden" });
    expect(await counter(proposal.id)).toBe(0);
  });

  test("HTML and SQL are stored as the text typed", async () => {
    const { resident, proposal } = await setup();
    const hostile = `<script>alert(1)</script>'); drop table contributions; --`;
    const result = await post(resident, proposal.id, { body: hostile });
    if (result.status !== "ok") throw new Error("post");
    const [row] = await db.select({ body: contributions.body }).from(contributions).where(eq(contributions.id, result.contribution.id));
    expect(row!.body).toBe(hostile);
  });
});

test("sameText ignores case and spacing only", () => {
  expect(sameText("Bonne idée", " bonne\n\nidée ")).toBe(true);
  expect(sameText("Bonne idée", "Bonne idée !")).toBe(false);
});
