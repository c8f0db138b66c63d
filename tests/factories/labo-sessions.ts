import type { Db } from "#db/client.ts";
import { laboAteliers, laboSessionAmbitions, laboSessionAnimators, laboSessions, type LaboSessionStatus } from "#db/schema/index.ts";

export type LaboSessionFactoryInput = {
  /** A fixed id (the demo's session of the day, which the browser tests open). */
  id?: string;
  title?: string;
  communeSlug?: string;
  status?: LaboSessionStatus;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number | null;
  ambitionNumbers?: number[];
  animatorIds?: string[];
  ateliers?: { title: string; question: string; facilitatorName?: string }[];
  createdById?: string | null;
};

let counter = 0;

/**
 * Inserts an announced rendez-vous in a week (by default in Avion, 40 seats, one atelier), as it would
 * be after its use cases ran. Returns the session row and its ateliers.
 */
export async function insertLaboSession(db: Db, input: LaboSessionFactoryInput = {}) {
  counter += 1;
  const startsAt = input.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
  const status = input.status ?? "announced";
  const [session] = await db
    .insert(laboSessions)
    .values({
      ...(input.id ? { id: input.id } : {}),
      title: input.title ?? `Rendez-vous du Labo : se déplacer sans voiture ${counter}`,
      theme: "Mobilité",
      description: "On part de vos trajets de tous les jours : ce qui marche, ce qui bloque, ce qu'on propose.",
      communeSlug: input.communeSlug ?? "avion",
      placeName: "Salle des fêtes",
      placeAddress: "Place de la République, 62210 Avion",
      accessInfo: "Bus Tadao ligne 10, arrêt Mairie.",
      accessibilityInfo: "Salle de plain-pied, boucle magnétique.",
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + 2.5 * 3600_000),
      capacity: input.capacity === undefined ? 40 : input.capacity,
      status,
      announcedAt: status === "draft" ? null : new Date(),
      createdById: input.createdById ?? null,
    })
    .returning();
  const ambitionNumbers = input.ambitionNumbers ?? [4];
  if (ambitionNumbers.length) await db.insert(laboSessionAmbitions).values(ambitionNumbers.map((ambitionNumber) => ({ sessionId: session!.id, ambitionNumber })));
  if (input.animatorIds?.length) await db.insert(laboSessionAnimators).values(input.animatorIds.map((userId) => ({ sessionId: session!.id, userId })));
  const ateliers = await db
    .insert(laboAteliers)
    .values(
      (input.ateliers ?? [{ title: "Atelier bus et horaires", question: "Qu'est-ce qui vous empêche de prendre le bus ?", facilitatorName: "Karim" }]).map((a, position) => ({
        sessionId: session!.id,
        position,
        title: a.title,
        question: a.question,
        facilitatorName: a.facilitatorName ?? null,
      })),
    )
    .returning();
  return { session: session!, ateliers };
}
