/**
 * The feedback loop in the demo: members of the GTP and the COPIL, the partners who instruct, a GTP
 * meeting and a COPIL with its relevé published, an upcoming COPIL with its agenda, and demo proposals at
 * every step (under review, on an agenda, decided each way, in progress with milestones, done, answered
 * directly, one overdue). Rows are written with their historical dates, as the use cases would have
 * written them at the time. Runs after seedDemoProposals, which recreates the proposals.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import {
  agendaItems,
  followupMilestones,
  governanceMeetings,
  governanceMembers,
  instructingPartners,
  laboSessions,
  proposalEvents,
  proposalFollowups,
  proposalReviews,
  proposals,
  users,
} from "#db/schema/index.ts";

const DAY = 24 * 3_600_000;

export const DEMO_MEMBERS: { bodyKey: string; name: string; institution: string }[] = [
  { bodyKey: "copil", name: "Vice-président chargé de la cohésion sociale", institution: "Communauté d'Agglomération de Lens-Liévin" },
  { bodyKey: "copil", name: "Sous-préfet de Lens", institution: "État, préfecture du Pas-de-Calais" },
  { bodyKey: "copil", name: "Maires des communes signataires", institution: "Communes de la CALL" },
  { bodyKey: "copil", name: "Directrice territoriale", institution: "Caisse d'allocations familiales du Pas-de-Calais" },
  { bodyKey: "gtp", name: "Cheffe de projet politique de la ville", institution: "Communauté d'Agglomération de Lens-Liévin" },
  { bodyKey: "gtp", name: "Délégué du préfet", institution: "État, préfecture du Pas-de-Calais" },
  { bodyKey: "gtp", name: "Chargée de développement social", institution: "Département du Pas-de-Calais" },
  { bodyKey: "gtp", name: "Responsable du développement local", institution: "Bailleur social Maisons & Cités" },
];

export const DEMO_PARTNERS = [
  { name: "Service politique de la ville de la CALL", description: "Coordonne le contrat de ville et le Labo." },
  { name: "Délégation du préfet", description: "Mobilise les services de l'État et les crédits spécifiques." },
  { name: "Ville de Lens, services techniques", description: "Voirie, espaces verts, éclairage public." },
  { name: "CAF du Pas-de-Calais", description: "Accès aux droits, parentalité, centres sociaux." },
  { name: "Bailleur social Maisons & Cités", description: "Logements, halls, abords des résidences." },
  { name: "France Travail, agence de Liévin", description: "Emploi, formation, accompagnement." },
];

type Step = { kind: (typeof proposalEvents.$inferInsert)["kind"]; daysAgo: number; payload?: Record<string, unknown> };

export async function seedDemoGovernance(db: Db) {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  // Meetings start at a round hour (14:00 in Paris in winter, 15:00 in summer).
  const meetingAt = (daysAgo: number) => {
    const day = at(daysAgo);
    day.setUTCHours(13, 0, 0, 0);
    return day;
  };
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.email, "coordinateur@labo.test"));
  const coordinatorId = coordinator?.id ?? null;

  await db.transaction(async (tx) => {
    // Members and partners are kept; meetings are recreated with the proposals they decided on.
    const members = await tx.select({ id: governanceMembers.id }).from(governanceMembers).limit(1);
    if (!members.length) await tx.insert(governanceMembers).values(DEMO_MEMBERS.map((m, i) => ({ ...m, position: i })));
    await tx.insert(instructingPartners).values(DEMO_PARTNERS).onConflictDoNothing({ target: instructingPartners.name });
    const partners = new Map((await tx.select().from(instructingPartners)).map((p) => [p.name, p.id]));
    // Only the demo's own meetings (written by the demo coordinator) are recreated.
    if (coordinatorId) await tx.delete(governanceMeetings).where(eq(governanceMeetings.createdById, coordinatorId));

    const [pastGtp, pastCopil, nextGtp, nextCopil] = await tx
      .insert(governanceMeetings)
      .values([
        { bodyKey: "gtp", title: "GTP de préparation du comité de pilotage", startsAt: meetingAt(175), place: "Hôtel communautaire, Lens", status: "held", createdById: coordinatorId },
        {
          bodyKey: "copil",
          title: "Comité de pilotage du contrat de ville",
          startsAt: meetingAt(160),
          place: "Hôtel communautaire, Lens",
          status: "published",
          publishedAt: at(155),
          summary:
            "Le comité de pilotage a examiné cinq propositions d'habitants mises en avant par le GTP, et les suites du rendez-vous du Labo de Lens. Voici ce qui a été décidé, et pourquoi.",
          createdById: coordinatorId,
        },
        { bodyKey: "gtp", title: "GTP de printemps", startsAt: meetingAt(-20), place: "Mairie de Liévin, salle du conseil", status: "planned", createdById: coordinatorId },
        { bodyKey: "copil", title: "Comité de pilotage du contrat de ville", startsAt: meetingAt(-75), place: "Hôtel communautaire, Lens", status: "planned", createdById: coordinatorId },
      ])
      .returning();
    const dateFr = (d: Date) => new Intl.DateTimeFormat("fr", { dateStyle: "long", timeZone: "Europe/Paris" }).format(d);
    const meetingOf = (m: typeof pastCopil) => ({ meetingId: m!.id, meetingTitle: m!.title, meetingStartsAt: m!.startsAt.toISOString(), bodyKey: m!.bodyKey });

    const byTitle = new Map(
      (
        await tx
          .select({ id: proposals.id, title: proposals.title, authorId: proposals.authorId, supportCount: proposals.supportCount })
          .from(proposals)
          .where(inArray(proposals.status, ["qualified", "published"]))
      ).map((p) => [p.title, p]),
    );
    const find = (start: string) => {
      const found = [...byTitle.values()].find((p) => p.title.startsWith(start));
      if (!found) throw new Error(`Demo proposal not found: ${start}`);
      return found;
    };

    /** Rewrites a demo proposal's dates and status, and appends its governance steps to the timeline. */
    async function play(
      proposal: { id: string; authorId: string | null; supportCount: number },
      qualifiedDaysAgo: number,
      status: (typeof proposals.$inferInsert)["status"],
      steps: Step[],
      extra: Partial<typeof proposals.$inferInsert> = {},
    ) {
      const publishedAt = at(qualifiedDaysAgo + 40);
      await tx
        .update(proposals)
        .set({ status, publishedAt, createdAt: publishedAt, qualifiedAt: at(qualifiedDaysAgo), governanceVersion: steps.length, ...extra })
        .where(eq(proposals.id, proposal.id));
      // The demo proposals' first events were written at their (recent) creation: move them back too.
      await tx.delete(proposalEvents).where(eq(proposalEvents.proposalId, proposal.id));
      await tx.insert(proposalEvents).values([
        { proposalId: proposal.id, kind: "created", actorId: proposal.authorId, createdAt: publishedAt },
        { proposalId: proposal.id, kind: "published", actorId: proposal.authorId, createdAt: publishedAt },
        { proposalId: proposal.id, kind: "qualified", createdAt: at(qualifiedDaysAgo), payload: { threshold: 25, supports: proposal.supportCount } },
        ...steps.map((s) => ({ proposalId: proposal.id, kind: s.kind, actorId: coordinatorId, createdAt: at(s.daysAgo), payload: s.payload ?? null })),
      ]);
    }
    const review = (proposalId: string, partner: string, analysis: Partial<typeof proposalReviews.$inferInsert>) =>
      tx.insert(proposalReviews).values({ proposalId, partnerId: partners.get(partner) ?? null, updatedById: coordinatorId, ...analysis });

    // 1. Nadia's benches: retained, being carried out, with a funded action and milestones.
    const benches = find("Des bancs et de l'ombre");
    const benchesReasons = "Les bancs et la sécurisation du passage piéton sont retenus : la ville les inscrit à son programme de travaux. Les arbres demandent une étude du sol, prévue cet été.";
    await play(benches, 210, "in_progress", [
      { kind: "under_review", daysAgo: 200, payload: { partnerName: "Ville de Lens, services techniques" } },
      { kind: "on_copil_agenda", daysAgo: 175, payload: meetingOf(pastCopil) },
      { kind: "decided", daysAgo: 155, payload: { decision: "retained", reasons: benchesReasons, ...meetingOf(pastCopil) } },
      { kind: "in_progress", daysAgo: 140, payload: { bodyInCharge: "Ville de Lens, services techniques", action: { title: "Abords apaisés de l'école Jean-Macé", porteur: "Ville de Lens", amountEur: 48_000, funders: [] } } },
      { kind: "milestone_added", daysAgo: 140, payload: { title: "Pose de quatre bancs", dueOn: dayString(at(100)) } },
      { kind: "milestone_added", daysAgo: 140, payload: { title: "Passage piéton surélevé", dueOn: dayString(at(-30)) } },
      { kind: "milestone_added", daysAgo: 140, payload: { title: "Plantation de trois arbres", dueOn: dayString(at(-120)) } },
      { kind: "milestone_reached", daysAgo: 98, payload: { title: "Pose de quatre bancs", dueOn: dayString(at(100)) } },
      { kind: "progress", daysAgo: 60, payload: { text: "Les quatre bancs sont posés depuis la rentrée. Les travaux du passage piéton commencent pendant les vacances de février, pour ne pas gêner la sortie des classes." } },
    ], { decision: "retained", answeredAt: at(155), answerKind: "copil_decision" });
    await review(benches.id, "Ville de Lens, services techniques", { feasibility: "feasible", costRange: "10k_100k", existingMeans: "Le programme annuel de voirie de la ville.", publicAnalysis: "Faisable sur le budget de voirie ; les arbres dépendent de la nature du sol." });
    await tx.insert(proposalFollowups).values({
      proposalId: benches.id,
      bodyInCharge: "Ville de Lens, services techniques",
      actionTitle: "Abords apaisés de l'école Jean-Macé",
      porteur: "Ville de Lens",
      amountEur: 48_000,
      funders: [
        { name: "Ville de Lens", amountEur: 28_000 },
        { name: "CALL (crédits politique de la ville)", amountEur: 12_000 },
        { name: "État (DSIL)", amountEur: 8_000 },
      ],
      startedAt: at(140),
    });
    await tx.insert(followupMilestones).values([
      { proposalId: benches.id, title: "Pose de quatre bancs", dueOn: dayString(at(100)), doneAt: at(98), createdAt: at(140) },
      { proposalId: benches.id, title: "Passage piéton surélevé", dueOn: dayString(at(-30)), createdAt: at(140) },
      { proposalId: benches.id, title: "Plantation de trois arbres", dueOn: dayString(at(-120)), createdAt: at(140) },
    ]);

    // 2. The shared garden: retained, then done.
    const garden = find("Un jardin partagé");
    const gardenReasons = "Le terrain appartient à la ville, qui le prête à l'association des voisins. Le centre social accompagne le démarrage.";
    await play(garden, 220, "done", [
      { kind: "under_review", daysAgo: 205, payload: { partnerName: "Service politique de la ville de la CALL" } },
      { kind: "on_copil_agenda", daysAgo: 175, payload: meetingOf(pastCopil) },
      { kind: "decided", daysAgo: 155, payload: { decision: "retained", reasons: gardenReasons, ...meetingOf(pastCopil) } },
      { kind: "in_progress", daysAgo: 150, payload: { bodyInCharge: "Centre social et association des jardiniers de Bollaert" } },
      { kind: "done", daysAgo: 30, payload: { text: "Le jardin est ouvert : douze bacs, un composteur et un point d'eau. Les voisins se retrouvent le samedi matin ; chacun peut venir." } },
    ], { decision: "retained", answeredAt: at(155), answerKind: "copil_decision" });
    await tx.insert(proposalFollowups).values({ proposalId: garden.id, bodyInCharge: "Centre social et association des jardiniers de Bollaert", startedAt: at(150) });

    await review(garden.id, "Service politique de la ville de la CALL", { feasibility: "feasible", costRange: "under_10k", publicAnalysis: "Le terrain appartient à la ville ; le centre social peut accompagner les voisins." });

    // 3. The job desk: not retained, with its reasons.
    const jobs = find("Une permanence emploi");
    const jobsReasons =
      "France Travail ouvre déjà un accueil sans rendez-vous deux matinées par semaine à la maison de quartier voisine, à dix minutes à pied. Le comité préfère le faire connaître plutôt que d'ouvrir une deuxième permanence.";
    await play(jobs, 215, "decided", [
      { kind: "under_review", daysAgo: 200, payload: { partnerName: "France Travail, agence de Liévin" } },
      { kind: "on_copil_agenda", daysAgo: 175, payload: meetingOf(pastCopil) },
      { kind: "decided", daysAgo: 155, payload: { decision: "not_retained", reasons: jobsReasons, ...meetingOf(pastCopil) } },
    ], { decision: "not_retained", answeredAt: at(155), answerKind: "copil_decision" });

    await review(jobs.id, "France Travail, agence de Liévin", { feasibility: "conditional", costRange: "10k_100k", existingMeans: "Un accueil sans rendez-vous de France Travail à la maison de quartier voisine.", publicAnalysis: "Une deuxième permanence ferait doublon ; mieux faire connaître celle qui existe." });

    // 4. "Vos droits": postponed by the COPIL, back in the GTP's queue.
    const rights = find("Une journée « vos droits »");
    const rightsReasons = "Le comité attend le bilan du bus des droits de la CAF, qui passe dans trois quartiers cette année, avant de décider.";
    await play(rights, 190, "decided", [
      { kind: "under_review", daysAgo: 185, payload: { partnerName: "CAF du Pas-de-Calais" } },
      { kind: "on_copil_agenda", daysAgo: 175, payload: meetingOf(pastCopil) },
      { kind: "decided", daysAgo: 155, payload: { decision: "postponed", reasons: rightsReasons, ...meetingOf(pastCopil) } },
    ], { decision: "postponed" });

    await review(rights.id, "CAF du Pas-de-Calais", { feasibility: "feasible", costRange: "under_10k", existingMeans: "Le bus des droits de la CAF." });

    // 5. Insulation: answered directly (already under way in the urban renewal project).
    const insulation = find("Isoler les logements");
    await play(insulation, 90, "answered", [
      { kind: "under_review", daysAgo: 80, payload: { partnerName: "Bailleur social Maisons & Cités" } },
      {
        kind: "answered",
        daysAgo: 45,
        payload: {
          answerKind: "in_progress_elsewhere",
          text: "L'isolation de la cité 4 fait partie du projet de renouvellement urbain. Le bailleur affichera le calendrier des travaux dans chaque hall en janvier ; les premiers logements sont traités au printemps.",
          competentBody: null,
        },
      },
    ], { answeredAt: at(45), answerKind: "in_progress_elsewhere" });

    await review(insulation.id, "Bailleur social Maisons & Cités", { existingMeans: "Le projet de renouvellement urbain de la cité 4.", publicAnalysis: "Les travaux sont financés et programmés : il manque surtout l'information des locataires." });

    // 6. Mediators: on the next COPIL's agenda.
    const mediators = find("Des médiateurs le soir");
    const mediatorsNote = "Le GTP propose un financement de deux médiateurs pour un an, avec un bilan au comité suivant.";
    await play(mediators, 100, "on_copil_agenda", [
      { kind: "under_review", daysAgo: 95, payload: { partnerName: "Délégation du préfet" } },
      { kind: "on_copil_agenda", daysAgo: 15, payload: meetingOf(nextCopil) },
    ]);
    await review(mediators.id, "Délégation du préfet", { feasibility: "conditional", costRange: "over_100k", existingMeans: "Une équipe de prévention spécialisée passe en journée.", publicAnalysis: "Possible si la ville et le bailleur cofinancent ; le GTP le soumet au comité.", internalNotes: "Vérifier le reste des crédits adultes-relais avant le comité." });

    // 7. The idea boxes: under review by the GTP.
    const ideaBoxes = find("Une boîte à idées du conseil citoyen");
    await play(ideaBoxes, 40, "under_review", [{ kind: "under_review", daysAgo: 30, payload: { partnerName: "Bailleur social Maisons & Cités" } }]);
    await review(ideaBoxes.id, "Bailleur social Maisons & Cités", { feasibility: "feasible", costRange: "under_10k", publicAnalysis: "Le bailleur peut fixer les boîtes dans les halls ; reste à convenir avec le conseil citoyen de la relève." });

    // 8. A doctor in the Transvaal: qualified long ago and still waiting — overdue.
    const doctor = find("Un médecin qui vienne");
    await play(doctor, 150, "qualified", []);

    // 9. Digital workshops: just qualified, fresh in the queue.
    const digital = find("Des ateliers numériques");
    await play(digital, 6, "qualified", []);

    // The past COPIL's agenda and decisions, and the next one's agenda.
    const [laboSession] = await tx.select({ id: laboSessions.id, title: laboSessions.title }).from(laboSessions).where(eq(laboSessions.status, "minutes_published")).limit(1);
    const decided = { decidedAt: at(158), decidedById: coordinatorId };
    await tx.insert(agendaItems).values([
      { meetingId: pastCopil!.id, position: 1, kind: "proposal", proposalId: benches.id, title: benches.title, details: "Mise en avant par le GTP : faisable sur le budget de voirie.", decision: "retained", publicReasons: benchesReasons, ...decided },
      { meetingId: pastCopil!.id, position: 2, kind: "proposal", proposalId: garden.id, title: garden.title, decision: "retained", publicReasons: gardenReasons, ...decided },
      { meetingId: pastCopil!.id, position: 3, kind: "proposal", proposalId: jobs.id, title: jobs.title, decision: "not_retained", publicReasons: jobsReasons, ...decided },
      { meetingId: pastCopil!.id, position: 4, kind: "proposal", proposalId: rights.id, title: rights.title, decision: "postponed", publicReasons: rightsReasons, ...decided },
      ...(laboSession
        ? [{ meetingId: pastCopil!.id, position: 5, kind: "labo_followup" as const, laboSessionId: laboSession.id, title: `Suites du rendez-vous du Labo « ${laboSession.title} »`, details: "Les participants demandent un retour écrit sur chaque idée portée.", decision: "retained" as const, publicReasons: "Chaque idée portée par un rendez-vous du Labo reçoit désormais une réponse écrite du GTP, publiée ici.", ...decided }]
        : []),
      { meetingId: pastCopil!.id, position: 6, kind: "free", title: "Bilan annuel de la programmation", details: "Présentation des actions financées et de leurs résultats." },
      { meetingId: nextCopil!.id, position: 1, kind: "proposal", proposalId: mediators.id, title: mediators.title, details: mediatorsNote },
      { meetingId: nextCopil!.id, position: 2, kind: "free", title: "Question évaluative de l'année", details: `Choix de la question évaluative (${dateFr(at(-75))}).` },
      { meetingId: pastGtp!.id, position: 1, kind: "free", title: "Préparation de l'ordre du jour du comité de pilotage", details: "Examen des propositions qualifiées et des suites du Labo." },
      { meetingId: nextGtp!.id, position: 1, kind: "free", title: "Propositions qualifiées en attente", details: "Point sur chaque proposition qui attend une réponse, en commençant par les plus anciennes." },
    ]);
  });
}

function dayString(date: Date) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(date);
}
