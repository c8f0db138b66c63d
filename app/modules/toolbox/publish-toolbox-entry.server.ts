import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import type { Db } from "#db/client.ts";
import { toolboxEntries, type ToolboxStatus } from "#db/schema/index.ts";
import type { ToolboxIntent } from "./toolbox.schema.ts";

export type ToolboxActor = NonNullable<Viewer>;

/**
 * What a button does to an entry's status. « Publier » publishes (a published entry stays so, with its
 * first publication date); « Enregistrer le brouillon » and « Retirer de la publication » leave or put it
 * back in the drafts. Only a change of status is audited as a publication.
 */
export function publicationChange(current: ToolboxStatus | null, intent: ToolboxIntent) {
  if (intent === "publish") {
    return current === "published"
      ? ({ status: "published", publishedAt: "keep", audit: null } as const)
      : ({ status: "published", publishedAt: "now", audit: "toolbox.publish" } as const);
  }
  return current === "published" ? ({ status: "draft", publishedAt: null, audit: "toolbox.unpublish" } as const) : ({ status: "draft", publishedAt: null, audit: null } as const);
}

/** Applies a status change inside the caller's transaction: the row and its audit entry go together. */
export async function writePublication(tx: Db, { actorId, entryId, current, intent }: { actorId: string; entryId: string; current: ToolboxStatus | null; intent: ToolboxIntent }) {
  const change = publicationChange(current, intent);
  if (change.publishedAt !== "keep") {
    await tx
      .update(toolboxEntries)
      .set({ status: change.status, publishedAt: change.publishedAt === "now" ? sql`now()` : null })
      .where(eq(toolboxEntries.id, entryId));
  }
  if (change.audit) {
    await recordAudit(tx, {
      actorId,
      action: change.audit,
      subjectType: "toolbox_entry",
      subjectId: entryId,
      changes: { status: { before: current ?? "draft", after: change.status } },
    });
  }
  return change;
}

export type PublishToolboxEntryResult = { status: "ok"; published: boolean; changed: boolean } | { status: "forbidden" } | { status: "not_found" };

/** An editor publishes a draft, or takes a published entry back to the drafts, from its page (no content change). */
export async function publishToolboxEntry({ actor, entryId, intent }: { actor: ToolboxActor; entryId: string; intent: "publish" | "unpublish" }): Promise<PublishToolboxEntryResult> {
  if (!can(actor, "toolbox.edit")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const [entry] = await tx.select({ status: toolboxEntries.status }).from(toolboxEntries).where(eq(toolboxEntries.id, entryId)).for("update");
    if (!entry) return { status: "not_found" } as const;
    const change = await writePublication(tx, { actorId: actor.id, entryId, current: entry.status, intent });
    return { status: "ok", published: change.status === "published", changed: change.audit !== null } as const;
  });
}
