/** A council's own words (name, how to join, when it meets) and the quartiers it covers. */
import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { councilQuartiers, councils, quartiers } from "#db/schema/index.ts";
import type { EditCouncilInput } from "./council.schema.ts";

type Actor = { id: string };

export async function editCouncil({ actor, councilCode, input }: { actor: Actor; councilCode: string; input: EditCouncilInput }): Promise<{ status: "ok" | "unchanged" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    const [council] = await tx
      .select({ name: councils.name, howToJoin: councils.howToJoin, meetingPattern: councils.meetingPattern })
      .from(councils)
      .where(eq(councils.code, councilCode))
      .for("update");
    if (!council) return { status: "not_found" } as const;
    const changes = diffFields(council, input);
    if (!Object.keys(changes).length) return { status: "unchanged" } as const;
    await tx.update(councils).set({ ...input, updatedAt: new Date() }).where(eq(councils.code, councilCode));
    await recordAudit(tx, { actorId: actor.id, action: "council.edit", subjectType: "council", subjectId: councilCode, changes });
    return { status: "ok" } as const;
  });
}

export type AttachQuartierResult =
  | { status: "ok"; fromCouncil: string | null; fromCouncilLeftEmpty: boolean }
  | { status: "already_here" }
  | { status: "not_found" }
  | { status: "unknown_quartier" };

/**
 * Moves a quartier under this council (one council may cover several quartiers). The council it leaves
 * may end up covering none: that is allowed (its members and history stay), and the result says so.
 */
export async function attachQuartier({ actor, councilCode, quartierCode }: { actor: Actor; councilCode: string; quartierCode: string }): Promise<AttachQuartierResult> {
  return db.transaction(async (tx) => {
    // Both councils' rows are locked in code order, so two moves at once cannot deadlock or miscount.
    const [quartier] = await tx
      .select({ code: quartiers.code, councilCode: councilQuartiers.councilCode })
      .from(quartiers)
      .leftJoin(councilQuartiers, eq(councilQuartiers.quartierCode, quartiers.code))
      .where(eq(quartiers.code, quartierCode))
      .limit(1);
    if (!quartier) return { status: "unknown_quartier" } as const;
    const from = quartier.councilCode;
    const locked = await tx
      .select({ code: councils.code })
      .from(councils)
      .where(sql`${councils.code} in (${councilCode}, ${from ?? councilCode})`)
      .orderBy(councils.code)
      .for("update");
    if (!locked.some((c) => c.code === councilCode)) return { status: "not_found" } as const;
    if (from === councilCode) return { status: "already_here" } as const;
    await tx
      .insert(councilQuartiers)
      .values({ quartierCode, councilCode })
      .onConflictDoUpdate({ target: councilQuartiers.quartierCode, set: { councilCode } });
    const [left] = from
      ? await tx.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(councilQuartiers).where(eq(councilQuartiers.councilCode, from))
      : [{ n: 1 }];
    await recordAudit(tx, {
      actorId: actor.id,
      action: "council.attach_quartier",
      subjectType: "council",
      subjectId: councilCode,
      changes: { council: { before: from, after: councilCode } },
      reason: quartierCode,
    });
    return { status: "ok", fromCouncil: from, fromCouncilLeftEmpty: Boolean(from) && left!.n === 0 } as const;
  });
}
