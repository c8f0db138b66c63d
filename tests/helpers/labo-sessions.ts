import type { Viewer } from "#app/modules/auth/permissions.ts";
import type { LaboSessionInput } from "#app/modules/labo/labo-session.schema.ts";
import type { Role } from "#db/schema/index.ts";

/** A viewer as the guards build it, for calling the use cases directly. */
export function actorOf(user: { id: string }, roles: { role: Role; communeSlug?: string | null }[]): NonNullable<Viewer> {
  return { id: user.id, emailVerified: true, roles: roles.map((r) => ({ role: r.role, communeSlug: r.communeSlug ?? null, quartierCode: null })) };
}

/** A valid session in Avion next week, as the form schema hands it over. */
export function sessionInput(change: Partial<LaboSessionInput> = {}): LaboSessionInput {
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  return {
    title: "Se déplacer sans voiture",
    theme: "Mobilité",
    description: null,
    ambitionNumbers: [4],
    communeSlug: "avion",
    placeName: "Salle des fêtes",
    placeAddress: "Place de la République",
    accessInfo: null,
    accessibilityInfo: null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    capacity: 40,
    animatorIds: [],
    ateliers: [{ title: "Bus", question: "Qu'est-ce qui bloque ?", facilitatorName: "Karim" }],
    ...change,
  };
}
