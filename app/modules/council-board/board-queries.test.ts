import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { formatDate, formatDay } from "#app/modules/governance/followup-view.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { setSetting } from "#app/modules/settings/platform-settings.server.ts";
import { proposals } from "#db/schema/index.ts";
import {
  answeredDirectly,
  boardCoordinator,
  councilInterpellation,
  councilProposal,
  decided,
  decisionRecorded,
  hideProposal,
  INTERNAL_NOTE,
  inProgressWithMilestone,
  onCopilAgenda,
  tieToCouncil,
} from "#tests/factories/council-board.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { eq } from "drizzle-orm";
import { getCouncilBoard, readBoardRows } from "./board-queries.server.ts";
import { parseBoardFilters, type BoardFilters } from "./board.schema.ts";
import { presentBoardItem } from "./present-board.ts";

const CODE = "QP062024";
const OTHER = "QP062028";
const filters = (query = ""): BoardFilters => parseBoardFilters(new URLSearchParams(query));

async function board(query = "", code = CODE) {
  const t = await getFixedT("fr", ["councilBoard", "proposals"]);
  const result = await getCouncilBoard(code, filters(query));
  return { ...result, rows: result.items.map((item) => presentBoardItem(item, t, "fr")) };
}

const byTitle = <T extends { title: string }>(rows: T[], title: string) => {
  const row = rows.find((r) => r.title === title);
  if (!row) throw new Error(`no row « ${title} » in ${rows.map((r) => r.title).join(", ")}`);
  return row;
};

