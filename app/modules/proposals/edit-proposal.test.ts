import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { storedProposal, validInput, withFailingInsert } from "#tests/helpers/proposals.ts";
import { createProposal } from "./create-proposal.server.ts";
import { editProposal } from "./edit-proposal.server.ts";

async function posted(publish = true) {
  const author = await insertUser(db, { password: null });
  const result = await createProposal({ author, input: validInput, publish });
  if (result.status !== "ok") throw new Error(result.status);
  return { author, id: result.proposalId };
}

describe("editProposal", () => {
  test("the author edits a published proposal with no reaction yet: 'edited' lists the changed fields", async () => {
    const { author, id } = await posted();
    const input = { ...validInput, title: "Des bancs et un arbre devant l'école", secondaryAmbitions: [4, 2], axes: [], placeDescription: null };
    const result = await editProposal({ actor: author, proposalId: id, input });
    expect(result).toEqual({ status: "ok", fields: ["title", "secondaryAmbitions", "axes", "placeDescription"] });
    const stored = await storedProposal(id);
    expect(stored.row).toMatchObject({ title: input.title, placeDescription: null, status: "published" });
    expect(stored.secondaryAmbitions).toEqual([2, 4]);
    expect(stored.axes).toEqual([]);
    expect(stored.events.at(-1)).toEqual({ kind: "edited", actorId: author.id, payload: { fields: ["title", "secondaryAmbitions", "axes", "placeDescription"] } });
  });

  test("a draft can be edited", async () => {
    const { author, id } = await posted(false);
    expect(await editProposal({ actor: author, proposalId: id, input: { ...validInput, body: `${validInput.body} Et un point d'eau.` } })).toEqual({ status: "ok", fields: ["body"] });
  });

  test("saving without a change writes nothing", async () => {
    const { author, id } = await posted();
    const before = await storedProposal(id);
    expect(await editProposal({ actor: author, proposalId: id, input: { ...validInput, secondaryAmbitions: [4] } })).toEqual({ status: "unchanged" });
    expect(await storedProposal(id)).toEqual(before);
  });

  test("only the author", async () => {
    const { id } = await posted();
    const other = await insertUser(db, { password: null });
    expect(await editProposal({ actor: other, proposalId: id, input: { ...validInput, title: "Une autre idée pour l'école" } })).toEqual({ status: "forbidden" });
    expect((await storedProposal(id)).row!.title).toBe(validInput.title);
  });

  test("after the first support or contribution, or once withdrawn or qualified, no more edits", async () => {
    const { author, id } = await posted();
    const input = { ...validInput, title: "Une autre idée pour l'école" };
    for (const patch of [{ supportCount: 1 }, { supportCount: 0, contributionCount: 2 }, { contributionCount: 0, status: "withdrawn" as const }, { status: "qualified" as const }]) {
      await db.update(proposals).set(patch).where(eq(proposals.id, id));
      expect(await editProposal({ actor: author, proposalId: id, input }), JSON.stringify(patch)).toEqual({ status: "not_editable" });
    }
    expect((await storedProposal(id)).events.map((e) => e.kind)).toEqual(["created", "published"]);
  });

  test("unknown and hidden proposals are not found", async () => {
    const { author, id } = await posted();
    expect(await editProposal({ actor: author, proposalId: "00000000-0000-4000-8000-000000000000", input: validInput })).toEqual({ status: "not_found" });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, id));
    expect(await editProposal({ actor: author, proposalId: id, input: { ...validInput, title: "Une autre idée pour l'école" } })).toEqual({ status: "not_found" });
  });

  test("a place outside the commune is refused, nothing changes", async () => {
    const { author, id } = await posted();
    expect(await editProposal({ actor: author, proposalId: id, input: { ...validInput, quartierCode: "QP062028" } })).toEqual({
      status: "invalid",
      errors: { communeSlug: "proposals:validation.quartierNotInCommune" },
    });
    expect((await storedProposal(id)).row!.quartierCode).toBe("QP062024");
  });

  test("when a step fails, nothing is half-written", async () => {
    const { author, id } = await posted();
    const before = await storedProposal(id);
    const input = { ...validInput, title: "Une autre idée pour l'école", axes: ["participation_habitants"] };
    await expect(withFailingInsert("proposal_events", () => editProposal({ actor: author, proposalId: id, input }))).rejects.toThrow();
    expect(await storedProposal(id)).toEqual(before);
  });
});
