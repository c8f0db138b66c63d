import { eq, inArray, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { Db } from "#db/client.ts";
import { ambitions, communes, quartiers, toolboxEntries, toolboxEntryAmbitions, toolboxEntryCommunes, type ToolboxKind } from "#db/schema/index.ts";
import { writePublication, type ToolboxActor } from "./publish-toolbox-entry.server.ts";
import type { ToolboxEntryInput, ToolboxIntent } from "./toolbox.schema.ts";

export type SaveToolboxEntryResult =
  | { status: "ok"; entryId: string; published: boolean }
  | { status: "forbidden" }
  | { status: "not_found" }
  | { status: "invalid"; errors: Record<string, string> };

/** Ambitions, quartier and communes must exist in the referential: an unknown one is a field error, not a failed insert. */
async function checkReferences(tx: Db, input: ToolboxEntryInput) {
  const errors: Record<string, string> = {};
  const [ambitionRows, quartierRows, communeRows] = await Promise.all([
    input.ambitionNumbers.length ? tx.select({ number: ambitions.number }).from(ambitions).where(inArray(ambitions.number, input.ambitionNumbers)) : [],
    input.quartierCode ? tx.select({ code: quartiers.code }).from(quartiers).where(eq(quartiers.code, input.quartierCode)) : [],
    input.communeSlugs.length ? tx.select({ slug: communes.slug }).from(communes).where(inArray(communes.slug, input.communeSlugs)) : [],
  ]);
  if (ambitionRows.length !== input.ambitionNumbers.length) errors.ambitionNumbers = "toolbox:validation.unknownAmbition";
  if (input.quartierCode && !quartierRows.length) errors.quartierCode = "toolbox:validation.unknownQuartier";
  if (communeRows.length !== input.communeSlugs.length) errors.communeSlugs = "toolbox:validation.unknownCommune";
  return errors;
}

function columns(input: ToolboxEntryInput) {
  const { ambitionNumbers: _ambitions, communeSlugs: _communes, ...rest } = input;
  return rest;
}

async function writeLinks(tx: Db, entryId: string, input: ToolboxEntryInput) {
  await tx.delete(toolboxEntryAmbitions).where(eq(toolboxEntryAmbitions.entryId, entryId));
  await tx.delete(toolboxEntryCommunes).where(eq(toolboxEntryCommunes.entryId, entryId));
  if (input.ambitionNumbers.length) await tx.insert(toolboxEntryAmbitions).values(input.ambitionNumbers.map((ambitionNumber) => ({ entryId, ambitionNumber })));
  if (input.communeSlugs.length) await tx.insert(toolboxEntryCommunes).values(input.communeSlugs.map((communeSlug) => ({ entryId, communeSlug })));
}

/**
 * An editor writes a new entry, saved as a draft or published at once. One transaction: the entry, its
 * ambitions and communes, the audit of its creation and, when published, of its publication.
 */
export async function createToolboxEntry({ actor, kind, input, intent }: { actor: ToolboxActor; kind: ToolboxKind; input: ToolboxEntryInput; intent: ToolboxIntent }): Promise<SaveToolboxEntryResult> {
  if (!can(actor, "toolbox.edit")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const errors = await checkReferences(tx, input);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;
    const [row] = await tx
      .insert(toolboxEntries)
      .values({ ...columns(input), kind, status: "draft", authorId: actor.id })
      .returning({ id: toolboxEntries.id });
    const entryId = row!.id;
    await writeLinks(tx, entryId, input);
    await recordAudit(tx, { actorId: actor.id, action: "toolbox.create", subjectType: "toolbox_entry", subjectId: entryId });
    const change = await writePublication(tx, { actorId: actor.id, entryId, current: null, intent });
    return { status: "ok", entryId, published: change.status === "published" } as const;
  });
}

/**
 * Any editor may improve any entry (a shared space); its author stays the one who wrote it. The changed
 * fields are audited, then the publication change the button asked for, in the same transaction.
 */
export async function updateToolboxEntry({ actor, entryId, input, intent }: { actor: ToolboxActor; entryId: string; input: ToolboxEntryInput; intent: ToolboxIntent }): Promise<SaveToolboxEntryResult> {
  if (!can(actor, "toolbox.edit")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(toolboxEntries).where(eq(toolboxEntries.id, entryId)).for("update");
    if (!entry) return { status: "not_found" } as const;
    const errors = await checkReferences(tx, input);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;
    const [ambitionRows, communeRows] = await Promise.all([
      tx.select({ n: toolboxEntryAmbitions.ambitionNumber }).from(toolboxEntryAmbitions).where(eq(toolboxEntryAmbitions.entryId, entryId)),
      tx.select({ slug: toolboxEntryCommunes.communeSlug }).from(toolboxEntryCommunes).where(eq(toolboxEntryCommunes.entryId, entryId)),
    ]);
    const before = {
      ...entry,
      ambitionNumbers: ambitionRows.map((r) => r.n).sort((a, b) => a - b),
      communeSlugs: communeRows.map((r) => r.slug).sort(),
    };
    const changes = diffFields(before as Record<string, unknown>, input);
    if (Object.keys(changes).length) {
      await tx
        .update(toolboxEntries)
        .set({ ...columns(input), updatedAt: sql`now()` })
        .where(eq(toolboxEntries.id, entryId));
      await writeLinks(tx, entryId, input);
      await recordAudit(tx, { actorId: actor.id, action: "toolbox.update", subjectType: "toolbox_entry", subjectId: entryId, changes });
    }
    const change = await writePublication(tx, { actorId: actor.id, entryId, current: entry.status, intent });
    return { status: "ok", entryId, published: change.status === "published" } as const;
  });
}
