import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, toolboxEntries, toolboxEntryAmbitions } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { publishToolboxEntry } from "./publish-toolbox-entry.server.ts";
import { createToolboxEntry, updateToolboxEntry } from "./save-toolbox-entry.server.ts";
import { ExperienceSchema, toEntryInput } from "./toolbox.schema.ts";
import { getToolboxEntry } from "./toolbox-queries.server.ts";

async function editor(role: "ambassador" | "coordinator" = "ambassador") {
  const user = await insertUser(db, { password: null, roles: [{ role, communeSlug: role === "ambassador" ? "lens" : null }] });
  return { id: user.id, emailVerified: true, roles: [{ role, communeSlug: role === "ambassador" ? "lens" : null, quartierCode: null }] };
}

const input = (change: Record<string, unknown> = {}) =>
  toEntryInput(
    ExperienceSchema.parse({
      title: "Un repair café à la maison de quartier",
      summary: "Un samedi par mois.",
      whatWorked: "Les voisins reviennent.",
      ambitionNumbers: ["8"],
      communeSlugs: ["lievin"],
      quartierCode: "QP062028",
      ...change,
    }),
  );

const audits = (subjectId: string) =>
  db.select({ action: auditLog.action, actorId: auditLog.actorId, changes: auditLog.changes }).from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(asc(auditLog.createdAt), asc(auditLog.action));

describe("createToolboxEntry", () => {
  test("a draft: saved with its links and its author, audited as created, not public", async () => {
    const actor = await editor();
    const result = await createToolboxEntry({ actor, kind: "experience", input: input(), intent: "save_draft" });
    expect(result).toMatchObject({ status: "ok", published: false });
    if (result.status !== "ok") return;
    const entry = await getToolboxEntry(result.entryId);
    expect(entry).toMatchObject({ kind: "experience", status: "draft", publishedAt: null, authorId: actor.id, communes: [{ slug: "lievin" }], ambitions: [{ number: 8 }] });
    expect((await audits(result.entryId)).map((a) => a.action)).toEqual(["toolbox.create"]);
  });

  test("published at once: created and published, both audited in the same transaction", async () => {
    const actor = await editor("coordinator");
    const result = await createToolboxEntry({ actor, kind: "experience", input: input(), intent: "publish" });
    if (result.status !== "ok") throw new Error(result.status);
    const [row] = await db.select().from(toolboxEntries).where(eq(toolboxEntries.id, result.entryId));
    expect(row).toMatchObject({ status: "published" });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    expect((await audits(result.entryId)).map((a) => a.action)).toEqual(["toolbox.create", "toolbox.publish"]);
  });

  test("an unknown ambition, quartier or commune is a field error and nothing is written", async () => {
    const actor = await editor();
    const before = await db.$count(toolboxEntries);
    const result = await createToolboxEntry({ actor, kind: "experience", input: { ...input(), ambitionNumbers: [8, 12], quartierCode: "QP000000", communeSlugs: ["atlantide"] }, intent: "publish" });
    expect(result).toEqual({
      status: "invalid",
      errors: { quartierCode: "toolbox:validation.unknownQuartier", communeSlugs: "toolbox:validation.unknownCommune" },
    });
    expect(await db.$count(toolboxEntries)).toBe(before);
  });

  test("a resident or a council member may not write", async () => {
    const resident = await insertUser(db, { password: null });
    const result = await createToolboxEntry({ actor: { id: resident.id, emailVerified: true, roles: [] }, kind: "experience", input: input(), intent: "publish" });
    expect(result).toEqual({ status: "forbidden" });
  });
});

