import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { checkNewText, countLinks, TRUSTED_AFTER_ITEMS } from "./content-guards.server.ts";

const DAY = 86_400_000;
const old = () => new Date(Date.now() - 60 * DAY);

describe("checkNewText: the same text twice", () => {
  test("refused across proposals and contributions, whatever the case and spacing", async () => {
    const author = await insertUser(db, { createdAt: old() });
    const proposal = await insertProposal(db, { authorId: author.id, body: "Des bancs  devant l'école,\nà l'ombre." });
    expect(await checkNewText({ authorId: author.id, text: "des bancs devant l'école, à l'ombre." })).toEqual({ status: "repeated" });
    await insertContribution(db, { proposalId: proposal.id, authorId: author.id, body: "Je suis d'accord avec cette idée." });
    expect(await checkNewText({ authorId: author.id, text: "  JE SUIS D'ACCORD avec cette idée. " })).toEqual({ status: "repeated" });
    expect(await checkNewText({ authorId: author.id, text: "Je ne suis pas d'accord avec cette idée." })).toEqual({ status: "ok" });
  });

  test("someone else's text, a text older than 30 days, a deleted contribution or a draft do not count", async () => {
    const author = await insertUser(db, { createdAt: old() });
    const other = await insertUser(db);
    const proposal = await insertProposal(db, { authorId: other.id, body: "Un texte de quelqu'un d'autre." });
    await insertProposal(db, { authorId: author.id, body: "Un vieux texte.", createdAt: new Date(Date.now() - 31 * DAY) });
    await insertProposal(db, { authorId: author.id, body: "Un brouillon.", status: "draft" });
    await insertContribution(db, { proposalId: proposal.id, authorId: author.id, body: "Un texte supprimé.", deletedAt: new Date() });
    for (const text of ["Un texte de quelqu'un d'autre.", "Un vieux texte.", "Un brouillon.", "Un texte supprimé."]) {
      expect(await checkNewText({ authorId: author.id, text }), text).toEqual({ status: "ok" });
    }
  });
});

describe("checkNewText: links from new accounts", () => {
  const twoLinks = "Voir https://exemple.org/a et www.exemple.org/b pour les détails.";

  test("counts http(s) and www links", () => {
    expect(countLinks(twoLinks)).toBe(2);
    expect(countLinks("Rien ici, même pas exemple.org")).toBe(0);
  });

  test("an account younger than 7 days may put one link, not two", async () => {
    const young = await insertUser(db);
    expect(await checkNewText({ authorId: young.id, text: "Voir https://exemple.org/a" })).toEqual({ status: "ok" });
    expect(await checkNewText({ authorId: young.id, text: twoLinks })).toEqual({ status: "too_many_links", max: 1 });
  });

  test("an older account with fewer than 3 published items is still limited; with 3, it is not", async () => {
    const author = await insertUser(db, { createdAt: old() });
    expect(await checkNewText({ authorId: author.id, text: twoLinks })).toEqual({ status: "too_many_links", max: 1 });
    for (let i = 0; i < TRUSTED_AFTER_ITEMS; i++) await insertProposal(db, { authorId: author.id, body: `Idée ${i}` });
    expect(await checkNewText({ authorId: author.id, text: twoLinks })).toEqual({ status: "ok" });
  });

  test("hidden items do not make an account trusted", async () => {
    const author = await insertUser(db, { createdAt: old() });
    const proposal = await insertProposal(db, { authorId: author.id, body: "Idée" });
    for (let i = 0; i < TRUSTED_AFTER_ITEMS; i++) await insertContribution(db, { proposalId: proposal.id, authorId: author.id, body: `Pub ${i}`, hiddenAt: new Date() });
    expect(await checkNewText({ authorId: author.id, text: twoLinks })).toEqual({ status: "too_many_links", max: 1 });
  });
});
