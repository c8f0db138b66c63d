import { eq } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import {
  agendaItems,
  decisionCorrections,
  followupMilestones,
  governanceMeetings,
  instructingPartners,
  proposalEvents,
  proposalFollowups,
  proposalReviews,
  proposals,
  type MeetingStatus,
  type ProposalDecision,
  type ProposalStatus,
} from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { storedProposal } from "#tests/helpers/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.tsx";

const BODY = "Les parents attendent la sortie des classes debout, en plein soleil, devant l'école Jean-Jaurès. Quelques bancs et un arbre changeraient tout pour eux et pour les grands-parents qui viennent chercher les enfants.";

async function setup(status: "draft" | "published" = "published") {
  const author = await insertUser(db, { password: null, displayName: "Nadia" });
  const other = await insertUser(db, { password: null });
  const proposal = await insertProposal(db, { authorId: author.id, status, title: "Des bancs à l'ombre devant l'école", body: BODY });
  return { author, other, proposal, authorCookie: await sessionCookieFor(author.id), otherCookie: await sessionCookieFor(other.id) };
}

const view = (id: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/propositions/${id}`, { cookie }), { id })));
const act = (id: string, form: Record<string, string>, cookie?: string) => settle(action(actionArgs(postRequest(`/propositions/${id}`, form, { cookie }), { id })));

describe("/propositions/:id, the page", () => {
  test("anyone reads a published proposal: title, meta description from the text, names, timeline; no author tools", async () => {
    const { proposal } = await setup();
    const response = await view(proposal.id);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Des bancs à l'ombre devant l'école");
    expect(data.description).toBe(`${BODY.slice(0, 150).trimEnd()}…`);
    expect(data.proposal).toMatchObject({ id: proposal.id, status: "published", authorName: "Nadia", ambitionNumber: 8, quartierName: "Cité 12-14", communeName: "Lens" });
    expect(data.proposal.dateLabel).toMatch(/^publiée le \d{1,2} \S+ \d{4}$/);
    expect(data.proposal).not.toHaveProperty("authorId");
    expect(data.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "published"]);
    expect(data.actions).toBeNull();
    // The supports panel, for an anonymous visitor: the count, the threshold, and "sign in to support".
    expect(data).toMatchObject({ supports: { supportCount: 0, threshold: 25, access: "sign_in", open: true }, contributions: { total: 0, open: true, items: [] } });
  });

  test("the author sees what they may still do", async () => {
    const { proposal, authorCookie } = await setup();
    expect((await (await view(proposal.id, authorCookie)).json()).actions).toEqual({ edit: true, update: false, withdraw: true, publish: false });
  });

  test("a draft is its author's only: 404 for anyone else", async () => {
    const { proposal, authorCookie, otherCookie } = await setup("draft");
    expect((await view(proposal.id)).status).toBe(404);
    expect((await view(proposal.id, otherCookie)).status).toBe(404);
    const own = await view(proposal.id, authorCookie);
    expect(own.status).toBe(200);
    expect((await own.json()).actions).toEqual({ edit: true, update: false, withdraw: false, publish: true });
  });

  test("malformed or unknown: 404, never 500", async () => {
    for (const id of ["nouvelle-idee", "1", "' or 1=1 --", "00000000-0000-4000-8000-000000000000"]) expect((await view(id)).status, id).toBe(404);
  });

  test("hidden by moderation: others are told so, without its title; its author still sees it, with a notice", async () => {
    const { proposal, authorCookie } = await setup();
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    const stub = await (await view(proposal.id)).json();
    expect(stub).toEqual({ hiddenStub: true, title: "Cette proposition a été masquée par la modération", reason: null });
    const own = await (await view(proposal.id, authorCookie)).json();
    expect(own).toMatchObject({ hiddenStub: false, title: proposal.title, hiddenNotice: "author" });
  });

  test("a withdrawn proposal stays visible, marked withdrawn, with the reason", async () => {
    const { proposal, authorCookie } = await setup();
    await act(proposal.id, { intent: "withdraw", reason: "La ville l'a déjà prévu." }, authorCookie);
    const data = await (await view(proposal.id)).json();
    expect(data.proposal).toMatchObject({ status: "withdrawn", withdrawnReason: "La ville l'a déjà prévu." });
    expect(data.proposal.withdrawnLabel).toEqual(expect.any(String));
  });
});

describe("/propositions/:id, the author's actions", () => {
  test("anonymous: sign in; unverified: 403; someone else: 403 for each action, nothing changes", async () => {
    const { proposal, other } = await setup("draft");
    expect((await act(proposal.id, { intent: "publish" })).headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpropositions%2F${proposal.id}`);
    const unverified = await insertUser(db, { password: null, verified: false });
    expect((await act(proposal.id, { intent: "publish" }, await sessionCookieFor(unverified.id))).status).toBe(403);
    const otherCookie = await sessionCookieFor(other.id);
    const forms: Record<string, string>[] = [{ intent: "publish" }, { intent: "withdraw" }, { intent: "update", text: "Des nouvelles de l'idée." }];
    for (const form of forms) {
      expect((await act(proposal.id, form, otherCookie)).status, form.intent).toBe(403);
    }
    expect((await storedProposal(proposal.id)).row!.status).toBe("draft");
  });

  test("the author publishes a draft", async () => {
    const { proposal, authorCookie } = await setup("draft");
    const response = await act(proposal.id, { intent: "publish" }, authorCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(response)).toBe("proposals:flash.published");
    expect((await storedProposal(proposal.id)).row!.status).toBe("published");
    // A second press changes nothing and says so.
    const again = await act(proposal.id, { intent: "publish" }, authorCookie);
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual({ form: "proposals:validation.notDraft" });
  });

  test("the author withdraws: a reason too long is a 400 with the text kept; then withdrawn", async () => {
    const { proposal, authorCookie } = await setup();
    const tooLong = await act(proposal.id, { intent: "withdraw", reason: "x".repeat(501) }, authorCookie);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ intent: "withdraw", errors: { reason: "proposals:validation.reasonTooLong" }, values: { intent: "withdraw", reason: "x".repeat(501) } });
    const response = await act(proposal.id, { intent: "withdraw", reason: "<b>Déjà fait</b>" }, authorCookie);
    expect(await flashSetBy(response)).toBe("proposals:flash.withdrawn");
    expect((await storedProposal(proposal.id)).events.at(-1)).toMatchObject({ kind: "withdrawn", payload: { reason: "<b>Déjà fait</b>" } });
    expect((await act(proposal.id, { intent: "withdraw" }, authorCookie)).status).toBe(409);
  });

  test("the author gives news once people have reacted, not before", async () => {
    const { proposal, authorCookie } = await setup();
    const early = await act(proposal.id, { intent: "update", text: "La mairie étudie l'idée." }, authorCookie);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ intent: "update", errors: { form: "proposals:validation.updateNotAllowed" }, values: { text: "La mairie étudie l'idée." } });
    await db.update(proposals).set({ supportCount: 3 }).where(eq(proposals.id, proposal.id));
    const short = await act(proposal.id, { intent: "update", text: "Bof" }, authorCookie);
    expect(short.status).toBe(400);
    expect((await short.json()).errors).toEqual({ text: "proposals:validation.updateTooShort" });
    const response = await act(proposal.id, { intent: "update", text: "La mairie étudie l'idée." }, authorCookie);
    expect(await flashSetBy(response)).toBe("proposals:flash.updateAdded");
    const data = await (await view(proposal.id)).json();
    expect(data.timeline.at(-1)).toMatchObject({ kind: "updated", text: "La mairie étudie l'idée.", actorName: "Nadia" });
  });

  test("an unknown intent or a malformed id", async () => {
    const { proposal, authorCookie } = await setup();
    expect((await act(proposal.id, { intent: "delete" }, authorCookie)).status).toBe(400);
    expect((await act(proposal.id, {}, authorCookie)).status).toBe(400);
    expect((await act("pas-un-id", { intent: "publish" }, authorCookie)).status).toBe(404);
    expect((await act("00000000-0000-4000-8000-000000000000", { intent: "withdraw" }, authorCookie)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------
// « Ce que devient cette proposition »: the proposal at each governance step, with rows inserted directly.

const DAY = 24 * 3600_000;
const INTERNAL = "Note interne : le maire n'y tient pas, à ne pas publier.";

async function governed(status: ProposalStatus, patch: Partial<typeof proposals.$inferInsert> = {}) {
  const author = await insertUser(db, { password: null, displayName: "Nadia" });
  const proposal = await insertProposal(db, { authorId: author.id, status, title: "Des bancs à l'ombre devant l'école", body: BODY });
  await db
    .update(proposals)
    .set({ qualifiedAt: new Date(Date.now() - 10 * DAY), ...patch })
    .where(eq(proposals.id, proposal.id));
  return { author, proposal };
}

async function reviewBy(proposalId: string, partnerName: string) {
  const [partner] = await db.insert(instructingPartners).values({ name: partnerName }).returning();
  await db.insert(proposalReviews).values({
    proposalId,
    partnerId: partner!.id,
    feasibility: "feasible",
    costRange: "under_10k",
    existingMeans: "La ville entretient déjà les abords de l'école.",
    publicAnalysis: "Deux bancs et un arbre suffisent ; la ville peut les poser cet été.",
    internalNotes: INTERNAL,
  });
}

async function onMeeting(proposalId: string, status: MeetingStatus, decided?: { decision: ProposalDecision; reasons: string }) {
  const [meeting] = await db
    .insert(governanceMeetings)
    .values({ bodyKey: "copil", title: "COPIL de printemps", startsAt: new Date("2027-03-12T13:00:00Z"), status, publishedAt: status === "published" ? new Date() : null })
    .returning();
  const [item] = await db
    .insert(agendaItems)
    .values({ meetingId: meeting!.id, kind: "proposal", proposalId, title: "Des bancs", decision: decided?.decision ?? null, publicReasons: decided?.reasons ?? null, decidedAt: decided ? new Date() : null })
    .returning();
  return { meeting: meeting!, item: item! };
}

const coordinatorCookie = async () => sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);

async function countQueries<T>(run: () => Promise<T>) {
  const spy = vi.spyOn(PgPreparedQuery.prototype as unknown as { queryWithCache: (sql: string, ...rest: unknown[]) => Promise<unknown> }, "queryWithCache");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("/propositions/:id, what becomes of it", () => {
  test("a published proposal has no governance section", async () => {
    const { proposal } = await setup();
    expect((await (await view(proposal.id)).json()).governance).toBeNull();
  });

  test("qualified: the droit de suite deadline, and nobody named yet; overdue says so", async () => {
    const { proposal } = await governed("qualified");
    const { governance } = await (await view(proposal.id)).json();
    expect(governance).toMatchObject({ partnerName: null, deadline: { overdue: false }, analysis: null, decisions: [], answer: null, followup: null, tools: null });
    // 120 days by default, from qualification.
    expect(governance.deadline.label).toBe(new Intl.DateTimeFormat("fr", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(Date.now() + 110 * DAY)));
    const { proposal: late } = await governed("qualified", { qualifiedAt: new Date(Date.now() - 130 * DAY) });
    expect((await (await view(late.id)).json()).governance.deadline).toMatchObject({ overdue: true });
  });

  test("under review: who instructs it and the public part of the analysis, never the internal notes, not even for coordinators; coordinators get their tools", async () => {
    const { proposal } = await governed("under_review");
    await reviewBy(proposal.id, "Ville de Lens, service des espaces verts");
    const response = await view(proposal.id);
    const raw = await response.clone().text();
    expect(raw).not.toContain("Note interne");
    const { governance } = await response.json();
    expect(governance).toMatchObject({
      partnerName: "Ville de Lens, service des espaces verts",
      analysis: { feasibility: "feasible", costRange: "under_10k", existingMeans: "La ville entretient déjà les abords de l'école.", publicAnalysis: "Deux bancs et un arbre suffisent ; la ville peut les poser cet été." },
      tools: null,
    });
    const asCoordinator = await view(proposal.id, await coordinatorCookie());
    expect(await asCoordinator.clone().text()).not.toContain("Note interne");
    expect((await asCoordinator.json()).governance.tools).toEqual({ instruct: `/gouvernance/propositions/${proposal.id}`, followup: `/gouvernance/propositions/${proposal.id}/realisation` });
  });

  test("on a COPIL agenda: the meeting and its link; a decision recorded before the relevé is published stays out", async () => {
    const { proposal } = await governed("on_copil_agenda");
    const { meeting } = await onMeeting(proposal.id, "held", { decision: "retained", reasons: "Pas encore public." });
    const response = await view(proposal.id);
    expect(await response.clone().text()).not.toContain("Pas encore public.");
    const { governance } = await response.json();
    expect(governance.upcomingMeeting).toEqual({ href: `/instances/copil/${meeting.id}`, title: "COPIL de printemps", dateLabel: "12 mars 2027" });
    expect(governance.decisions).toEqual([]);
    expect(governance.deadline).not.toBeNull();
  });

  test("decided: the published decision with its reasons and its dated corrections; no deadline any more", async () => {
    const { proposal } = await governed("decided", { decision: "retained", answeredAt: new Date(), answerKind: "copil_decision" });
    const { meeting, item } = await onMeeting(proposal.id, "published", { decision: "retained", reasons: "Les bancs sont prévus au budget 2027." });
    await db.insert(decisionCorrections).values({ agendaItemId: item.id, text: "Le budget est celui de 2028.", createdAt: new Date("2027-04-02T10:00:00Z") });
    const { governance } = await (await view(proposal.id)).json();
    expect(governance.deadline).toBeNull();
    expect(governance.upcomingMeeting).toBeNull();
    expect(governance.decisions).toEqual([
      { href: `/instances/copil/${meeting.id}`, meetingTitle: "COPIL de printemps", dateLabel: "12 mars 2027", decision: "retained", reasons: "Les bancs sont prévus au budget 2027.", corrections: [{ text: "Le budget est celui de 2028.", dateLabel: "2 avril 2027" }] },
    ]);
  });

  test("answered directly: the kind, the text and the competent body, from the step's event; the step names no coordinator", async () => {
    const { proposal } = await governed("answered", { answeredAt: new Date(), answerKind: "outside_contract" });
    const coordinator = await insertUser(db, { password: null, displayName: "Claire Coordinatrice", roles: [{ role: "coordinator" }] });
    await db.insert(proposalEvents).values({
      proposalId: proposal.id,
      kind: "answered",
      actorId: coordinator.id,
      payload: { answerKind: "outside_contract", text: "C'est une route départementale.", competentBody: "Département du Pas-de-Calais" },
    });
    const data = await (await view(proposal.id)).json();
    expect(data.governance.answer).toEqual({ kind: "outside_contract", text: "C'est une route départementale.", competentBody: "Département du Pas-de-Calais" });
    expect(data.governance.deadline).toBeNull();
    expect(data.timeline.at(-1)).toMatchObject({ kind: "answered", answerKind: "outside_contract", competentBody: "Département du Pas-de-Calais", text: "C'est une route départementale.", actorName: null });
  });

  test("in progress: the body in charge, the funded action with its funders' shares, the milestones with their dates", async () => {
    const { proposal } = await governed("in_progress", { decision: "retained", answeredAt: new Date(), answerKind: "copil_decision" });
    await db.insert(proposalFollowups).values({
      proposalId: proposal.id,
      bodyInCharge: "Ville de Lens",
      actionTitle: "Bancs et ombrage",
      porteur: "Centre social Jean Jaurès",
      amountEur: 12000,
      funders: [
        { name: "État", amountEur: 6000 },
        { name: "CALL", amountEur: 4000 },
        { name: "Ville de Lens", amountEur: 2000 },
      ],
    });
    await db.insert(followupMilestones).values([
      { proposalId: proposal.id, title: "Pose des bancs", dueOn: "2027-05-15", doneAt: new Date("2027-05-14T09:00:00Z") },
      { proposalId: proposal.id, title: "Plantation de l'arbre", dueOn: "2027-11-20" },
    ]);
    await db.insert(proposalEvents).values({ proposalId: proposal.id, kind: "milestone_added", payload: { title: "Plantation de l'arbre", dueOn: "2027-11-20" } });
    const data = await (await view(proposal.id)).json();
    const { followup } = data.governance;
    expect(followup).toMatchObject({ bodyInCharge: "Ville de Lens", action: { title: "Bancs et ombrage", porteur: "Centre social Jean Jaurès" } });
    expect(followup.action.amountLabel.replace(/\s/g, " ")).toBe("12 000 €");
    expect(followup.action.funders.map((f: { name: string; amountLabel: string }) => `${f.name} ${f.amountLabel.replace(/\s/g, " ")}`)).toEqual(["État 6 000 €", "CALL 4 000 €", "Ville de Lens 2 000 €"]);
    expect(followup.milestones).toEqual([
      expect.objectContaining({ title: "Pose des bancs", dueLabel: "15 mai 2027", reachedLabel: "14 mai 2027" }),
      expect.objectContaining({ title: "Plantation de l'arbre", dueLabel: "20 novembre 2027", reachedLabel: null }),
    ]);
    expect(data.timeline.at(-1)).toMatchObject({ kind: "milestone_added", milestone: { title: "Plantation de l'arbre", dueOn: "2027-11-20" }, dateLabel: "20 novembre 2027" });
  });

  test("merged: the page sends to the proposal it joined, with a word on why", async () => {
    const { proposal: target } = await governed("under_review");
    const { proposal } = await governed("merged", { mergedIntoId: target.id });
    const response = await view(proposal.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${target.id}`);
    expect(await flashSetBy(response)).toBe("proposals:flash.mergedHere");
  });

  test("the section costs one query (two while an answer is awaited: the deadline's setting), however much it holds", async () => {
    const { proposal: published } = await setup();
    const base = await countQueries(() => view(published.id));
    const { proposal } = await governed("decided", { decision: "retained", answeredAt: new Date() });
    await reviewBy(proposal.id, "CALL, politique de la ville");
    const { item } = await onMeeting(proposal.id, "published", { decision: "retained", reasons: "Oui." });
    await db.insert(decisionCorrections).values([{ agendaItemId: item.id, text: "Un." }, { agendaItemId: item.id, text: "Deux." }]);
    expect(await countQueries(() => view(proposal.id))).toBe(base + 1);
    const { proposal: waiting } = await governed("under_review");
    expect(await countQueries(() => view(waiting.id))).toBe(base + 2);
  });
});
