import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { setSubjectHidden } from "./moderation-subjects.server.ts";

const countOf = async (proposalId: string) => (await db.select({ n: proposals.contributionCount }).from(proposals).where(eq(proposals.id, proposalId)))[0]!.n;

describe("hiding a contribution", () => {
  test("takes it out of its proposal's count once, however often it is hidden, and puts it back when restored", async () => {
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, contributionCount: 2 });
    const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id });
    await insertContribution(db, { proposalId: proposal.id, authorId: author.id });

    await db.transaction((tx) => setSubjectHidden(tx, "contribution", contribution.id, true));
    expect(await countOf(proposal.id)).toBe(1);
    // Hidden automatically, then the moderator confirms: still one less, not two.
    await db.transaction((tx) => setSubjectHidden(tx, "contribution", contribution.id, true));
    expect(await countOf(proposal.id)).toBe(1);
    await db.transaction((tx) => setSubjectHidden(tx, "contribution", contribution.id, false));
    expect(await countOf(proposal.id)).toBe(2);
    await db.transaction((tx) => setSubjectHidden(tx, "contribution", contribution.id, false));
    expect(await countOf(proposal.id)).toBe(2);
  });
});
