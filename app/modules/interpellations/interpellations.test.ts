import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, interpellations, notificationEvents, proposalEvents, proposalFollows, proposals } from "#db/schema/index.ts";
import { person } from "#tests/factories/gtp.ts";
import { councilMember, insertInterpellation } from "#tests/factories/interpellations.ts";
import { answerInterpellation } from "./answer-interpellation.server.ts";
import { InterpellationSchema, NetworkProposalSchema } from "./interpellation.schema.ts";
import { getInterpellation, listWaitingInterpellations } from "./interpellation-queries.server.ts";
import { referProposal } from "./refer-proposal.server.ts";
import { sendInterpellation } from "./send-interpellation.server.ts";

const DAY = 24 * 3600_000;
const input = InterpellationSchema.parse({
  kind: "request",
  title: "Réparer l'éclairage de la rue Voltaire",
  body: "Depuis trois mois la rue est dans le noir le soir, les enfants rentrent sans lumière.",
  ambitionNumber: "8",
  quartierCode: "QP062024",
});
const ANSWER = "La ville remplace les lampadaires la semaine du 12 : l'éclairage revient avant la fin du mois.";

async function networkMember() {
  return person("Membre du réseau", "network_member");
}

describe("sendInterpellation", () => {
  test("a council member sends one for their council: stored with its council, audited", async () => {
    const member = await councilMember(db);
    const result = await sendInterpellation({ actor: member.viewer, source: { kind: "council", councilCode: "QP062024" }, input });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const row = await getInterpellation(result.id);
    expect(row).toMatchObject({ source: "council", councilCode: "QP062024", councilName: "Conseil citoyen Cité 12-14", kind: "request", ambitionNumber: 8, quartierName: "Cité 12-14", answer: null });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subjectId, result.id));
    expect(audit).toMatchObject({ action: "interpellation.send", subjectType: "interpellation", actorId: member.id });
  });

  test("refused: another council's member (forbidden), a quartier outside the council (field error), a resident for the network", async () => {
    const other = await councilMember(db, "QP062028");
    expect(await sendInterpellation({ actor: other.viewer, source: { kind: "council", councilCode: "QP062024" }, input })).toEqual({ status: "forbidden" });
    expect(await sendInterpellation({ actor: other.viewer, source: { kind: "council", councilCode: "QP062028" }, input })).toEqual({
      status: "invalid",
      errors: { quartierCode: "interpellations:validation.quartierNotCouncil" },
    });
    const resident = await person("Habitante");
    expect(await sendInterpellation({ actor: resident.viewer, source: { kind: "actor_network", organisation: "Asso" }, input })).toEqual({ status: "forbidden" });
    expect(await db.select().from(interpellations)).toEqual([]);
  });

  test("a member of the réseau des acteurs sends one for their organisation; the page never names the person", async () => {
    const sender = await networkMember();
    const result = await sendInterpellation({ actor: sender.viewer, source: { kind: "actor_network", organisation: "Centre social Dumas" }, input: { ...input, quartierCode: "QP062028" } });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(await getInterpellation(result.id)).toMatchObject({ source: "actor_network", councilCode: null, organisation: "Centre social Dumas", quartierCode: "QP062028" });
  });
});

describe("referProposal", () => {
  test("the network's proposal is published and qualified at once, followed by its sender, audited", async () => {
    const sender = await networkMember();
    const form = NetworkProposalSchema.parse({ title: "Un local pour les associations du quartier", body: "Les associations se réunissent dans les halls : un local partagé leur permettrait d'accueillir les habitants.", ambitionNumber: "3", quartierCode: "QP062024", communeSlug: "lens", organisation: "Centre social Dumas" });
    const result = await referProposal({ actor: sender.viewer, input: form });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const [row] = await db.select().from(proposals).where(eq(proposals.id, result.proposalId));
    expect(row).toMatchObject({ authorId: sender.id, status: "qualified", origin: "actor_network" });
    expect(row!.qualifiedAt).toBeInstanceOf(Date);
    const events = await db.select({ kind: proposalEvents.kind, payload: proposalEvents.payload }).from(proposalEvents).where(eq(proposalEvents.proposalId, result.proposalId));
    expect(events.map((e) => e.kind).sort()).toEqual(["created", "published", "qualified"]);
    expect(events.find((e) => e.kind === "qualified")!.payload).toEqual({ carriedBy: "actor_network", organisation: "Centre social Dumas" });
    expect(await db.select({ userId: proposalFollows.userId }).from(proposalFollows).where(eq(proposalFollows.proposalId, result.proposalId))).toEqual([{ userId: sender.id }]);
    const resident = await person("Habitante");
    expect(await referProposal({ actor: resident.viewer, input: form })).toEqual({ status: "forbidden" });
    // A quartier outside the commune chosen is a field error, not a crash.
    expect(await referProposal({ actor: sender.viewer, input: { ...form, communeSlug: "avion" } })).toEqual({ status: "invalid", errors: { communeSlug: "proposals:validation.quartierNotInCommune" } });
  });
});

