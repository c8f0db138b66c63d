import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions, proposals } from "#db/schema/index.ts";
import { followProposal } from "#app/modules/follows/follow-proposal.server.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { supportProposal } from "./support-proposal.server.ts";
import { getSupportPanel } from "./support-queries.server.ts";

async function viewer(verified = true) {
  const user = await insertUser(db, { password: null, verified });
  return { id: user.id, emailVerified: verified, roles: [] };
}

describe("getSupportPanel", () => {
  test("gives the count, the ambition's threshold and what this viewer can do", async () => {
    await db.update(ambitions).set({ supportThreshold: 12 }).where(eq(ambitions.number, 5));
    const author = await viewer();
    const proposal = await insertProposal(db, { authorId: author.id, ambitionNumber: 5 });
    const supporter = await viewer();
    await supportProposal({ viewer: supporter, proposalId: proposal.id });
    const base = { proposalId: proposal.id, supportCount: 1, threshold: 12, qualified: false, open: true };

    expect(await getSupportPanel({ proposalId: proposal.id, viewer: null })).toEqual({ ...base, access: "sign_in", supported: false, following: false, canFollow: false });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: supporter })).toEqual({ ...base, access: "support", supported: true, following: true, canFollow: true });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: await viewer() })).toEqual({ ...base, access: "support", supported: false, following: false, canFollow: true });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: author })).toMatchObject({ access: "author", supported: false });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: await viewer(false) })).toMatchObject({ access: "verify_email", canFollow: true });
  });

  test("a withdrawn proposal is closed; its followers can still stop following", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const follower = await viewer();
    await followProposal({ userId: follower.id, proposalId: proposal.id });
    await db.update(proposals).set({ status: "withdrawn" }).where(eq(proposals.id, proposal.id));
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: follower })).toMatchObject({ open: false, access: "closed", following: true, canFollow: true });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: await viewer() })).toMatchObject({ access: "closed", canFollow: false });
  });

  test("a qualified proposal says so; an unknown one gives null", async () => {
    const proposal = await insertProposal(db, { authorId: null, status: "qualified", supportCount: 30 });
    expect(await getSupportPanel({ proposalId: proposal.id, viewer: null })).toMatchObject({ qualified: true, supportCount: 30, threshold: 25, open: true });
    expect(await getSupportPanel({ proposalId: "00000000-0000-4000-8000-000000000000", viewer: null })).toBeNull();
  });
});
