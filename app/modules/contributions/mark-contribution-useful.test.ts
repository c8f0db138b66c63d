import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, contributionUsefulMarks, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { setContributionUseful } from "./mark-contribution-useful.server.ts";

const viewerOf = (user: { id: string; emailVerifiedAt: Date | null }) => ({ id: user.id, emailVerified: user.emailVerifiedAt !== null, roles: [] });

async function setup() {
  const author = await insertUser(db, { password: null });
  const reader = await insertUser(db, { password: null });
  const proposal = await insertProposal(db, { authorId: author.id });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id });
  return { author, reader, proposal, contribution };
}

async function stored(id: string) {
  const [row] = await db.select({ usefulCount: contributions.usefulCount }).from(contributions).where(eq(contributions.id, id));
  const marks = await db.select().from(contributionUsefulMarks).where(eq(contributionUsefulMarks.contributionId, id));
  return { count: row!.usefulCount, marks: marks.length };
}

describe("setContributionUseful", () => {
  test("one mark per person; taking it back; the count always equals the marks", async () => {
    const { reader, proposal, contribution } = await setup();
    const mark = (marked: boolean) => setContributionUseful({ viewer: viewerOf(reader), contributionId: contribution.id, marked });
    expect(await mark(true)).toEqual({ status: "ok", proposalId: proposal.id, usefulCount: 1, marked: true });
    expect(await mark(true)).toEqual({ status: "ok", proposalId: proposal.id, usefulCount: 1, marked: true });
    expect(await stored(contribution.id)).toEqual({ count: 1, marks: 1 });
    expect(await mark(false)).toEqual({ status: "ok", proposalId: proposal.id, usefulCount: 0, marked: false });
    expect(await mark(false)).toEqual({ status: "ok", proposalId: proposal.id, usefulCount: 0, marked: false });
    expect(await stored(contribution.id)).toEqual({ count: 0, marks: 0 });
  });

  test("many people at once, and toggles in every order: the count equals the rows", async () => {
    const { contribution } = await setup();
    const readers = await Promise.all(Array.from({ length: 20 }, () => insertUser(db, { password: null })));
    await Promise.all(readers.map((r) => setContributionUseful({ viewer: viewerOf(r), contributionId: contribution.id, marked: true })));
    expect(await stored(contribution.id)).toEqual({ count: 20, marks: 20 });
    await Promise.all(
      readers.flatMap((r, i) => [
        setContributionUseful({ viewer: viewerOf(r), contributionId: contribution.id, marked: i % 2 === 0 }),
        setContributionUseful({ viewer: viewerOf(r), contributionId: contribution.id, marked: false }),
      ]),
    );
    const after = await stored(contribution.id);
    expect(after.count).toBe(after.marks);
  });

  test("not on one's own words", async () => {
    const { author, contribution } = await setup();
    expect(await setContributionUseful({ viewer: viewerOf(author), contributionId: contribution.id, marked: true })).toEqual({ status: "own" });
    expect(await stored(contribution.id)).toEqual({ count: 0, marks: 0 });
  });

  test("unverified: forbidden; deleted, hidden, unknown: not found; closed proposal: closed", async () => {
    const { author, reader, proposal } = await setup();
    const unverified = await insertUser(db, { password: null, verified: false });
    const fine = await insertContribution(db, { proposalId: proposal.id, authorId: author.id });
    expect(await setContributionUseful({ viewer: viewerOf(unverified), contributionId: fine.id, marked: true })).toEqual({ status: "forbidden" });
    const deleted = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, deletedAt: new Date() });
    const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, hiddenAt: new Date() });
    for (const id of [deleted.id, hidden.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await setContributionUseful({ viewer: viewerOf(reader), contributionId: id, marked: true })).toEqual({ status: "not_found" });
    }
    await db.update(proposals).set({ status: "withdrawn" }).where(eq(proposals.id, proposal.id));
    expect(await setContributionUseful({ viewer: viewerOf(reader), contributionId: fine.id, marked: true })).toEqual({ status: "closed", proposalId: proposal.id });
    expect(await stored(fine.id)).toEqual({ count: 0, marks: 0 });
  });
});
