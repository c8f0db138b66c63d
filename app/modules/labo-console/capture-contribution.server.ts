import { and, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { ambitions, laboAteliers, laboCaptures, quartiers } from "#db/schema/index.ts";
import { isClosed, type SessionClosed } from "./check-in.server.ts";
import type { CaptureInput } from "./console.schema.ts";

export type CaptureResult = { status: "ok"; captureId: string; created: boolean } | { status: "invalid"; errors: Record<string, string> } | SessionClosed;

/**
 * Saves what a participant said. Idempotent on (session, client id): a capture sent again after a
 * network failure (the first request may have arrived) returns the capture already stored.
 */
export async function captureContribution({
  session,
  actor,
  input,
}: {
  session: { id: string; status: string };
  actor: { id: string };
  input: CaptureInput;
}): Promise<CaptureResult> {
  if (isClosed(session)) return { status: "cancelled" };
  const [atelier, ambition, quartier] = await Promise.all([
    input.atelierId
      ? db.select({ id: laboAteliers.id }).from(laboAteliers).where(and(eq(laboAteliers.id, input.atelierId), eq(laboAteliers.sessionId, session.id))).limit(1)
      : [true],
    input.ambitionNumber ? db.select({ n: ambitions.number }).from(ambitions).where(eq(ambitions.number, input.ambitionNumber)).limit(1) : [true],
    input.quartierCode ? db.select({ code: quartiers.code }).from(quartiers).where(eq(quartiers.code, input.quartierCode)).limit(1) : [true],
  ]);
  const errors: Record<string, string> = {};
  if (!atelier.length) errors.atelierId = "laboConsole:validation.unknownAtelier";
  if (!ambition.length) errors.ambitionNumber = "proposals:validation.unknownAmbition";
  if (!quartier.length) errors.quartierCode = "proposals:validation.unknownQuartier";
  if (Object.keys(errors).length) return { status: "invalid", errors };

  const personal = Boolean(input.participantName || input.participantContact);
  const [inserted] = await db
    .insert(laboCaptures)
    .values({
      sessionId: session.id,
      clientId: input.clientId,
      kind: input.kind,
      atelierId: input.atelierId,
      ambitionNumber: input.ambitionNumber,
      quartierCode: input.quartierCode,
      body: input.body,
      participantName: input.participantName,
      participantContact: input.participantContact,
      consentAt: personal ? sql`now()` : null,
      capturedById: actor.id,
    })
    .onConflictDoNothing({ target: [laboCaptures.sessionId, laboCaptures.clientId] })
    .returning({ id: laboCaptures.id });
  if (inserted) return { status: "ok", captureId: inserted.id, created: true };
  const [existing] = await db
    .select({ id: laboCaptures.id })
    .from(laboCaptures)
    .where(and(eq(laboCaptures.sessionId, session.id), eq(laboCaptures.clientId, input.clientId)))
    .limit(1);
  return { status: "ok", captureId: existing!.id, created: false };
}
