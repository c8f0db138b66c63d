import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions } from "#db/schema/index.ts";
import { countRows, storedProposal, validInput, withFailingInsert } from "#tests/helpers/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { createProposal } from "./create-proposal.server.ts";

describe("createProposal", () => {
  test("published at once: the row, its links, 'created' then 'published' in the timeline, the author follows", async () => {
    const author = await insertUser(db, { password: null });
    const result = await createProposal({ author, input: validInput, publish: true });
    expect(result).toMatchObject({ status: "ok", published: true });
    if (result.status !== "ok") return;
    const stored = await storedProposal(result.proposalId);
    expect(stored.row).toMatchObject({
      authorId: author.id,
      title: validInput.title,
      body: validInput.body,
      ambitionNumber: 8,
      quartierCode: "QP062024",
      communeSlug: "lens",
      placeDescription: "Rue de la Gare",
      status: "published",
      origin: "resident",
      supportCount: 0,
      contributionCount: 0,
    });
    expect(stored.row!.publishedAt).toBeInstanceOf(Date);
    expect(stored.secondaryAmbitions).toEqual([4]);
    expect(stored.axes).toEqual(["transition_ecologique"]);
    expect(stored.events).toEqual([
      { kind: "created", actorId: author.id, payload: null },
      { kind: "published", actorId: author.id, payload: null },
    ]);
    expect(stored.followers).toEqual([author.id]);
  });

  test("as a draft: not published, only 'created', no follow yet", async () => {
    const author = await insertUser(db, { password: null });
    const result = await createProposal({ author, input: { ...validInput, secondaryAmbitions: [], axes: [], quartierCode: null, placeDescription: null }, publish: false });
    if (result.status !== "ok") throw new Error(result.status);
    const stored = await storedProposal(result.proposalId);
    expect(stored.row).toMatchObject({ status: "draft", publishedAt: null, quartierCode: null, communeSlug: "lens", placeDescription: null });
    expect(stored.events.map((e) => e.kind)).toEqual(["created"]);
    expect(stored.followers).toEqual([]);
    expect(stored.secondaryAmbitions).toEqual([]);
  });

  test("references that do not exist, or a quartier outside the commune: field errors, nothing written", async () => {
    const author = await insertUser(db, { password: null });
    const unknown = await createProposal({
      author,
      input: { ...validInput, ambitionNumber: 12, secondaryAmbitions: [11], axes: ["inconnu"], quartierCode: "QP999999", communeSlug: "atlantis" },
      publish: true,
    });
    expect(unknown).toEqual({
      status: "invalid",
      errors: { axes: "validation.invalid", quartierCode: "proposals:validation.unknownQuartier", communeSlug: "proposals:validation.unknownCommune" },
    });
    // QP062028 is in Liévin, not in Lens.
    const elsewhere = await createProposal({ author, input: { ...validInput, quartierCode: "QP062028", communeSlug: "lens" }, publish: true });
    expect(elsewhere).toEqual({ status: "invalid", errors: { communeSlug: "proposals:validation.quartierNotInCommune" } });
    // A quartier shared by several communes is in each of them.
    expect(await createProposal({ author, input: { ...validInput, quartierCode: "QP062029", communeSlug: "lens" }, publish: true })).toMatchObject({ status: "ok" });
    expect(await createProposal({ author, input: { ...validInput, quartierCode: "QP062029", communeSlug: "lievin" }, publish: true })).toMatchObject({ status: "ok" });
    expect((await countRows()).proposals).toBe(2);
  });

  test("an ambition the referential no longer has: a field error", async () => {
    const author = await insertUser(db, { password: null });
    await db.delete(ambitions).where(eq(ambitions.number, 12));
    expect(await createProposal({ author, input: { ...validInput, ambitionNumber: 12 }, publish: true })).toEqual({ status: "invalid", errors: { ambitionNumber: "proposals:validation.unknownAmbition" } });
    expect(await createProposal({ author, input: { ...validInput, secondaryAmbitions: [12] }, publish: true })).toEqual({ status: "invalid", errors: { secondaryAmbitions: "proposals:validation.unknownAmbition" } });
  });

  test("HTML and SQL are stored as they were typed, as text", async () => {
    const author = await insertUser(db, { password: null });
    const input = { ...validInput, title: "<script>alert(1)</script> bancs", body: "'); drop table proposals; -- et des bancs devant l'école, s'il vous plaît", placeDescription: "<img src=x onerror=alert(1)>" };
    const result = await createProposal({ author, input, publish: true });
    if (result.status !== "ok") throw new Error(result.status);
    expect((await storedProposal(result.proposalId)).row).toMatchObject({ title: input.title, body: input.body, placeDescription: input.placeDescription });
  });

  test("when a step fails, nothing is half-written", async () => {
    const author = await insertUser(db, { password: null });
    // The follow is the last step of a publication.
    await expect(withFailingInsert("proposal_follows", () => createProposal({ author, input: validInput, publish: true }))).rejects.toThrow();
    await expect(withFailingInsert("proposal_events", () => createProposal({ author, input: validInput, publish: false }))).rejects.toThrow();
    expect(await countRows()).toEqual({ proposals: 0, events: 0, ambitions: 0, axes: 0, follows: 0 });
  });
});
