import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposalFollows, proposals, type ProposalStatus } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { isFollowing } from "./follow-queries.server.ts";
import { followProposal, unfollowProposal } from "./follow-proposal.server.ts";

async function person(verified = true) {
  return insertUser(db, { password: null, verified });
}

describe("following a proposal", () => {
  test("following and stopping are idempotent, and isFollowing tells", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const nadia = await person();
    const input = { userId: nadia.id, proposalId: proposal.id };
    expect(await isFollowing(input)).toBe(false);
    expect(await followProposal(input)).toEqual({ status: "ok", following: true });
    expect(await followProposal(input)).toEqual({ status: "ok", following: true });
    await Promise.all([followProposal(input), followProposal(input)]);
    expect(await db.select().from(proposalFollows).where(eq(proposalFollows.proposalId, proposal.id))).toHaveLength(1);
    expect(await isFollowing(input)).toBe(true);
    expect(await unfollowProposal(input)).toEqual({ status: "ok", following: false });
    expect(await unfollowProposal(input)).toEqual({ status: "ok", following: false });
    expect(await isFollowing(input)).toBe(false);
  });

  test("anyone signed in may follow, even before confirming their email; anonymous visitors follow nothing", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const unverified = await person(false);
    expect(await followProposal({ userId: unverified.id, proposalId: proposal.id })).toEqual({ status: "ok", following: true });
    expect(await isFollowing({ userId: null, proposalId: proposal.id })).toBe(false);
  });

  test.each<ProposalStatus>(["published", "qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done"])("status %s: the proposal may be followed", async (status) => {
    const proposal = await insertProposal(db, { authorId: null, status });
    expect(await followProposal({ userId: (await person()).id, proposalId: proposal.id })).toEqual({ status: "ok", following: true });
  });

  test("a withdrawn or hidden proposal cannot be followed any more, but following it can be stopped", async () => {
    const withdrawn = await insertProposal(db, { authorId: null, status: "withdrawn" });
    const hidden = await insertProposal(db, { authorId: null });
    const nadia = await person();
    await followProposal({ userId: nadia.id, proposalId: hidden.id });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    const other = await person();
    expect(await followProposal({ userId: other.id, proposalId: withdrawn.id })).toEqual({ status: "closed" });
    expect(await followProposal({ userId: other.id, proposalId: hidden.id })).toEqual({ status: "closed" });
    expect(await unfollowProposal({ userId: nadia.id, proposalId: hidden.id })).toEqual({ status: "ok", following: false });
  });

  test("a draft does not exist for anyone but its author; an unknown proposal is not found", async () => {
    const author = await person();
    const draft = await insertProposal(db, { authorId: author.id, status: "draft" });
    const other = await person();
    expect(await followProposal({ userId: other.id, proposalId: draft.id })).toEqual({ status: "not_found" });
    expect(await unfollowProposal({ userId: other.id, proposalId: draft.id })).toEqual({ status: "not_found" });
    expect(await followProposal({ userId: other.id, proposalId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
    expect(await unfollowProposal({ userId: author.id, proposalId: draft.id })).toEqual({ status: "ok", following: false });
  });
});
