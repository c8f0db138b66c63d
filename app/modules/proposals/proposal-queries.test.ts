import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals, users } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { validInput } from "#tests/helpers/proposals.ts";
import { createProposal } from "./create-proposal.server.ts";
import { editProposal } from "./edit-proposal.server.ts";
import { getProfilePlace, getProposalFormChoices, getProposalPage, getProposalState } from "./proposal-queries.server.ts";
import { withdrawProposal } from "./withdraw-proposal.server.ts";

describe("getProposalPage", () => {
  test("the proposal with every name the page shows, and its timeline with who did what, in order", async () => {
    const author = await insertUser(db, { password: null, displayName: "Nadia" });
    const created = await createProposal({ author, input: { ...validInput, secondaryAmbitions: [6, 2], axes: ["participation_habitants", "transition_ecologique"] }, publish: true });
    if (created.status !== "ok") throw new Error(created.status);
    await editProposal({ actor: author, proposalId: created.proposalId, input: { ...validInput, secondaryAmbitions: [6, 2], axes: ["participation_habitants", "transition_ecologique"], title: "Des bancs et un arbre devant l'école" } });
    await withdrawProposal({ actor: author, proposalId: created.proposalId, reason: "Déjà prévu par la ville." });

    const page = await getProposalPage(created.proposalId);
    expect(page).toMatchObject({
      id: created.proposalId,
      title: "Des bancs et un arbre devant l'école",
      status: "withdrawn",
      origin: "resident",
      authorId: author.id,
      authorName: "Nadia",
      ambitionNumber: 8,
      ambitionTitle: "Améliorer le cadre de vie et l'habitat",
      quartierCode: "QP062024",
      quartierName: "Cité 12-14",
      communeSlug: "lens",
      communeName: "Lens",
      communeHasQuartier: true,
      placeDescription: "Rue de la Gare",
      supportCount: 0,
      contributionCount: 0,
      hiddenAt: null,
      secondaryAmbitions: [
        { number: 2, title: expect.any(String) },
        { number: 6, title: "Soutenir la réussite éducative" },
      ],
      axes: [
        { key: "transition_ecologique", title: "Transition écologique" },
        { key: "participation_habitants", title: expect.any(String) },
      ],
    });
    expect(page!.events.map((e) => [e.kind, e.actorName, e.fields, e.reason])).toEqual([
      ["created", "Nadia", [], null],
      ["published", "Nadia", [], null],
      ["edited", "Nadia", ["title"], null],
      ["withdrawn", "Nadia", [], "Déjà prévu par la ville."],
    ]);
  });

  test("carried by a conseil citoyen: the origin's quartier is named; an author who left has no name", async () => {
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, origin: "conseil_citoyen", quartierCode: null, communeSlug: "gouy-servins" });
    await db.update(proposals).set({ originQuartierCode: "QP062028" }).where(eq(proposals.id, proposal.id));
    await db.delete(users).where(eq(users.id, author.id));
    const page = await getProposalPage(proposal.id);
    expect(page).toMatchObject({ origin: "conseil_citoyen", originQuartierName: "Calonne - Marichelles - Vent De Bise", authorName: null, quartierName: null, secondaryAmbitions: [], axes: [] });
    // A commune with no quartier prioritaire has no section on the quartiers page.
    expect(page!.communeHasQuartier).toBe(false);
    expect(page!.events.map((e) => [e.kind, e.actorName])).toEqual([
      ["created", null],
      ["published", null],
    ]);
  });

  test("unknown: null; hidden: returned with its date (the page decides), absent from the guard's state", async () => {
    expect(await getProposalPage("00000000-0000-4000-8000-000000000000")).toBeNull();
    const proposal = await insertProposal(db, { authorId: null });
    expect(await getProposalState(proposal.id)).toMatchObject({ status: "published", authorId: null });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    expect((await getProposalPage(proposal.id))!.hiddenAt).toBeInstanceOf(Date);
    expect(await getProposalState(proposal.id)).toBeNull();
  });
});

test("the form's choices: 12 ambitions in 3 piliers with their summaries, the axes, the places; the profile's place", async () => {
  const choices = await getProposalFormChoices();
  expect(choices.piliers.map((p) => p.ambitions.length)).toEqual([5, 5, 2]);
  expect(choices.piliers[0]!.ambitions[0]!.summary).not.toBe("");
  expect(choices.axes.map((a) => a.key)).toEqual(["transition_ecologique", "participation_habitants"]);
  expect(choices.communes).toHaveLength(36);
  expect(choices.quartiers).toHaveLength(21);
  const person = await insertUser(db, { password: null, communeSlug: "lens", quartierCode: "QP062024" });
  expect(await getProfilePlace(person.id)).toEqual({ communeSlug: "lens", quartierCode: "QP062024" });
  const nowhere = await insertUser(db, { password: null });
  expect(await getProfilePlace(nowhere.id)).toEqual({ communeSlug: "", quartierCode: "" });
});
