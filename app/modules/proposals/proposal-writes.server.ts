/**
 * Pieces shared by the proposal use cases. Each runs inside the caller's transaction, so a use case
 * either writes everything (row, links, timeline event, follow) or nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import {
  ambitions,
  communes,
  proposalAmbitions,
  proposalAxes,
  proposalEvents,
  proposalFollows,
  proposals,
  quartierCommunes,
  quartiers,
  transversalAxes,
  type ProposalEventKind,
} from "#db/schema/index.ts";
import type { ProposalInput } from "./proposal.schema.ts";

export type Actor = { id: string };

/** The outcomes every author action shares. */
export type NotFound = { status: "not_found" };
export type Forbidden = { status: "forbidden" };

/**
 * The proposal row, locked until the transaction ends: supports and contributions update its counters
 * under the same lock, so "no support yet" stays true while an edit is written. A hidden proposal
 * (moderation) is treated as absent.
 */
export async function lockProposal(tx: Db, proposalId: string) {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for("update");
  return row && !row.hiddenAt ? row : null;
}

/**
 * Field errors for references that do not exist (a tampered form, or a referential edited meanwhile),
 * and for a quartier that is not in the chosen commune. Checked here so that such a form answers 400.
 */
export async function checkReferences(tx: Db, input: ProposalInput): Promise<Record<string, string>> {
  const ambitionNumbers = [input.ambitionNumber, ...input.secondaryAmbitions];
  const [ambitionRows, axisRows, quartierRows, communeRows, linkRows] = await Promise.all([
    tx.select({ number: ambitions.number }).from(ambitions).where(inArray(ambitions.number, ambitionNumbers)),
    input.axes.length ? tx.select({ key: transversalAxes.key }).from(transversalAxes).where(inArray(transversalAxes.key, input.axes)) : [],
    input.quartierCode ? tx.select({ code: quartiers.code }).from(quartiers).where(eq(quartiers.code, input.quartierCode)).limit(1) : [],
    input.communeSlug ? tx.select({ slug: communes.slug }).from(communes).where(eq(communes.slug, input.communeSlug)).limit(1) : [],
    input.quartierCode && input.communeSlug
      ? tx
          .select({ code: quartierCommunes.quartierCode })
          .from(quartierCommunes)
          .where(and(eq(quartierCommunes.quartierCode, input.quartierCode), eq(quartierCommunes.communeSlug, input.communeSlug)))
          .limit(1)
      : [],
  ]);
  const known = new Set(ambitionRows.map((r) => r.number));
  const errors: Record<string, string> = {};
  if (!known.has(input.ambitionNumber)) errors.ambitionNumber = "proposals:validation.unknownAmbition";
  if (input.secondaryAmbitions.some((n) => !known.has(n))) errors.secondaryAmbitions = "proposals:validation.unknownAmbition";
  if (axisRows.length !== input.axes.length) errors.axes = "validation.invalid";
  if (input.quartierCode && !quartierRows.length) errors.quartierCode = "proposals:validation.unknownQuartier";
  if (input.communeSlug && !communeRows.length) errors.communeSlug = "proposals:validation.unknownCommune";
  else if (quartierRows.length && communeRows.length && !linkRows.length) errors.communeSlug = "proposals:validation.quartierNotInCommune";
  return errors;
}

/** Replaces the secondary ambitions and transversal axes of a proposal. */
export async function saveLinks(tx: Db, proposalId: string, input: Pick<ProposalInput, "secondaryAmbitions" | "axes">) {
  await tx.delete(proposalAmbitions).where(eq(proposalAmbitions.proposalId, proposalId));
  await tx.delete(proposalAxes).where(eq(proposalAxes.proposalId, proposalId));
  if (input.secondaryAmbitions.length) {
    await tx.insert(proposalAmbitions).values(input.secondaryAmbitions.map((ambitionNumber) => ({ proposalId, ambitionNumber })));
  }
  if (input.axes.length) await tx.insert(proposalAxes).values(input.axes.map((axisKey) => ({ proposalId, axisKey })));
}

export async function recordEvent(tx: Db, event: { proposalId: string; kind: ProposalEventKind; actorId: string | null; payload?: Record<string, unknown> }) {
  await tx.insert(proposalEvents).values({ ...event, payload: event.payload ?? null });
}

/**
 * A proposal that a collective carries (a rendez-vous du Labo, the réseau des acteurs) is born published and
 * qualified: the collective's word stands for the supports a resident's proposal must gather. Writes the row,
 * its timeline (created, published, qualified with `qualifiedPayload`) and the carrier's follow; the caller
 * checks the references first and writes its own audit entry.
 */
export async function insertQualifiedProposal(
  tx: Db,
  {
    actorId,
    input,
    origin,
    qualifiedPayload,
  }: {
    actorId: string;
    input: { title: string; body: string; ambitionNumber: number; quartierCode: string | null; communeSlug: string | null };
    origin: Pick<typeof proposals.$inferInsert, "origin" | "originLaboSessionId" | "originCaptureId">;
    qualifiedPayload: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = await tx
    .insert(proposals)
    .values({
      authorId: actorId,
      title: input.title,
      body: input.body,
      ambitionNumber: input.ambitionNumber,
      quartierCode: input.quartierCode,
      communeSlug: input.communeSlug,
      status: "qualified",
      ...origin,
      publishedAt: sql`now()`,
      qualifiedAt: sql`now()`,
      createdAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .returning({ id: proposals.id });
  const proposalId = row!.id;
  await recordEvent(tx, { proposalId, kind: "created", actorId });
  await recordEvent(tx, { proposalId, kind: "published", actorId });
  await recordEvent(tx, { proposalId, kind: "qualified", actorId, payload: qualifiedPayload });
  await follow(tx, proposalId, actorId);
  return proposalId;
}

/** Authors follow their proposal from its publication (they can stop later, on the page). */
export async function follow(tx: Db, proposalId: string, userId: string) {
  await tx.insert(proposalFollows).values({ proposalId, userId }).onConflictDoNothing();
}
