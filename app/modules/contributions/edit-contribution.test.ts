import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { EDIT_WINDOW_MS } from "./contribution-params.ts";
import { editContribution } from "./edit-contribution.server.ts";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function setup(createdAt = minutesAgo(1)) {
  const author = await insertUser(db, { password: null });
  const other = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
  const proposal = await insertProposal(db, { authorId: other.id });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, body: "Texte avec une fote.", stance: "for", createdAt });
  return { author, other, proposal, contribution };
}

async function row(id: string) {
  const [found] = await db.select().from(contributions).where(eq(contributions.id, id));
  return found!;
}

describe("editContribution", () => {
  test("the author fixes the text and stance within 15 minutes; it is marked edited", async () => {
    const { author, proposal, contribution } = await setup();
    const result = await editContribution({ viewerId: author.id, contributionId: contribution.id, input: { body: "Texte sans faute.", stance: "question" } });
    expect(result).toEqual({ status: "ok", proposalId: proposal.id });
    const edited = await row(contribution.id);
    expect(edited).toMatchObject({ body: "Texte sans faute.", stance: "question" });
    expect(edited.editedAt).toBeInstanceOf(Date);
  });

  test("after 15 minutes it is too late, and nothing changes", async () => {
    const { author, contribution } = await setup(minutesAgo(16));
    expect((await editContribution({ viewerId: author.id, contributionId: contribution.id, input: { body: "Trop tard.", stance: null } })).status).toBe("too_late");
    expect(await row(contribution.id)).toMatchObject({ body: "Texte avec une fote.", editedAt: null });
  });

  test("the window is exactly 15 minutes, on the clock given", async () => {
    const createdAt = new Date("2030-03-01T10:00:00Z");
    const { author, contribution } = await setup(createdAt);
    const input = { body: "Juste à temps.", stance: null };
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    expect((await editContribution({ viewerId: author.id, contributionId: contribution.id, input, now: at(EDIT_WINDOW_MS) })).status).toBe("ok");
    expect((await editContribution({ viewerId: author.id, contributionId: contribution.id, input, now: at(EDIT_WINDOW_MS + 1) })).status).toBe("too_late");
  });

  test("someone else's contribution: forbidden, moderators included", async () => {
    const { other, contribution } = await setup();
    expect(await editContribution({ viewerId: other.id, contributionId: contribution.id, input: { body: "Pirate.", stance: null } })).toEqual({ status: "forbidden" });
    expect((await row(contribution.id)).body).toBe("Texte avec une fote.");
  });

  test("deleted, hidden or unknown: not found", async () => {
    const { author, proposal } = await setup();
    const deleted = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, deletedAt: new Date() });
    const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, hiddenAt: new Date() });
    for (const id of [deleted.id, hidden.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await editContribution({ viewerId: author.id, contributionId: id, input: { body: "Non.", stance: null } })).toEqual({ status: "not_found" });
    }
  });

  test("a withdrawn proposal is closed to edits", async () => {
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, status: "withdrawn" });
    const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id });
    expect(await editContribution({ viewerId: author.id, contributionId: contribution.id, input: { body: "Non.", stance: null } })).toEqual({ status: "closed", proposalId: proposal.id });
  });

  test("a reply keeps no stance; the same words again are not an edit", async () => {
    const { author, proposal, contribution } = await setup();
    const reply = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, parentId: contribution.id, body: "Une réponse." });
    await editContribution({ viewerId: author.id, contributionId: reply.id, input: { body: "Une réponse.", stance: "against" } });
    expect(await row(reply.id)).toMatchObject({ stance: null, editedAt: null });
    await editContribution({ viewerId: author.id, contributionId: reply.id, input: { body: "Une réponse corrigée.", stance: "against" } });
    expect(await row(reply.id)).toMatchObject({ stance: null, body: "Une réponse corrigée." });
  });
});
