import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { addContribution } from "./add-contribution.server.ts";
import { deleteContribution } from "./delete-contribution.server.ts";

const viewerOf = (user: { id: string }) => ({ id: user.id, emailVerified: true, roles: [] });

async function counter(proposalId: string) {
  const [row] = await db.select({ count: proposals.contributionCount }).from(proposals).where(eq(proposals.id, proposalId));
  return row!.count;
}

async function setup() {
  const author = await insertUser(db, { password: null });
  const other = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
  const proposal = await insertProposal(db, { authorId: other.id });
  const posted = await addContribution({ viewer: viewerOf(author), proposalId: proposal.id, input: { body: "Je retire ce que j'ai dit.", stance: "against", parentId: null } });
  if (posted.status !== "ok") throw new Error("post");
  return { author, other, proposal, id: posted.contribution.id };
}

describe("deleteContribution", () => {
  test("soft-deletes one's own contribution and counts it out, once", async () => {
    const { author, proposal, id } = await setup();
    expect(await counter(proposal.id)).toBe(1);
    expect(await deleteContribution({ viewerId: author.id, contributionId: id })).toEqual({ status: "ok", proposalId: proposal.id });
    const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await counter(proposal.id)).toBe(0);
    expect(await deleteContribution({ viewerId: author.id, contributionId: id })).toEqual({ status: "already_deleted", proposalId: proposal.id });
    expect(await counter(proposal.id)).toBe(0);
  });

  test("two concurrent deletes count it out once", async () => {
    const { author, proposal, id } = await setup();
    const results = await Promise.all([deleteContribution({ viewerId: author.id, contributionId: id }), deleteContribution({ viewerId: author.id, contributionId: id })]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_deleted", "ok"]);
    expect(await counter(proposal.id)).toBe(0);
  });

  test("replies stay when their parent is deleted", async () => {
    const { author, other, proposal, id } = await setup();
    await addContribution({ viewer: viewerOf(other), proposalId: proposal.id, input: { body: "Dommage !", stance: null, parentId: id } });
    await deleteContribution({ viewerId: author.id, contributionId: id });
    expect(await db.select().from(contributions).where(eq(contributions.parentId, id))).toHaveLength(1);
    expect(await counter(proposal.id)).toBe(1);
  });

  test("someone else's: forbidden (moderators too); hidden or unknown: not found", async () => {
    const { author, other, proposal, id } = await setup();
    expect(await deleteContribution({ viewerId: other.id, contributionId: id })).toEqual({ status: "forbidden" });
    const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, hiddenAt: new Date() });
    expect(await deleteContribution({ viewerId: author.id, contributionId: hidden.id })).toEqual({ status: "not_found" });
    expect(await deleteContribution({ viewerId: author.id, contributionId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
    expect(await counter(proposal.id)).toBe(1);
  });

  test("one's words can be deleted even once the proposal is closed", async () => {
    const { author, proposal, id } = await setup();
    await db.update(proposals).set({ status: "withdrawn" }).where(eq(proposals.id, proposal.id));
    expect((await deleteContribution({ viewerId: author.id, contributionId: id })).status).toBe("ok");
  });
});
