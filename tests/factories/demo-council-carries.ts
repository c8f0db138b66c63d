/**
 * The conseils citoyens at work in the demo: proposals they carry at several steps (just carried and so
 * qualified, under review at the GTP, answered by the GTP), one they follow, their interpellations (one
 * answered, one waiting) and one from the réseau des acteurs (reseau@labo.test). Runs after
 * seedDemoProposals, seedDemoGovernance and seedDemoCouncils; idempotent (the carries are made once per
 * set of demo proposals, each interpellation once).
 *
 * Written through the same step helpers as the use cases (lockForStep / writeStep, recordEvent,
 * recordAudit, recordNotificationEvent) and with the `db` it is given: the use case modules themselves
 * open the app's own database handle when imported, which the standalone seed script must not do (PGlite
 * takes one process per data folder).
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { lockForStep, writeStep } from "#app/modules/governance/governance-steps.server.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { recordEvent } from "#app/modules/proposals/proposal-writes.server.ts";
import type { Db } from "#db/client.ts";
import { councilProposals, councils, interpellations, proposals, users, type ProposalStatus } from "#db/schema/index.ts";

const DEMO_COUNCIL_CODES = ["QP062024", "QP062028", "QP062019"];

async function userId(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row?.id ?? null;
}

/** A visible proposal of the quartier in one of these statuses, not tied to a council yet (oldest first); still waiting for its answer unless told. */
async function pick(db: Db, quartierCode: string, statuses: ProposalStatus[], skip: string[], waiting = true) {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        eq(proposals.quartierCode, quartierCode),
        inArray(proposals.status, statuses),
        isNull(proposals.hiddenAt),
        waiting ? sql`${proposals.answeredAt} is null` : undefined,
        sql`not exists (select 1 from ${councilProposals} cp where cp.proposal_id = ${proposals.id})`,
      ),
    )
    .orderBy(asc(proposals.createdAt));
  return rows.find((r) => !skip.includes(r.id))?.id ?? null;
}

/** As carryProposal does: the council's row, the origin, the qualification of a published proposal, the step. */
async function carry(db: Db, { proposalId, councilCode, actorId, statement }: { proposalId: string; councilCode: string; actorId: string; statement: string }) {
  await db.transaction(async (tx) => {
    const locked = await lockForStep(tx, proposalId, null);
    if (locked.status !== "locked") return;
    const [council] = await tx.select({ code: councils.code, name: councils.name }).from(councils).where(eq(councils.code, councilCode));
    if (!council) return;
    await tx
      .insert(councilProposals)
      .values({ councilCode, proposalId, tie: "carried", statement, actorId })
      .onConflictDoUpdate({ target: [councilProposals.councilCode, councilProposals.proposalId], set: { tie: "carried", statement, actorId } });
    const qualifies = locked.proposal.status === "published";
    if (qualifies) {
      await tx.update(proposals).set({ qualifiedAt: sql`now()` }).where(eq(proposals.id, proposalId));
      await recordEvent(tx, { proposalId, kind: "qualified", actorId, payload: { carriedBy: "conseil_citoyen", councilCode, councilName: council.name } });
    }
    await writeStep(tx, locked.proposal, {
      actorId,
      event: "carried",
      to: qualifies ? "qualified" : undefined,
      set: { origin: "conseil_citoyen", originQuartierCode: councilCode },
      payload: { councilCode, councilName: council.name, statement },
      audit: "council.carry",
      reason: `council:${councilCode}`,
    });
  });
}

/** As answerProposal does for a direct answer (« c'est déjà en cours ailleurs »). */
async function answer(db: Db, { proposalId, actorId, text }: { proposalId: string; actorId: string; text: string }) {
  await db.transaction(async (tx) => {
    const locked = await lockForStep(tx, proposalId, null);
    if (locked.status !== "locked") return;
    await writeStep(tx, locked.proposal, {
      actorId,
      event: "answered",
      to: "answered",
      set: { answeredAt: new Date(), answerKind: "in_progress_elsewhere" },
      payload: { answerKind: "in_progress_elsewhere", text, competentBody: null },
      audit: "governance.answer",
      reason: text,
    });
  });
}

type DemoInterpellation = { source: "council" | "actor_network"; councilCode: string | null; organisation?: string; authorId: string | null; kind: "question" | "request"; title: string; body: string; ambitionNumber: number | null; quartierCode: string | null; daysAgo: number; answer?: string };

async function interpellate(db: Db, demo: DemoInterpellation, coordinatorId: string | null) {
  // Recreating the demo proposals leaves interpellations alone: each is written once.
  const [exists] = await db.select({ id: interpellations.id }).from(interpellations).where(eq(interpellations.title, demo.title)).limit(1);
  if (exists) return;
  await db.transaction(async (tx) => {
    const createdAt = new Date(Date.now() - demo.daysAgo * 24 * 3_600_000);
    const [row] = await tx
      .insert(interpellations)
      .values({
        source: demo.source,
        councilCode: demo.councilCode,
        organisation: demo.organisation ?? "",
        authorId: demo.authorId,
        kind: demo.kind,
        title: demo.title,
        body: demo.body,
        ambitionNumber: demo.ambitionNumber,
        quartierCode: demo.quartierCode,
        createdAt,
      })
      .returning({ id: interpellations.id });
    const id = row!.id;
    await recordAudit(tx, { actorId: demo.authorId, action: "interpellation.send", subjectType: "interpellation", subjectId: id, reason: demo.councilCode ? `council:${demo.councilCode}` : "actor_network" });
    if (!demo.answer) return;
    await tx.update(interpellations).set({ answer: demo.answer, answeredAt: new Date(createdAt.getTime() + 12 * 24 * 3_600_000), answeredById: coordinatorId }).where(eq(interpellations.id, id));
    await recordAudit(tx, { actorId: coordinatorId, action: "governance.answer_interpellation", subjectType: "interpellation", subjectId: id });
    const [council] = demo.councilCode ? await tx.select({ name: councils.name }).from(councils).where(eq(councils.code, demo.councilCode)) : [];
    await recordNotificationEvent(tx, { kind: "interpellation_answered", interpellationId: id, actorId: coordinatorId, payload: { councilName: council?.name ?? null, organisation: demo.organisation ?? null, answer: demo.answer } });
  });
}