describe("the council's tracking board", () => {
  test("each kind and step in words: waiting, on a COPIL, decision to publish, decided with reasons, answered directly, in progress, followed, interpellations", async () => {
    const gtp = await boardCoordinator();
    const waiting = await councilProposal(CODE, "carried", { title: "Des bancs place Jean Jaurès", daysAgo: 12 });
    const agenda = await councilProposal(CODE, "carried", { title: "Un abri vélo à la gare", daysAgo: 40 });
    const meeting = await onCopilAgenda(gtp, agenda.id);
    const recorded = await councilProposal(CODE, "carried", { title: "Un marché le samedi", daysAgo: 50 });
    await decisionRecorded(gtp, recorded.id, "retained", "Raisons encore confidentielles avant le relevé.");
    const refused = await councilProposal(CODE, "carried", { title: "Une piscine découverte", daysAgo: 60 });
    await decided(gtp, refused.id, "not_retained", "Le coût dépasse le budget du contrat de ville.", "Une étude sera tout de même menée en 2027.");
    const direct = await councilProposal(CODE, "carried", { title: "Des poubelles de tri", daysAgo: 20 });
    await answeredDirectly(gtp, direct.id, "Les bacs de tri sont installés depuis mars.");
    const building = await councilProposal(CODE, "carried", { title: "Des jeux au square", daysAgo: 80 });
    await inProgressWithMilestone(gtp, building.id, { title: "Pose des jeux", dueOn: "2027-03-12" });
    const followed = await councilProposal(CODE, "followed", { title: "Une fresque au collège", status: "published", qualifiedAt: null });
    await councilInterpellation({ councilCode: CODE, title: "Où en est la rénovation du city stade ?", daysAgo: 200 });
    await councilInterpellation({ councilCode: CODE, title: "Quand passe la balayeuse ?", kind: "request", daysAgo: 30, answer: "Tous les mardis matin, dès le mois prochain.", answeredDaysAgo: 5 });

    const { rows, counts, items } = await board();
    expect(rows).toHaveLength(9);
    expect(counts).toEqual({ total: 9, overdue: 1, answered: 4 });

    expect(byTitle(rows, waiting.title)).toMatchObject({
      kindLabel: "Portée",
      status: "Assez de soutiens : sera examinée",
      waiting: "12 jours",
      nextStep: "Instruction par le GTP",
      lastAnswer: null,
      deadline: { overdue: false, note: null },
    });
    expect(byTitle(rows, waiting.title).deadline.label).toBe(formatDate(new Date(waiting.qualifiedAt!.getTime() + 120 * 24 * 3600_000), "fr"));
    expect(byTitle(rows, agenda.title)).toMatchObject({ status: "Au programme du comité de pilotage", nextStep: `Passage au COPIL du ${formatDate(meeting.startsAt, "fr")}`, lastAnswer: null });
    // Recorded but not published: « à publier », and its reasons stay private until the relevé is out.
    expect(byTitle(rows, recorded.title).nextStep).toMatch(/^Décision à publier \(COPIL du .+\)$/);
    expect(byTitle(rows, recorded.title).lastAnswer).toBeNull();
    expect(JSON.stringify(rows)).not.toContain("confidentielles");

    const refusedRow = byTitle(rows, refused.title);
    expect(refusedRow).toMatchObject({ status: "Décision prise : Non retenue", nextStep: "Aucune : réponse donnée (non retenue)", waiting: expect.stringMatching(/^Réponse en 60 jours$/) });
    expect(refusedRow.lastAnswer!.text).toMatch(/^Comité de pilotage du .+ : Non retenue\.\nLe coût dépasse le budget du contrat de ville\.\nCorrection du .+ : Une étude sera tout de même menée en 2027\.$/);
    expect(refusedRow.deadline.note).toBe("Réponse donnée dans les délais");

    expect(byTitle(rows, direct.title)).toMatchObject({ status: "Réponse apportée par les partenaires", nextStep: "Aucune : réponse donnée" });
    expect(byTitle(rows, direct.title).lastAnswer!.text).toBe("Réponse : c'est déjà fait\nLes bacs de tri sont installés depuis mars.");

    expect(byTitle(rows, building.title)).toMatchObject({ status: "En cours de réalisation", nextStep: `Mise en œuvre : prochaine étape « Pose des jeux » le ${formatDay("2027-03-12", "fr")}` });
    expect(byTitle(rows, building.title).nextStep).toBe("Mise en œuvre : prochaine étape « Pose des jeux » le 12 mars 2027");
    expect(byTitle(rows, building.title).lastAnswer!.text).toContain("Retenue : la ville s'en charge.");

    expect(byTitle(rows, followed.title)).toMatchObject({ kindLabel: "Suivie", status: "Publiée", waiting: "Pas encore transmise au GTP", nextStep: "Recueillir assez de soutiens pour être examinée", deadline: { label: null, note: "Pas encore d'échéance" } });

    expect(byTitle(rows, "Où en est la rénovation du city stade ?")).toMatchObject({
      kindLabel: "Interpellation (question)",
      status: "En attente de la réponse du GTP",
      waiting: "200 jours",
      nextStep: "Réponse du GTP",
      deadline: { overdue: true, note: "En retard de 80 jours" },
      href: expect.stringMatching(/^\/interpellations\/[0-9a-f-]{36}$/),
    });
    expect(byTitle(rows, "Quand passe la balayeuse ?")).toMatchObject({
      kindLabel: "Interpellation (demande)",
      status: "Réponse donnée par le GTP",
      waiting: "Réponse en 25 jours",
      nextStep: "Aucune : réponse donnée",
      lastAnswer: { text: "Tous les mardis matin, dès le mois prochain." },
    });
    // The GTP's internal notes are never read.
    expect(JSON.stringify({ rows, items })).not.toContain(INTERNAL_NOTE);
  });

  test("hidden rows, drafts and other councils' subjects never appear", async () => {
    const shown = await councilProposal(CODE, "carried", { title: "Visible" });
    const hidden = await councilProposal(CODE, "carried", { title: "Masquée par la modération" });
    await hideProposal(hidden.id);
    await councilProposal(CODE, "followed", { title: "Suivie puis masquée", hidden: true });
    const draft = await insertProposal(db, { authorId: null, status: "draft", title: "Brouillon du conseil" });
    await tieToCouncil(CODE, draft.id, "followed");
    await councilProposal(OTHER, "carried", { title: "Portée par un autre conseil" });
    await councilInterpellation({ councilCode: CODE, title: "Interpellation masquée", hidden: true });
    await councilInterpellation({ councilCode: OTHER, title: "Interpellation d'un autre conseil" });
    await councilInterpellation({ councilCode: null, title: "Interpellation du réseau des acteurs" });
    await councilInterpellation({ councilCode: CODE, title: "Interpellation visible" });

    const raw = await readBoardRows(CODE);
    expect(raw.proposals.map((r) => r.id)).toEqual([shown.id]);
    expect(raw.interpellations.map((r) => r.title)).toEqual(["Interpellation visible"]);
    const { rows, counts } = await board("etat=en-attente");
    expect(rows.map((r) => r.title).sort()).toEqual(["Interpellation visible", "Visible"]);
    expect(counts.total).toBe(2);
    // The other council sees its own only.
    expect((await board("", OTHER)).rows.map((r) => r.title).sort()).toEqual(["Interpellation d'un autre conseil", "Portée par un autre conseil"]);
    // A proposal hidden after the board was printed once disappears from it.
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, shown.id));
    expect((await board()).rows.map((r) => r.title)).toEqual(["Interpellation visible"]);
  });

  test("sorts: wait (longest first by default), deadline, status, title, last update; those without a wait go last either way", async () => {
    const gtp = await boardCoordinator();
    const old = await councilProposal(CODE, "carried", { title: "Bravo", daysAgo: 90 });
    const recent = await councilProposal(CODE, "carried", { title: "alpha", daysAgo: 5 });
    await councilInterpellation({ councilCode: CODE, title: "Charlie", daysAgo: 30 });
    const answered = await councilProposal(CODE, "carried", { title: "Delta", daysAgo: 50 });
    await answeredDirectly(gtp, answered.id, "C'est fait.");
    const followed = await councilProposal(CODE, "followed", { title: "Écho", status: "published", qualifiedAt: null });
    await db.update(proposals).set({ updatedAt: new Date(Date.now() - 400 * 24 * 3600_000) }).where(eq(proposals.id, followed.id));
    await db.update(proposals).set({ updatedAt: new Date(Date.now() - 300 * 24 * 3600_000) }).where(eq(proposals.id, old.id));
    await db.update(proposals).set({ updatedAt: new Date(Date.now() - 200 * 24 * 3600_000) }).where(eq(proposals.id, recent.id));

    const titles = async (query: string) => (await board(query)).rows.map((r) => r.title);
    expect(await titles("")).toEqual(["Bravo", "Charlie", "alpha", "Delta", "Écho"]);
    expect(await titles("tri=attente&ordre=asc")).toEqual(["alpha", "Charlie", "Bravo", "Delta", "Écho"]);
    expect(await titles("tri=echeance")).toEqual(["Bravo", "Charlie", "alpha", "Delta", "Écho"]);
    expect(await titles("tri=titre")).toEqual(["alpha", "Bravo", "Charlie", "Delta", "Écho"]);
    expect(await titles("tri=titre&ordre=desc")).toEqual(["Écho", "Delta", "Charlie", "Bravo", "alpha"]);
    // Along the way: published, then qualified (and a waiting interpellation), then answered.
    expect(await titles("tri=statut")).toEqual(["Écho", "alpha", "Bravo", "Charlie", "Delta"]);
    expect(await titles("tri=mise-a-jour")).toEqual(["Delta", "Charlie", "alpha", "Bravo", "Écho"]);
  });

  test("filters by kind and by answer; counts stay those of the whole board", async () => {
    const gtp = await boardCoordinator();
    await councilProposal(CODE, "carried", { title: "Portée en retard", daysAgo: 150 });
    const answered = await councilProposal(CODE, "carried", { title: "Portée répondue", daysAgo: 20 });
    await answeredDirectly(gtp, answered.id, "Déjà fait.");
    await councilProposal(CODE, "followed", { title: "Suivie", daysAgo: 3 });
    await councilInterpellation({ councilCode: CODE, title: "Interpellée", daysAgo: 3 });

    const titles = async (query: string) => (await board(query)).rows.map((r) => r.title).sort();
    expect(await titles("type=portees")).toEqual(["Portée en retard", "Portée répondue"]);
    expect(await titles("type=suivies")).toEqual(["Suivie"]);
    expect(await titles("type=interpellations")).toEqual(["Interpellée"]);
    expect(await titles("etat=repondues")).toEqual(["Portée répondue"]);
    expect(await titles("etat=en-retard")).toEqual(["Portée en retard"]);
    expect(await titles("etat=en-attente")).toEqual(["Interpellée", "Portée en retard", "Suivie"]);
    expect(await titles("type=portees&etat=en-attente")).toEqual(["Portée en retard"]);
    expect((await board("type=interpellations")).counts).toEqual({ total: 4, overdue: 1, answered: 1 });
  });

  test("overdue follows the administrator's deadline setting, for proposals and interpellations alike", async () => {
    const admin = await boardCoordinator();
    await councilProposal(CODE, "carried", { title: "Quarante jours", daysAgo: 40 });
    await councilInterpellation({ councilCode: CODE, title: "Trente-cinq jours", daysAgo: 35 });
    expect((await board("etat=en-retard")).rows).toEqual([]);
    await setSetting("governance.answerDeadlineDays", 30, admin.id);
    const { rows, counts } = await board("etat=en-retard");
    expect(rows.map((r) => [r.title, r.deadline.note])).toEqual([
      ["Quarante jours", "En retard de 10 jours"],
      ["Trente-cinq jours", "En retard de 5 jours"],
    ]);
    expect(counts.overdue).toBe(2);
  });

  test("a postponed decision sends it back to the GTP: waiting again, with the COPIL's reasons as its last answer", async () => {
    const gtp = await boardCoordinator();
    const postponed = await councilProposal(CODE, "carried", { title: "Reportée", daysAgo: 30 });
    await decided(gtp, postponed.id, "postponed", "À revoir avec le bailleur.");
    const [row] = (await board()).rows;
    expect(row).toMatchObject({ status: "Décision prise : Reportée", nextStep: "Instruction par le GTP", waiting: "30 jours" });
    expect(row!.lastAnswer!.text).toContain("À revoir avec le bailleur.");
  });
});
