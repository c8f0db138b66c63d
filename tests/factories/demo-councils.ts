/**
 * The conseils citoyens in the demo: three councils (Lens, Liévin, Avion) with members in both collèges
 * (most listed, a couple not), how to join in plain French, a past meeting with its summary and one to
 * come. The demo account conseil@labo.test (Sylvie Lefebvre) becomes a listed resident of the Liévin
 * council: her membership, made unlisted with the demo accounts, is updated rather than doubled.
 * Names are made up. Idempotent: does nothing once the demo councils have members without an account.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { parisToInstant } from "#app/modules/labo/paris-time.ts";
import type { Db } from "#db/client.ts";
import { councilMeetings, councilMembers, councils, users, type CouncilCollege } from "#db/schema/index.ts";

type DemoMember = { displayName: string; college: CouncilCollege; organisation?: string; listed: boolean };
type DemoCouncil = {
  code: string;
  howToJoin: string;
  meetingPattern: string;
  members: DemoMember[];
  past: { title: string; place: string; summary: string };
  upcoming: { title: string; place: string };
};

export const DEMO_COUNCILS: DemoCouncil[] = [
  {
    code: "QP062024",
    howToJoin:
      "Le conseil accueille de nouveaux membres chaque année, en septembre, lors d'une réunion publique à la maison de quartier.\n\nSi vous habitez la Cité 12-14, donnez votre nom à l'accueil de la mairie annexe. S'il y a plus de volontaires que de places, un tirage au sort a lieu, avec autant de femmes que d'hommes.",
    meetingPattern: "Le premier mardi du mois à 18 h, à la maison de quartier de la Cité 12-14.",
    members: [
      { displayName: "Nadia Benhamou", college: "residents", listed: true },
      { displayName: "Gérard Lemaire", college: "residents", listed: true },
      { displayName: "Chloé Vasseur", college: "residents", listed: true },
      { displayName: "Mohamed Ait Ali", college: "residents", listed: false },
      { displayName: "Isabelle Carpentier", college: "actors", organisation: "Centre social Cité 12-14", listed: true },
      { displayName: "Thierry Delattre", college: "actors", organisation: "Club de football de la Cité 12", listed: true },
    ],
    past: {
      title: "Réunion du conseil : les abords de l'école",
      place: "Maison de quartier de la Cité 12-14",
      summary:
        "Quatorze personnes présentes. Le conseil a fait le tour des abords de l'école avec les parents : trottoirs trop étroits, voitures garées sur le passage piéton.\n\nIl a décidé de porter au GTP la proposition d'un plateau ralentisseur devant l'école.",
    },
    upcoming: { title: "Réunion du conseil : préparer la fête de quartier", place: "Maison de quartier de la Cité 12-14" },
  },
  {
    code: "QP062028",
    howToJoin:
      "Venez à l'une de nos réunions : elles sont ouvertes à tous les habitants de Calonne, des Marichelles et du Vent de Bise.\n\nPour devenir membre, laissez vos coordonnées au centre social du Vent de Bise. Les membres habitants sont tirés au sort parmi les volontaires lors de la réunion publique de rentrée.",
    meetingPattern: "Un jeudi sur deux à 18 h 30, au centre social du Vent de Bise.",
    members: [
      { displayName: "Jean-Pierre Wattez", college: "residents", listed: true },
      { displayName: "Samira Khelifi", college: "residents", listed: true },
      { displayName: "Léa Dubrulle", college: "residents", listed: false },
      { displayName: "Anne Bauduin", college: "actors", organisation: "Centre social du Vent de Bise", listed: true },
      { displayName: "Rachid Bensaïd", college: "actors", organisation: "Association des locataires de Calonne", listed: true },
    ],
    past: {
      title: "Réunion du conseil : l'éclairage des rues",
      place: "Centre social du Vent de Bise",
      summary:
        "Onze personnes présentes. Plusieurs rues des Marichelles restent dans le noir le soir. Le conseil a dressé la liste des lampadaires en panne et va interpeller le GTP pour savoir quand ils seront réparés.",
    },
    upcoming: { title: "Réunion du conseil : bilan des jardins partagés", place: "Centre social du Vent de Bise" },
  },
  {
    code: "QP062019",
    howToJoin:
      "Le conseil citoyen de République - Cité 4 se renouvelle à l'automne. Une réunion publique est annoncée dans les boîtes aux lettres et à la mairie d'Avion.\n\nVous pouvez aussi écrire à la mairie ou en parler à un membre du conseil lors d'une réunion.",
    meetingPattern: "Le dernier mercredi du mois à 18 h, salle Jean Jaurès.",
    members: [
      { displayName: "Martine Leclercq", college: "residents", listed: true },
      { displayName: "Kevin Duhamel", college: "residents", listed: true },
      { displayName: "Fatou Diallo", college: "residents", listed: true },
      { displayName: "Bernard Dufour", college: "actors", organisation: "Secours populaire, antenne d'Avion", listed: true },
      { displayName: "Julie Masson", college: "actors", organisation: "Pharmacie de la Cité 4", listed: false },
    ],
    past: {
      title: "Réunion du conseil : le city-stade",
      place: "Salle Jean Jaurès, Avion",
      summary: "Neuf personnes présentes, dont quatre jeunes du quartier. Le conseil suit la proposition de rénovation du city-stade et demandera où en est l'étude.",
    },
    upcoming: { title: "Réunion du conseil : accueillir les nouveaux membres", place: "Salle Jean Jaurès, Avion" },
  },
];

const DAY = 24 * 3_600_000;

/** A day `offsetDays` from today, at this Paris time. */
function parisDay(offsetDays: number, time: string) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * DAY));
  return parisToInstant(day, time)!;
}

export async function seedDemoCouncils(db: Db) {
  const codes = DEMO_COUNCILS.map((c) => c.code);
  const seeded = await db
    .select({ id: councilMembers.id })
    .from(councilMembers)
    .where(and(inArray(councilMembers.councilCode, codes), isNull(councilMembers.userId)))
    .limit(1);
  if (seeded.length) return;

  await db.transaction(async (tx) => {
    for (const council of DEMO_COUNCILS) {
      await tx.update(councils).set({ howToJoin: council.howToJoin, meetingPattern: council.meetingPattern, updatedAt: new Date() }).where(eq(councils.code, council.code));
      const joined = new Date(Date.now() - 200 * DAY);
      await tx.insert(councilMembers).values(
        council.members.map((m) => ({ councilCode: council.code, displayName: m.displayName, college: m.college, organisation: m.organisation ?? "", listed: m.listed, createdAt: joined })),
      );
      await tx.insert(councilMeetings).values([
        { councilCode: council.code, title: council.past.title, startsAt: parisDay(-21, "18:00"), place: council.past.place, summary: council.past.summary },
        { councilCode: council.code, title: council.upcoming.title, startsAt: parisDay(14, "18:00"), place: council.upcoming.place },
      ]);
    }

    // Sylvie Lefebvre (conseil@labo.test) sits on the Liévin council: listed, in the residents' collège.
    const [sylvie] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "conseil@labo.test")).limit(1);
    if (sylvie) {
      const updated = await tx
        .update(councilMembers)
        .set({ listed: true, college: "residents" })
        .where(and(eq(councilMembers.councilCode, "QP062028"), eq(councilMembers.userId, sylvie.id), isNull(councilMembers.leftAt)))
        .returning({ id: councilMembers.id });
      if (!updated.length) {
        await tx.insert(councilMembers).values({ councilCode: "QP062028", userId: sylvie.id, displayName: "Sylvie Lefebvre", college: "residents", listed: true });
      }
    }
  });
}