describe("answerInterpellation", () => {
  test("the answer, who and when, the audit and the notification event, in one go; a second answer is refused", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const asked = await insertInterpellation(db, { authorId: (await councilMember(db)).id });
    expect(await answerInterpellation({ actor: coordinator.viewer, interpellationId: asked.id, answer: ANSWER })).toEqual({ status: "ok" });
    const row = await getInterpellation(asked.id);
    expect(row).toMatchObject({ answer: ANSWER });
    expect(row!.answeredAt).toBeInstanceOf(Date);
    const [stored] = await db.select({ by: interpellations.answeredById }).from(interpellations).where(eq(interpellations.id, asked.id));
    expect(stored!.by).toBe(coordinator.id);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "governance.answer_interpellation"));
    expect(audit).toMatchObject({ subjectId: asked.id, actorId: coordinator.id });
    const events = await db.select().from(notificationEvents).where(eq(notificationEvents.interpellationId, asked.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "interpellation_answered", actorId: coordinator.id, payload: { councilName: "Conseil citoyen Cité 12-14", organisation: null, answer: ANSWER } });

    const other = await person("Autre coordinateur", "coordinator");
    expect(await answerInterpellation({ actor: other.viewer, interpellationId: asked.id, answer: "Une autre réponse, écrite depuis un autre écran." })).toEqual({ status: "already_answered" });
    expect((await getInterpellation(asked.id))!.answer).toBe(ANSWER);
  });

  test("two coordinators at once: one answer", async () => {
    const [a, b] = [await person("A", "coordinator"), await person("B", "coordinator")];
    const asked = await insertInterpellation(db, { authorId: null });
    const results = await Promise.all([a, b].map((c) => answerInterpellation({ actor: c.viewer, interpellationId: asked.id, answer: `${ANSWER} (${c.displayName})` })));
    expect(results.map((r) => r.status).sort()).toEqual(["already_answered", "ok"]);
    expect(await db.select().from(notificationEvents)).toHaveLength(1);
  });

  test("refused for a resident, and for a hidden or unknown interpellation", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const resident = await person("Habitante");
    const asked = await insertInterpellation(db, { authorId: null });
    expect(await answerInterpellation({ actor: resident.viewer, interpellationId: asked.id, answer: ANSWER })).toEqual({ status: "forbidden" });
    const hidden = await insertInterpellation(db, { authorId: null, hidden: true });
    expect(await answerInterpellation({ actor: coordinator.viewer, interpellationId: hidden.id, answer: ANSWER })).toEqual({ status: "not_found" });
    expect(await answerInterpellation({ actor: coordinator.viewer, interpellationId: "00000000-0000-4000-8000-000000000000", answer: ANSWER })).toEqual({ status: "not_found" });
  });
});

describe("listWaitingInterpellations", () => {
  test("oldest first, answered and hidden left out, with the totals and the overdue count", async () => {
    const old = await insertInterpellation(db, { authorId: null, createdAt: new Date(Date.now() - 130 * DAY) });
    const recent = await insertInterpellation(db, { authorId: null, source: "actor_network", createdAt: new Date(Date.now() - 2 * DAY) });
    await insertInterpellation(db, { authorId: null, answer: ANSWER });
    await insertInterpellation(db, { authorId: null, hidden: true });
    const waiting = await listWaitingInterpellations(120);
    expect(waiting.items.map((i) => i.id)).toEqual([old.id, recent.id]);
    expect(waiting.items[0]).toMatchObject({ councilName: "Conseil citoyen Cité 12-14", source: "council" });
    expect(waiting.items[1]).toMatchObject({ councilName: null, organisation: "Association Les Jardins du 12" });
    expect(waiting).toMatchObject({ total: 2, overdue: 1 });
  });
});