export async function seedDemoCouncilCarries(db: Db) {
  const [sylvie, coordinator, reseau] = await Promise.all([userId(db, "conseil@labo.test"), userId(db, "coordinateur@labo.test"), userId(db, "reseau@labo.test")]);
  if (!coordinator) return;
  const already = await db.select({ one: sql`1` }).from(councilProposals).where(inArray(councilProposals.councilCode, DEMO_COUNCIL_CODES)).limit(1);
  if (!already.length) await seedCarries(db, { sylvie, coordinator });
  await seedInterpellations(db, { sylvie, coordinator, reseau });
}

async function seedCarries(db: Db, { sylvie, coordinator }: { sylvie: string | null; coordinator: string }) {
  const used: string[] = [];
  const take = async (quartier: string, statuses: ProposalStatus[], waiting = true) => {
    const id = await pick(db, quartier, statuses, used, waiting);
    if (id) used.push(id);
    return id;
  };

  // Liévin: Sylvie (conseil@labo.test) carries a proposal that had not gathered its supports yet.
  const justCarried = await take("QP062028", ["published"]);
  if (justCarried) {
    await carry(db, {
      proposalId: justCarried,
      councilCode: "QP062028",
      actorId: sylvie ?? coordinator,
      statement: "Les habitants nous en parlent à chaque réunion du conseil : nous la portons pour qu'elle soit étudiée sans attendre.",
    });
  }
  // Lens, cité 12-14: a proposal the council carries, now under review at the GTP.
  const underReview = (await take("QP062024", ["under_review"])) ?? (await take("QP062024", ["qualified", "published"]));
  if (underReview) {
    await carry(db, {
      proposalId: underReview,
      councilCode: "QP062024",
      actorId: coordinator,
      statement: "Le conseil a fait le tour du quartier avec les habitants en mars : c'est la première demande qui est revenue.",
    });
  }
  // Avion: carried, then answered by the GTP.
  const answered = await take("QP062019", ["qualified", "published"]);
  if (answered) {
    await carry(db, { proposalId: answered, councilCode: "QP062019", actorId: coordinator, statement: "Les jeunes du conseil ont rassemblé des propositions semblables : celle-ci les résume bien." });
    await answer(db, { proposalId: answered, actorId: coordinator, text: "Une action proche est déjà financée par la ville d'Avion pour l'été : le centre social vous présentera le programme en juin." });
  }
  // Liévin follows another proposal of its quartier.
  // Following is for any step, answered ones included (the council wants to see it carried out).
  const followed = await take("QP062028", ["published", "qualified", "under_review", "on_copil_agenda", "decided", "in_progress", "done", "answered"], false);
  if (followed) {
    await db.transaction(async (tx) => {
      await tx.insert(councilProposals).values({ councilCode: "QP062028", proposalId: followed, tie: "followed", actorId: sylvie ?? coordinator }).onConflictDoNothing();
      await recordAudit(tx, { actorId: sylvie ?? coordinator, action: "council.follow", subjectType: "proposal", subjectId: followed, reason: "council:QP062028" });
    });
  }

}

async function seedInterpellations(db: Db, { sylvie, coordinator, reseau }: { sylvie: string | null; coordinator: string; reseau: string | null }) {
  await interpellate(
    db,
    {
      source: "council",
      councilCode: "QP062028",
      authorId: sylvie,
      kind: "question",
      title: "Quand l'éclairage de la rue des Marichelles sera-t-il réparé ?",
      body: "Depuis l'automne, la moitié des lampadaires de la rue des Marichelles restent éteints. Les habitants rentrent du travail dans le noir et les parents n'osent plus laisser les enfants aller seuls au city-stade.",
      ambitionNumber: null,
      quartierCode: "QP062028",
      daysAgo: 40,
      answer: "La ville de Liévin remplace les lampadaires de la rue des Marichelles par des lampes à LED : les travaux ont lieu la deuxième quinzaine du mois prochain. En attendant, les deux lampadaires près du city-stade ont été réparés.",
    },
    coordinator,
  );
  await interpellate(
    db,
    {
      source: "council",
      councilCode: "QP062024",
      authorId: null,
      kind: "request",
      title: "Un point d'accès aux droits à la maison de quartier",
      body: "Beaucoup d'habitants de la cité 12-14 renoncent à leurs démarches (CAF, retraite, santé) faute d'aide près de chez eux. Le conseil demande une permanence d'accès aux droits, une demi-journée par semaine, à la maison de quartier.",
      ambitionNumber: null,
      quartierCode: "QP062024",
      daysAgo: 9,
    },
    coordinator,
  );
  if (reseau) {
    await interpellate(
      db,
      {
        source: "actor_network",
        councilCode: null,
        organisation: "Centre social et culturel d'Avion",
        authorId: reseau,
        kind: "question",
        title: "Les crédits de l'appel à projets seront-ils reconduits l'an prochain ?",
        body: "Plusieurs associations d'Avion préparent leurs actions d'été avec les jeunes. Elles ont besoin de savoir si l'appel à projets du contrat de ville sera reconduit, et à quelle date, pour engager les animateurs.",
        ambitionNumber: null,
        quartierCode: "QP062019",
        daysAgo: 4,
      },
      coordinator,
    );
  }
}
