/**
 * Pieces shared by the session use cases. Each runs inside the caller's transaction, so a use case
 * writes the session, its links and its audit entry, or nothing.
 */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { ambitions, communes, laboAteliers, laboSessionAmbitions, laboSessionAnimators, roleGrants } from "#db/schema/index.ts";
import type { LaboSessionInput } from "./labo-session.schema.ts";

export type SessionActor = NonNullable<Viewer>;

/**
 * Field errors for what the form cannot check: the commune exists and is one the actor runs sessions in
 * (an ambassador: their communes; the session's current commune stays allowed on edit), the ambitions
 * exist, and each animator is an ambassador of that commune or a coordinator.
 */
export async function checkSessionReferences(tx: Db, actor: SessionActor, input: LaboSessionInput, currentCommuneSlug: string | null = null): Promise<Record<string, string>> {
  const [communeRows, ambitionRows, animatorRows] = await Promise.all([
    tx.select({ slug: communes.slug }).from(communes).where(eq(communes.slug, input.communeSlug)).limit(1),
    input.ambitionNumbers.length ? tx.select({ number: ambitions.number }).from(ambitions).where(inArray(ambitions.number, input.ambitionNumbers)) : [],
    input.animatorIds.length
      ? tx
          .selectDistinct({ userId: roleGrants.userId })
          .from(roleGrants)
          .where(
            and(
              inArray(roleGrants.userId, input.animatorIds),
              or(and(eq(roleGrants.role, "ambassador"), eq(roleGrants.communeSlug, input.communeSlug)), eq(roleGrants.role, "coordinator")),
            ),
          )
      : [],
  ]);
  const errors: Record<string, string> = {};
  if (!communeRows.length) errors.communeSlug = "labo:validation.unknownCommune";
  else if (input.communeSlug !== currentCommuneSlug && !can(actor, "labo.manage", { communeSlug: input.communeSlug })) errors.communeSlug = "labo:validation.communeNotYours";
  if (ambitionRows.length !== input.ambitionNumbers.length) errors.ambitionNumbers = "labo:validation.unknownAmbition";
  if (animatorRows.length !== input.animatorIds.length) errors.animatorIds = "labo:validation.animatorNotEligible";
  return errors;
}

/** The session's ambitions and animators as the form says; ateliers updated in place by position, so captures keep theirs. */
export async function saveSessionLinks(tx: Db, sessionId: string, input: LaboSessionInput) {
  await tx.delete(laboSessionAmbitions).where(eq(laboSessionAmbitions.sessionId, sessionId));
  if (input.ambitionNumbers.length) await tx.insert(laboSessionAmbitions).values(input.ambitionNumbers.map((ambitionNumber) => ({ sessionId, ambitionNumber })));
  await tx.delete(laboSessionAnimators).where(eq(laboSessionAnimators.sessionId, sessionId));
  if (input.animatorIds.length) await tx.insert(laboSessionAnimators).values(input.animatorIds.map((userId) => ({ sessionId, userId })));

  const existing = await tx.select({ id: laboAteliers.id }).from(laboAteliers).where(eq(laboAteliers.sessionId, sessionId)).orderBy(asc(laboAteliers.position), asc(laboAteliers.id));
  for (const [position, atelier] of input.ateliers.entries()) {
    const values = { position, title: atelier.title, question: atelier.question, facilitatorName: atelier.facilitatorName };
    const current = existing[position];
    if (current) await tx.update(laboAteliers).set(values).where(eq(laboAteliers.id, current.id));
    else await tx.insert(laboAteliers).values({ sessionId, ...values });
  }
  const removed = existing.slice(input.ateliers.length).map((a) => a.id);
  if (removed.length) await tx.delete(laboAteliers).where(inArray(laboAteliers.id, removed));
}

/** The session's columns from the form. */
export function sessionColumns(input: LaboSessionInput) {
  return {
    title: input.title,
    theme: input.theme,
    description: input.description,
    communeSlug: input.communeSlug,
    placeName: input.placeName,
    placeAddress: input.placeAddress,
    accessInfo: input.accessInfo,
    accessibilityInfo: input.accessibilityInfo,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    capacity: input.capacity,
  };
}
