import { eq } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import { users } from "#db/schema/index.ts";
import { insertToolboxEntry, type ToolboxEntryFactoryInput } from "./toolbox.ts";

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** Fixed ids: seeding again finds them and adds nothing (the seed is idempotent). */
const id = (n: number) => `7b0c0000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/**
 * The demo toolbox: fiches d'expérience, méthodes d'animation and an annuaire of fictional structures of
 * the Lens-Liévin territory. Contacts are generic (contact@exemple.org, a switchboard-like number), never a
 * real person's. Mostly published, two drafts.
 */
export const DEMO_TOOLBOX: (ToolboxEntryFactoryInput & { id: string })[] = [
  // Fiches d'expérience
  {
    id: id(1),
    kind: "experience",
    title: "Un jardin partagé au pied des corons de la cité 12-14",
    summary:
      "Au printemps 2024, des habitants de la cité 12-14 ont transformé une pelouse abandonnée entre deux rangées de corons en jardin partagé : huit bacs surélevés, un composteur et un abri à outils construit avec la régie de quartier.",
    place: "Pelouse de la rue des Mineurs, cité 12-14",
    quartierCode: "QP062024",
    communeSlugs: ["lens"],
    people: "Une quinzaine de familles, l'école du quartier, la régie de quartier et le bailleur (qui a prêté le terrain).",
    whatWorked:
      "Les bacs surélevés ont fait venir des personnes âgées qui ne pouvaient plus jardiner à genoux. Les enfants de l'école passent arroser le mercredi. Un repas de fin d'été a réuni plus de 60 personnes.",
    whatDidNot:
      "L'arrosage l'été : sans point d'eau sur place, il a fallu porter des bidons pendant deux mois. Quelques bacs ont été abîmés la première année ; une clôture basse a réglé le problème.",
    organisation: "Centre social des Terrils (fictif)",
    publicContact: "contact@exemple.org · 03 21 00 00 00 (accueil du centre social)",
    ambitionNumbers: [2, 8],
    publishedAt: daysAgo(40),
  },
  {
    id: id(2),
    kind: "experience",
    title: "Un diagnostic en marchant dans le quartier Calonne",
    summary:
      "Un samedi matin d'octobre, vingt habitants ont parcouru le quartier Calonne - Marichelles avec les services techniques de la ville pour repérer ce qui gêne au quotidien : trottoirs, éclairage, dépôts sauvages.",
    place: "Départ devant la maison de quartier, 2 h de marche",
    quartierCode: "QP062028",
    communeSlugs: ["lievin"],
    people: "Des habitants, le conseil citoyen, deux agents des services techniques, le délégué du préfet.",
    whatWorked:
      "Voir les problèmes sur place, ensemble : les agents ont noté 34 points précis, avec des photos. Onze ont été réglés en trois mois et affichés à la maison de quartier.",
    whatDidNot:
      "Le parcours était trop long pour les personnes à mobilité réduite. Peu de jeunes sont venus un samedi matin. Le retour sur les points non réglés a tardé.",
    organisation: "Maison de quartier Calonne (fictive)",
    publicContact: "maison-de-quartier@exemple.org",
    ambitionNumbers: [8, 11],
    publishedAt: daysAgo(30),
  },
  {
    id: id(3),
    kind: "experience",
    title: "Un repair café chaque mois à la cité 4 d'Avion",
    summary:
      "Depuis janvier, un samedi par mois, des bénévoles réparent avec les habitants petits appareils, vélos et vêtements, dans la salle de la régie de quartier. On apprend à réparer soi-même plutôt que jeter.",
    place: "Salle de la régie, quartier République - Cité 4",
    quartierCode: "QP062019",
    communeSlugs: ["avion"],
    people: "Six bénévoles bricoleurs, la régie de quartier, une couturière retraitée, les habitants du quartier.",
    whatWorked: "Les gens reviennent avec leurs voisins. Le coin couture a beaucoup de succès. Le café offert crée une vraie ambiance de rencontre.",
    whatDidNot: "Il manque souvent des pièces détachées. Les premiers mois, l'horaire du matin tombait en même temps que le marché.",
    organisation: "Régie de quartier Avion Solidaire (fictive)",
    publicContact: "regie@exemple.org",
    ambitionNumbers: [2, 12],
    publishedAt: daysAgo(20),
  },
  {
    id: id(4),
    kind: "experience",
    title: "Un forum santé avec le centre social de la Grande Résidence",
    summary:
      "Une journée de stands et d'ateliers sur la santé : dépistages, bilan de vue, ateliers cuisine, accès aux droits avec la CPAM. Organisée avec le centre social et les professionnels de santé du quartier.",
    place: "Gymnase du quartier",
    quartierCode: "QP062025",
    communeSlugs: ["lens", "vendin-le-vieil"],
    people: "Le centre social, des infirmières, une diététicienne, la CPAM, des associations de prévention, environ 200 visiteurs.",
    whatWorked: "Les dépistages gratuits et les ateliers cuisine avec dégustation. Plusieurs personnes ont ouvert leurs droits sur place.",
    whatDidNot:
      "Trop de stands d'information où l'on distribue des brochures : les gens passent sans s'arrêter. Les hommes sont peu venus. Il aurait fallu prévoir un suivi après la journée.",
    organisation: "Centre social de la Grande Résidence (fictif)",
    publicContact: "accueil@exemple.org · 03 21 00 00 01",
    ambitionNumbers: [3, 4, 7],
    publishedAt: daysAgo(12),
  },
  {
    id: id(5),
    kind: "experience",
    title: "Une fête des voisins dans la cité des Brebis (brouillon)",
    summary: "Une première fête des voisins organisée par des habitantes, avec le soutien du bailleur.",
    quartierCode: "QP062020",
    communeSlugs: ["mazingarbe"],
    whatWorked: "À compléter après la relecture.",
    status: "draft",
    ambitionNumbers: [2],
  },
  // Méthodes d'animation
  {
    id: id(11),
    kind: "method",
    title: "Le diagnostic en marchant",
    summary: "Parcourir le quartier à pied avec des habitants et des techniciens pour repérer ensemble ce qui va et ce qui ne va pas, sur place.",
    audience: "10 à 25 personnes : habitants, élus, techniciens de la ville ou du bailleur",
    durationMinutes: 150,
    material: "Un plan du quartier imprimé, des fiches de relevé, un appareil photo ou un téléphone, des gilets visibles, un point de rendez-vous abrité.",
    steps:
      "Préparer un parcours d'une heure et demie au plus, avec des arrêts prévus\nInviter les habitants et au moins un technicien qui peut agir\nAu départ, expliquer le but et distribuer les fiches de relevé\nMarcher, s'arrêter, noter et photographier chaque point\nFinir autour d'un café : relire ensemble la liste des points\nAfficher la liste et dire, trois mois plus tard, ce qui a été fait",
    ambitionNumbers: [8, 11],
    publishedAt: daysAgo(35),
  },
  {
    id: id(12),
    kind: "method",
    title: "Le porteur de parole",
    summary: "Une grande question écrite sur un panneau, dans un lieu de passage : les passants s'arrêtent, répondent, et leurs réponses sont affichées à côté. Idéal pour parler avec ceux qui ne viennent jamais aux réunions.",
    audience: "Passants d'un marché, d'une sortie d'école, d'un arrêt de bus",
    durationMinutes: 120,
    material: "Deux ou trois grands panneaux, des feutres épais, des feuilles A4, du scotch, une table pliante, du café.",
    steps:
      "Choisir une question courte et ouverte, par exemple « Qu'est-ce qui vous manque dans le quartier ? »\nL'écrire en grand sur le premier panneau\nS'installer dans un lieu de passage, à deux ou trois animateurs\nAborder les passants, écouter, noter leurs mots exacts sur une feuille\nAfficher chaque réponse à côté de la question\nPhotographier les panneaux et partager les réponses avec le quartier",
    ambitionNumbers: [5, 11],
    publishedAt: daysAgo(25),
  },
  {
    id: id(13),
    kind: "method",
    title: "Le photo-langage",
    summary: "Des photos variées étalées sur une table : chacun en choisit une pour répondre à une question, puis explique son choix. Les photos aident à prendre la parole quand on n'ose pas.",
    audience: "Groupes de 6 à 15 personnes, adultes ou jeunes",
    durationMinutes: 60,
    material: "Une cinquantaine de photos variées (paysages, visages, objets, scènes de vie), une grande table.",
    steps: "Étaler les photos sur la table\nPoser la question, par exemple « Pour vous, le quartier c'est… »\nLaisser chacun choisir une photo en silence\nFaire un tour de table : chacun montre sa photo et dit pourquoi\nNoter les mots qui reviennent et les relire ensemble",
    ambitionNumbers: [5, 6],
    publishedAt: daysAgo(15),
  },
  {
    id: id(14),
    kind: "method",
    title: "Les tables citoyennes (world café)",
    summary: "Plusieurs petites tables, une question par table ; les participants changent de table toutes les vingt minutes et complètent ce que les précédents ont écrit.",
    audience: "20 à 60 personnes",
    durationMinutes: 105,
    material: "Des tables de 4 à 6 places, une nappe en papier et des feutres par table, une cloche ou un signal pour changer de table.",
    steps:
      "Préparer une question par table et un hôte qui reste à sa table\nAccueillir et expliquer la règle : on écrit sur la nappe, on change de table au signal\nPremier tour de vingt minutes\nAu signal, tout le monde change de table sauf les hôtes, qui résument ce qui a été dit\nFaire trois tours\nFinir par une restitution de chaque hôte devant tout le monde",
    ambitionNumbers: [11, 12],
    publishedAt: daysAgo(8),
  },
  // Annuaire des acteurs
  {
    id: id(21),
    kind: "actor",
    title: "Centre social des Terrils",
    summary: "Un centre social associatif (fictif) ouvert à tous les habitants : accueil, aide aux démarches, activités pour les familles et les seniors.",
    themes: "Familles, accès aux droits, seniors",
    actions: "Permanences d'aide aux démarches en ligne le mardi et le jeudi. Ateliers parents-enfants. Jardin partagé de la cité 12-14. Sorties familiales l'été.",
    quartierCode: "QP062024",
    communeSlugs: ["lens"],
    publicContact: "contact@exemple.org · 03 21 00 00 00 (accueil)",
    ambitionNumbers: [2, 9],
    publishedAt: daysAgo(45),
  },
  {
    id: id(22),
    kind: "actor",
    title: "Régie de quartier Avion Solidaire",
    summary: "Une régie de quartier (fictive) qui emploie des habitants pour entretenir les espaces communs et porter des projets de proximité.",
    themes: "Emploi, cadre de vie, réemploi",
    actions: "Entretien des espaces verts et des halls. Chantiers d'insertion. Repair café mensuel. Prêt d'outils.",
    quartierCode: "QP062019",
    communeSlugs: ["avion"],
    publicContact: "regie@exemple.org",
    ambitionNumbers: [8, 10],
    publishedAt: daysAgo(22),
  },
  {
    id: id(23),
    kind: "actor",
    title: "Association des locataires des Hauts de Liévin",
    summary: "Une association de locataires (fictive) qui représente les habitants auprès du bailleur et les aide à faire valoir leurs droits.",
    themes: "Logement, charges, travaux",
    actions: "Permanence logement le premier samedi du mois. Suivi des travaux de rénovation. Aide à la lecture des régularisations de charges.",
    quartierCode: "QP062029",
    communeSlugs: ["lievin", "lens", "loos-en-gohelle"],
    publicContact: "locataires@exemple.org",
    ambitionNumbers: [8, 9],
    publishedAt: daysAgo(18),
  },
  {
    id: id(24),
    kind: "actor",
    title: "Jeunesse en Mouvement",
    summary: "Une association de jeunes (fictive) de 16 à 25 ans qui monte ses propres projets : sport, sorties, chantiers solidaires.",
    themes: "Jeunesse, sport, engagement",
    actions: "Tournois de futsal l'hiver. Accompagnement au permis de conduire. Chantiers jeunes l'été avec la régie de quartier.",
    communeSlugs: ["sallaumines", "mericourt"],
    publicContact: "jeunesse@exemple.org",
    ambitionNumbers: [6, 10],
    publishedAt: daysAgo(5),
  },
  {
    id: id(25),
    kind: "actor",
    title: "Épicerie solidaire du Transvaal (brouillon)",
    summary: "Une épicerie solidaire (fictive) à compléter.",
    actions: "À compléter : horaires et conditions d'accès.",
    quartierCode: "QP062021",
    communeSlugs: ["billy-montigny"],
    status: "draft",
    ambitionNumbers: [9],
  },
];

/** Seeds the demo toolbox; entries already there (same id) are left as they are. */
export async function seedDemoToolbox(db: Db) {
  const [ambassador] = await db.select({ id: users.id }).from(users).where(eq(users.email, "ambassadeur@labo.test")).limit(1);
  for (const entry of DEMO_TOOLBOX) await insertToolboxEntry(db, { authorId: ambassador?.id ?? null, ...entry });
}