describe("updateToolboxEntry and publishToolboxEntry", () => {
  test("another editor improves a published entry: the author stays, the changed fields are audited, it stays published", async () => {
    const author = await editor();
    const created = await createToolboxEntry({ actor: author, kind: "experience", input: input(), intent: "publish" });
    if (created.status !== "ok") throw new Error(created.status);
    const [{ publishedAt }] = (await db.select({ publishedAt: toolboxEntries.publishedAt }).from(toolboxEntries).where(eq(toolboxEntries.id, created.entryId))) as [{ publishedAt: Date }];
    const coordinator = await editor("coordinator");
    const result = await updateToolboxEntry({ actor: coordinator, entryId: created.entryId, input: input({ whatDidNot: "Pas assez de pièces.", ambitionNumbers: ["8", "12"] }), intent: "publish" });
    expect(result).toMatchObject({ status: "ok", published: true });
    const [row] = await db.select().from(toolboxEntries).where(eq(toolboxEntries.id, created.entryId));
    expect(row).toMatchObject({ authorId: author.id, status: "published", whatDidNot: "Pas assez de pièces.", publishedAt });
    const log = await audits(created.entryId);
    // One transaction shares one timestamp: the entries of a transaction come in alphabetical order here.
    expect(log.map((a) => a.action)).toEqual(["toolbox.create", "toolbox.publish", "toolbox.update"]);
    expect(log.find((a) => a.action === "toolbox.update")).toMatchObject({ actorId: coordinator.id, changes: { whatDidNot: { before: "", after: "Pas assez de pièces." }, ambitionNumbers: { before: [8], after: [8, 12] } } });
    expect((await db.select().from(toolboxEntryAmbitions).where(eq(toolboxEntryAmbitions.entryId, created.entryId))).map((r) => r.ambitionNumber).sort((a, b) => a - b)).toEqual([8, 12]);
  });

  test("saving unchanged writes no update entry; unpublishing takes it back to the drafts, audited", async () => {
    const actor = await editor();
    const created = await createToolboxEntry({ actor, kind: "experience", input: input(), intent: "publish" });
    if (created.status !== "ok") throw new Error(created.status);
    expect(await updateToolboxEntry({ actor, entryId: created.entryId, input: input(), intent: "unpublish" })).toMatchObject({ status: "ok", published: false });
    expect((await audits(created.entryId)).map((a) => a.action)).toEqual(["toolbox.create", "toolbox.publish", "toolbox.unpublish"]);
    expect(await getToolboxEntry(created.entryId)).toMatchObject({ status: "draft", publishedAt: null });
    // Published again from its page.
    expect(await publishToolboxEntry({ actor, entryId: created.entryId, intent: "publish" })).toEqual({ status: "ok", published: true, changed: true });
    expect(await publishToolboxEntry({ actor, entryId: created.entryId, intent: "publish" })).toEqual({ status: "ok", published: true, changed: false });
    expect((await audits(created.entryId)).map((a) => a.action)).toEqual(["toolbox.create", "toolbox.publish", "toolbox.unpublish", "toolbox.publish"]);
  });

  test("an unknown entry is not found; an unknown commune keeps the entry as it was", async () => {
    const actor = await editor();
    expect(await updateToolboxEntry({ actor, entryId: "00000000-0000-4000-8000-000000000000", input: input(), intent: "publish" })).toEqual({ status: "not_found" });
    expect(await publishToolboxEntry({ actor, entryId: "00000000-0000-4000-8000-000000000000", intent: "publish" })).toEqual({ status: "not_found" });
    const created = await createToolboxEntry({ actor, kind: "experience", input: input(), intent: "save_draft" });
    if (created.status !== "ok") throw new Error(created.status);
    const result = await updateToolboxEntry({ actor, entryId: created.entryId, input: { ...input({ title: "Autre titre" }), communeSlugs: ["atlantide"] }, intent: "publish" });
    expect(result).toEqual({ status: "invalid", errors: { communeSlugs: "toolbox:validation.unknownCommune" } });
    expect(await getToolboxEntry(created.entryId)).toMatchObject({ title: "Un repair café à la maison de quartier", status: "draft" });
  });
});
