/**
 * A conseil citoyen or a member of the réseau des acteurs asks the GTP a question or makes a request. It
 * enters the GTP's queue at once and is owed a public answer under the droit de suite (same deadline
 * setting as qualified proposals).
 */
import { and, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { ambitions, councilQuartiers, councils, interpellations, quartiers } from "#db/schema/index.ts";
import type { InterpellationInput } from "./interpellation.schema.ts";

export type InterpellationSource = { kind: "council"; councilCode: string } | { kind: "actor_network"; organisation: string };

export type SendInterpellationResult = { status: "ok"; id: string } | { status: "forbidden" } | { status: "not_found" } | { status: "invalid"; errors: Record<string, string> };

export async function sendInterpellation({ actor, source, input }: { actor: NonNullable<Viewer>; source: InterpellationSource; input: InterpellationInput }): Promise<SendInterpellationResult> {
  const allowed = source.kind === "council" ? can(actor, "council.act", { councilCode: source.councilCode }) : can(actor, "network.refer");
  if (!allowed) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<SendInterpellationResult> => {
    const councilCode = source.kind === "council" ? source.councilCode : null;
    const [council, ambition, quartier] = await Promise.all([
      councilCode ? tx.select({ code: councils.code }).from(councils).where(eq(councils.code, councilCode)).then((rows) => rows[0]) : null,
      input.ambitionNumber ? tx.select({ number: ambitions.number }).from(ambitions).where(eq(ambitions.number, input.ambitionNumber)).then((rows) => rows[0]) : null,
      !input.quartierCode
        ? null
        : councilCode
          ? // A council speaks for its own quartiers only.
            tx.select({ code: councilQuartiers.quartierCode }).from(councilQuartiers).where(and(eq(councilQuartiers.quartierCode, input.quartierCode), eq(councilQuartiers.councilCode, councilCode))).then((rows) => rows[0])
          : tx.select({ code: quartiers.code }).from(quartiers).where(eq(quartiers.code, input.quartierCode)).then((rows) => rows[0]),
    ]);
    if (councilCode && !council) return { status: "not_found" };
    const errors: Record<string, string> = {};
    if (input.ambitionNumber && !ambition) errors.ambitionNumber = "proposals:validation.unknownAmbition";
    if (input.quartierCode && !quartier) errors.quartierCode = councilCode ? "interpellations:validation.quartierNotCouncil" : "proposals:validation.unknownQuartier";
    if (Object.keys(errors).length) return { status: "invalid", errors };

    const [row] = await tx
      .insert(interpellations)
      .values({
        source: source.kind === "council" ? "council" : "actor_network",
        councilCode,
        organisation: source.kind === "actor_network" ? source.organisation : "",
        authorId: actor.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        ambitionNumber: input.ambitionNumber,
        quartierCode: input.quartierCode,
      })
      .returning({ id: interpellations.id });
    await recordAudit(tx, { actorId: actor.id, action: "interpellation.send", subjectType: "interpellation", subjectId: row!.id, reason: councilCode ? `council:${councilCode}` : "actor_network" });
    return { status: "ok", id: row!.id };
  });
}
