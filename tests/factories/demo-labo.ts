import { eq, inArray } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import { laboRegistrations, laboSessions, users } from "#db/schema/index.ts";
import { insertLaboSession } from "./labo-sessions.ts";

const DAY = 24 * 3600_000;

/** The rendez-vous under way today (fixed id: the browser tests of the console open it). */
export const DEMO_TODAY_SESSION_ID = "d3e0c0de-1ab0-4000-8000-000000000001";

/** A date `days` from today at hh:mm Paris time (winter: UTC+1; close enough for a demo). */
function at(days: number, hour: number, minute = 0) {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour - 1, minute, 0, 0);
  return d;
}

export const DEMO_SMALL_LABO_SESSION_ID = "7a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

/**
 * Upcoming rendez-vous for the demo, animated by the demo ambassador (Avion, Mazingarbe). Seeded once:
 * skipped when a session with the same title exists.
 */
export async function seedDemoLaboSessions(db: Db) {
  const [ambassador] = await db.select({ id: users.id }).from(users).where(eq(users.email, "ambassadeur@labo.test")).limit(1);
  const animatorIds = ambassador ? [ambassador.id] : [];
  const sessions = [
    {
      title: "Se déplacer sans voiture : ce qui bloque, ce qu'on propose",
      communeSlug: "avion",
      startsAt: at(12, 18),
      endsAt: at(12, 20, 30),
      capacity: 60,
      ambitionNumbers: [4, 9],
      ateliers: [
        { title: "Bus et horaires", question: "Qu'est-ce qui vous empêche de prendre le bus pour aller travailler ?", facilitatorName: "Karim Dupont" },
        { title: "À pied et à vélo", question: "Quels trajets du quartier sont dangereux à pied ou à vélo ?", facilitatorName: "Amandine, centre social" },
      ],
    },
    {
      title: "Jeunes et premier emploi : on en parle ensemble",
      communeSlug: "mazingarbe",
      startsAt: at(26, 17, 30),
      endsAt: at(26, 20),
      capacity: 40,
      ambitionNumbers: [10],
      ateliers: [{ title: "Trouver un stage", question: "Qui peut vous aider à trouver un stage ou un premier contrat ?", facilitatorName: "Karim Dupont" }],
    },
    // Under way today (started an hour ago), for the console on the day and the minutes.
    {
      id: DEMO_TODAY_SESSION_ID,
      title: "Cadre de vie : nos rues, nos espaces verts",
      communeSlug: "avion",
      startsAt: new Date(Date.now() - 3600_000),
      endsAt: new Date(Date.now() + 1.5 * 3600_000),
      capacity: 50,
      ambitionNumbers: [8],
      ateliers: [
        { title: "Propreté et éclairage", question: "Où le quartier est-il sale ou mal éclairé ?", facilitatorName: "Karim Dupont" },
        { title: "Espaces verts", question: "Quel espace vert voudriez-vous voir naître ou changer ?", facilitatorName: "Sophie, maison de quartier" },
      ],
    },
    {
      // Two seats only, so the waiting list shows at once (the registrations journey fills it). A fixed id:
      // browser tests open its registration page by address.
      id: DEMO_SMALL_LABO_SESSION_ID,
      title: "Café-atelier : lire ensemble le contrat de ville",
      communeSlug: "avion",
      startsAt: at(9, 14),
      endsAt: at(9, 16),
      capacity: 2,
      ambitionNumbers: [1],
      ateliers: [{ title: "Le contrat de ville en 30 minutes", question: "Qu'est-ce qui vous parle le plus dans les 12 ambitions ?", facilitatorName: "Karim Dupont" }],
    },
  ];
  const titles = sessions.map((s) => s.title);
  const existing = await db.select({ title: laboSessions.title }).from(laboSessions).where(inArray(laboSessions.title, titles));
  for (const session of sessions) {
    if (existing.some((e) => e.title === session.title)) continue;
    const { session: inserted } = await insertLaboSession(db, { ...session, animatorIds, createdById: ambassador?.id ?? null });
    if (inserted.id === DEMO_TODAY_SESSION_ID) await registerDemoPeople(db, inserted.id);
  }
}

/** People registered to the session of the day: the demo resident (signed in) and two neighbours without an account. */
async function registerDemoPeople(db: Db, sessionId: string) {
  const [resident] = await db.select({ id: users.id }).from(users).where(eq(users.email, "habitante@labo.test")).limit(1);
  const consentAt = new Date();
  await db.insert(laboRegistrations).values([
    ...(resident ? [{ sessionId, userId: resident.id, status: "confirmed" as const }] : []),
    { sessionId, name: "Josiane Lefebvre", email: "josiane.lefebvre@voisins.test", consentAt, status: "confirmed" as const, isNewcomer: true },
    { sessionId, name: "Marc Dubois", phone: "06 12 34 56 78", consentAt, status: "confirmed" as const },
  ]);
}
