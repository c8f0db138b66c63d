import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { storedProposal, validInput, withFailingInsert } from "#tests/helpers/proposals.ts";
import { addProposalUpdate } from "./add-proposal-update.server.ts";
import { createProposal } from "./create-proposal.server.ts";
import { publishProposal } from "./publish-proposal.server.ts";
import { withdrawProposal } from "./withdraw-proposal.server.ts";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

async function posted(publish = true) {
  const author = await insertUser(db, { password: null });
  const other = await insertUser(db, { password: null });
  const result = await createProposal({ author, input: validInput, publish });
  if (result.status !== "ok") throw new Error(result.status);
  return { author, other, id: result.proposalId };
}

describe("publishProposal", () => {
  test("the author publishes a draft: published, dated, in the timeline, followed", async () => {
    const { author, id } = await posted(false);
    expect(await publishProposal({ actor: author, proposalId: id })).toEqual({ status: "ok", held: false });
    const stored = await storedProposal(id);
    expect(stored.row).toMatchObject({ status: "published" });
    expect(stored.row!.publishedAt).toBeInstanceOf(Date);
    expect(stored.events.map((e) => e.kind)).toEqual(["created", "published"]);
    expect(stored.followers).toEqual([author.id]);
  });

  test("someone else, an unknown id, or a proposal already published", async () => {
    const { author, other, id } = await posted(false);
    expect(await publishProposal({ actor: other, proposalId: id })).toEqual({ status: "forbidden" });
    expect(await publishProposal({ actor: author, proposalId: UNKNOWN })).toEqual({ status: "not_found" });
    await publishProposal({ actor: author, proposalId: id });
    expect(await publishProposal({ actor: author, proposalId: id })).toEqual({ status: "not_draft" });
    expect((await storedProposal(id)).events.map((e) => e.kind)).toEqual(["created", "published"]);
  });

  test("when a step fails, the draft stays a draft", async () => {
    const { author, id } = await posted(false);
    await expect(withFailingInsert("proposal_follows", () => publishProposal({ actor: author, proposalId: id }))).rejects.toThrow();
    const stored = await storedProposal(id);
    expect(stored.row).toMatchObject({ status: "draft", publishedAt: null });
    expect(stored.events.map((e) => e.kind)).toEqual(["created"]);
  });
});

describe("withdrawProposal", () => {
  test("the author withdraws a published proposal with a reason: withdrawn, dated, the reason in the timeline", async () => {
    const { author, id } = await posted();
    expect(await withdrawProposal({ actor: author, proposalId: id, reason: "La mairie l'a déjà fait." })).toEqual({ status: "ok" });
    const stored = await storedProposal(id);
    expect(stored.row).toMatchObject({ status: "withdrawn" });
    expect(stored.row!.withdrawnAt).toBeInstanceOf(Date);
    expect(stored.events.at(-1)).toEqual({ kind: "withdrawn", actorId: author.id, payload: { reason: "La mairie l'a déjà fait." } });
  });

  test("a qualified proposal can be withdrawn too, without a reason", async () => {
    const { author, id } = await posted();
    await db.update(proposals).set({ status: "qualified", supportCount: 25 }).where(eq(proposals.id, id));
    expect(await withdrawProposal({ actor: author, proposalId: id, reason: null })).toEqual({ status: "ok" });
    expect((await storedProposal(id)).events.at(-1)).toEqual({ kind: "withdrawn", actorId: author.id, payload: null });
  });

  test("not a draft, not twice, not once under review, never by someone else", async () => {
    const { author, other, id } = await posted();
    expect(await withdrawProposal({ actor: other, proposalId: id, reason: null })).toEqual({ status: "forbidden" });
    expect(await withdrawProposal({ actor: author, proposalId: UNKNOWN, reason: null })).toEqual({ status: "not_found" });
    const draft = await createProposal({ author, input: validInput, publish: false });
    if (draft.status !== "ok") throw new Error(draft.status);
    expect(await withdrawProposal({ actor: author, proposalId: draft.proposalId, reason: null })).toEqual({ status: "not_withdrawable" });
    await db.update(proposals).set({ status: "under_review" }).where(eq(proposals.id, id));
    expect(await withdrawProposal({ actor: author, proposalId: id, reason: null })).toEqual({ status: "not_withdrawable" });
    expect((await storedProposal(id)).row!.status).toBe("under_review");
  });

  test("when a step fails, the proposal stays published", async () => {
    const { author, id } = await posted();
    await expect(withFailingInsert("proposal_events", () => withdrawProposal({ actor: author, proposalId: id, reason: null }))).rejects.toThrow();
    expect((await storedProposal(id)).row).toMatchObject({ status: "published", withdrawnAt: null });
  });
});

describe("addProposalUpdate", () => {
  test("after the first support, the author adds an update to the timeline", async () => {
    const { author, id } = await posted();
    await db.update(proposals).set({ supportCount: 1 }).where(eq(proposals.id, id));
    expect(await addProposalUpdate({ actor: author, proposalId: id, text: "La mairie étudie l'idée." })).toEqual({ status: "ok" });
    expect((await storedProposal(id)).events.at(-1)).toEqual({ kind: "updated", actorId: author.id, payload: { text: "La mairie étudie l'idée." } });
  });

  test("after the first contribution too; not while the text can still be edited, not once withdrawn", async () => {
    const { author, other, id } = await posted();
    const text = "La mairie étudie l'idée.";
    expect(await addProposalUpdate({ actor: author, proposalId: id, text })).toEqual({ status: "not_allowed" });
    await db.update(proposals).set({ contributionCount: 1 }).where(eq(proposals.id, id));
    expect(await addProposalUpdate({ actor: other, proposalId: id, text })).toEqual({ status: "forbidden" });
    expect(await addProposalUpdate({ actor: author, proposalId: id, text })).toEqual({ status: "ok" });
    await db.update(proposals).set({ status: "withdrawn" }).where(eq(proposals.id, id));
    expect(await addProposalUpdate({ actor: author, proposalId: id, text })).toEqual({ status: "not_allowed" });
    expect(await addProposalUpdate({ actor: author, proposalId: UNKNOWN, text })).toEqual({ status: "not_found" });
    expect((await storedProposal(id)).events.filter((e) => e.kind === "updated")).toHaveLength(1);
  });
});
