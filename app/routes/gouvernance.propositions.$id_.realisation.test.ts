import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { startFollowup } from "#app/modules/governance/followup-steps.server.ts";
import { auditLog, followupMilestones, proposalFollowups, proposals, type ProposalDecision, type ProposalStatus } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, flashSetBy } from "#tests/helpers/email.ts";
import { storedProposal } from "#tests/helpers/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.propositions.$id_.realisation.tsx";

/** A proposal as the COPIL left it: decided (retained unless told), answered, by an author who reads French or English. */
async function decidedProposal({ decision = "retained", status = "decided", locale = "fr" }: { decision?: ProposalDecision; status?: ProposalStatus; locale?: "fr" | "en" } = {}) {
  const author = await insertUser(db, { password: null, displayName: "Nadia", locale });
  const proposal = await insertProposal(db, { authorId: author.id, status, title: "Des bancs à l'ombre devant l'école" });
  const month = 30 * 24 * 3600_000;
  await db
    .update(proposals)
    .set({ decision, qualifiedAt: new Date(Date.now() - 3 * month), answeredAt: new Date(Date.now() - month), answerKind: "copil_decision", governanceVersion: 3 })
    .where(eq(proposals.id, proposal.id));
  const coordinator = await insertUser(db, { password: null, displayName: "Claire", roles: [{ role: "coordinator" }] });
  return { author, proposal, coordinator, cookie: await sessionCookieFor(coordinator.id) };
}

const url = (id: string) => `/gouvernance/propositions/${id}/realisation`;
const view = (id: string, cookie?: string) => settle(loader(loaderArgs(getRequest(url(id), { cookie }), { id })));
const act = (id: string, form: Record<string, string>, cookie?: string) => settle(action(actionArgs(postRequest(url(id), form, { cookie }), { id })));

/** The programmation table's example: 12 000 €, État 6 000 € / CALL 4 000 € / Ville de Lens 2 000 €. */
const START = {
  intent: "start",
  bodyInCharge: "Ville de Lens, service des espaces verts",
  actionTitle: "Bancs et ombrage devant les écoles",
  porteur: "Centre social Jean Jaurès",
  amountEur: "12 000",
  funder0Name: "État",
  funder0Amount: "6000",
  funder1Name: "CALL",
  funder1Amount: "4 000 €",
  funder2Name: "Ville de Lens",
  funder2Amount: "2000",
};

async function started(options: Parameters<typeof decidedProposal>[0] = {}) {
  const setup = await decidedProposal(options);
  const response = await act(setup.proposal.id, { ...START, version: "3" }, setup.cookie);
  expect(response.status).toBe(302);
  return setup;
}

describe("/gouvernance/propositions/:id/realisation, the page", () => {
  test("coordinators see the start form for a retained proposal; others are refused; unknown or malformed: 404", async () => {
    const { proposal, cookie, author } = await decidedProposal();
    const response = await view(proposal.id, cookie);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data).toMatchObject({ title: "Suivre la réalisation de « Des bancs à l'ombre devant l'école »", proposal: { id: proposal.id, status: "decided", decision: "retained", version: 3 }, canStart: true, followup: null });
    expect((await view(proposal.id, await sessionCookieFor(author.id))).status).toBe(403);
    expect((await view(proposal.id)).headers.get("Location")).toMatch(/^\/connexion/);
    expect((await view("pas-un-id", cookie)).status).toBe(404);
    expect((await view("00000000-0000-4000-8000-000000000000", cookie)).status).toBe(404);
  });

  test("a proposal not retained cannot start; the page says why", async () => {
    const { proposal, cookie } = await decidedProposal({ decision: "not_retained" });
    expect(await (await view(proposal.id, cookie)).json()).toMatchObject({ canStart: false, followup: null });
  });
});

describe("start", () => {
  test("creates the follow-up with the funded action, moves the proposal in progress, writes the event, the audit and the author's email", async () => {
    const { proposal, cookie, author, coordinator } = await decidedProposal();
    const response = await act(proposal.id, { ...START, version: "3" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(url(proposal.id));
    expect(await flashSetBy(response)).toBe("followup:flash.start");
    const [followup] = await db.select().from(proposalFollowups).where(eq(proposalFollowups.proposalId, proposal.id));
    expect(followup).toMatchObject({
      bodyInCharge: "Ville de Lens, service des espaces verts",
      actionTitle: "Bancs et ombrage devant les écoles",
      porteur: "Centre social Jean Jaurès",
      amountEur: 12000,
      funders: [
        { name: "État", amountEur: 6000 },
        { name: "CALL", amountEur: 4000 },
        { name: "Ville de Lens", amountEur: 2000 },
      ],
    });
    const stored = await storedProposal(proposal.id);
    expect(stored.row).toMatchObject({ status: "in_progress", governanceVersion: 4 });
    expect(stored.events.at(-1)).toEqual({
      kind: "in_progress",
      actorId: coordinator.id,
      payload: { bodyInCharge: "Ville de Lens, service des espaces verts", action: { title: "Bancs et ombrage devant les écoles", porteur: "Centre social Jean Jaurès", amountEur: 12000, funders: followup!.funders } },
    });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "governance.start_implementation"));
    expect(audit).toMatchObject({ actorId: coordinator.id, subjectType: "proposal", subjectId: proposal.id, changes: { status: { before: "decided", after: "in_progress" } } });
    const [mail] = await emailsTo(author.email);
    expect(mail).toMatchObject({ template: "proposal-step", subject: "La réalisation de « Des bancs à l'ombre devant l'école » commence" });
    expect(mail!.text).toContain("Ville de Lens, service des espaces verts");
    // The page now shows the follow-up, amounts in euros.
    const data = await (await view(proposal.id, cookie)).json();
    expect(data.followup.action).toMatchObject({ porteur: "Centre social Jean Jaurès", amountLabel: expect.stringMatching(/^12\s000\s€$/) });
    expect(data.followup.action.funders.map((f: { name: string }) => f.name)).toEqual(["État", "CALL", "Ville de Lens"]);
  });

  test("a body in charge alone is enough (no funded action); a partly retained proposal starts too", async () => {
    const { proposal, cookie } = await decidedProposal({ decision: "partly_retained" });
    const response = await act(proposal.id, { intent: "start", version: "3", bodyInCharge: "Ville de Lens" }, cookie);
    expect(response.status).toBe(302);
    const [followup] = await db.select().from(proposalFollowups).where(eq(proposalFollowups.proposalId, proposal.id));
    expect(followup).toMatchObject({ bodyInCharge: "Ville de Lens", actionTitle: null, porteur: null, amountEur: null, funders: [] });
  });

  test("bad input: 400 with each field's error and what was typed; nothing written", async () => {
    const { proposal, cookie } = await decidedProposal();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ bodyInCharge: "" }, { bodyInCharge: "validation.required" }],
      [{ bodyInCharge: "Ville de Lens", porteur: "Centre social" }, { actionTitle: "followup:validation.actionTitleRequired", amountEur: "followup:validation.amountRequired" }],
      [{ ...START, amountEur: "douze mille" }, { amountEur: "followup:validation.amountInvalid" }],
      [{ ...START, amountEur: "10000" }, { funders: "followup:validation.sharesAboveTotal" }],
      [{ ...START, funder3Name: "Région" }, { funder3Amount: "followup:validation.funderAmountRequired" }],
      [{ ...START, amountEur: "20000", funder3Amount: "500" }, { funder3Name: "followup:validation.funderNameRequired" }],
    ];
    for (const [form, errors] of cases) {
      const response = await act(proposal.id, { intent: "start", version: "3", ...form }, cookie);
      expect(response.status, JSON.stringify(form)).toBe(400);
      const body = await response.json();
      expect(body.errors, JSON.stringify(form)).toEqual(errors);
      expect(body).toMatchObject({ intent: "start", values: { ...form, version: "3" } });
    }
    const missingVersion = await act(proposal.id, { ...START, version: "" }, cookie);
    expect(missingVersion.status).toBe(400);
    expect((await missingVersion.json()).errors).toEqual({ version: "followup:validation.versionMissing" });
    expect((await storedProposal(proposal.id)).row).toMatchObject({ status: "decided", governanceVersion: 3 });
    expect(await db.select().from(proposalFollowups)).toEqual([]);
  });

  test("wrong status: 409 with a clear message (not retained, already started, or not decided)", async () => {
    for (const options of [{ decision: "not_retained" as const }, { decision: "postponed" as const }, { status: "under_review" as const }]) {
      const { proposal, cookie } = await decidedProposal(options);
      const response = await act(proposal.id, { ...START, version: "3" }, cookie);
      expect(response.status, JSON.stringify(options)).toBe(409);
      expect(await response.json()).toMatchObject({ intent: "start", errors: { form: "followup:errors.notStartable" }, values: { bodyInCharge: START.bodyInCharge, version: "3" } });
    }
    const { proposal, cookie } = await started();
    const again = await act(proposal.id, { ...START, version: "4" }, cookie);
    expect(again.status).toBe(409);
  });

  test("two coordinators at once: one wins, the other gets a conflict, nothing is written twice", async () => {
    const { proposal, cookie, author } = await decidedProposal();
    const other = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
    const [a, b] = await Promise.all([act(proposal.id, { ...START, version: "3" }, cookie), act(proposal.id, { ...START, bodyInCharge: "CALL", version: "3" }, await sessionCookieFor(other.id))]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const loser = a.status === 409 ? a : b;
    const body = await loser.json();
    expect(body.errors).toEqual({ form: "followup:errors.conflict" });
    // The form comes back with what was typed, but takes the page's new version.
    expect(body.values).not.toHaveProperty("version");
    expect((await storedProposal(proposal.id)).events.filter((e) => e.kind === "in_progress")).toHaveLength(1);
    expect(await db.select().from(proposalFollowups)).toHaveLength(1);
    expect(await emailsTo(author.email)).toHaveLength(1);
    // Straight through the use case as well.
    const { proposal: second } = await decidedProposal();
    const actor = { id: other.id };
    const input = { version: 3, bodyInCharge: "Ville de Lens", action: null };
    const results = await Promise.all([startFollowup({ actor, proposalId: second.id, input }), startFollowup({ actor, proposalId: second.id, input })]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
  });
});

describe("milestones", () => {
  test("add one: event, audit, email with the date written long in the author's language; then reach it", async () => {
    const { proposal, cookie, author } = await started({ locale: "en" });
    const bad = await act(proposal.id, { intent: "milestone", version: "4", title: "", dueOn: "2027-02-30" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ intent: "milestone", errors: { title: "validation.required", dueOn: "followup:validation.dueOnInvalid" }, values: { intent: "milestone", version: "4", title: "", dueOn: "2027-02-30" } });

    const response = await act(proposal.id, { intent: "milestone", version: "4", title: "Pose des bancs", dueOn: "15/05/2027" }, cookie);
    expect(response.status).toBe(302);
    expect(await flashSetBy(response)).toBe("followup:flash.milestone");
    const [milestone] = await db.select().from(followupMilestones).where(eq(followupMilestones.proposalId, proposal.id));
    expect(milestone).toMatchObject({ title: "Pose des bancs", dueOn: "2027-05-15", doneAt: null });
    const stored = await storedProposal(proposal.id);
    expect(stored.row!.governanceVersion).toBe(5);
    expect(stored.events.at(-1)).toMatchObject({ kind: "milestone_added", payload: { milestoneId: milestone!.id, title: "Pose des bancs", dueOn: "2027-05-15" } });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "governance.add_milestone"))).toHaveLength(1);
    const mail = (await emailsTo(author.email)).at(-1)!;
    expect(mail.text).toContain("Pose des bancs");
    expect(mail.text).toContain("May 15, 2027");

    // Reached, once.
    const reach = await act(proposal.id, { intent: "reach", version: "5", milestoneId: milestone!.id }, cookie);
    expect(reach.status).toBe(302);
    expect(await flashSetBy(reach)).toBe("followup:flash.reach");
    const [after] = await db.select().from(followupMilestones).where(eq(followupMilestones.id, milestone!.id));
    expect(after!.doneAt).toBeInstanceOf(Date);
    expect((await storedProposal(proposal.id)).events.at(-1)).toMatchObject({ kind: "milestone_reached", payload: { milestoneId: milestone!.id, title: "Pose des bancs" } });
    expect((await emailsTo(author.email)).at(-1)!.text).toContain("Pose des bancs");
    const twice = await act(proposal.id, { intent: "reach", version: "6", milestoneId: milestone!.id }, cookie);
    expect(twice.status).toBe(409);
    expect((await twice.json()).errors).toEqual({ form: "followup:errors.alreadyReached" });
    // The page lists it, reached.
    const data = await (await view(proposal.id, cookie)).json();
    expect(data.followup.milestones).toEqual([expect.objectContaining({ title: "Pose des bancs", dueOn: "2027-05-15", reachedLabel: expect.any(String) })]);
  });

  test("a milestone of another proposal, or a malformed id: 404; a stale version: 409", async () => {
    const { proposal, cookie } = await started();
    const { proposal: other } = await started();
    await act(other.id, { intent: "milestone", version: "4", title: "Ailleurs", dueOn: "2027-05-15" }, cookie);
    const [foreign] = await db.select().from(followupMilestones).where(eq(followupMilestones.proposalId, other.id));
    expect((await act(proposal.id, { intent: "reach", version: "4", milestoneId: foreign!.id }, cookie)).status).toBe(404);
    expect((await act(proposal.id, { intent: "reach", version: "4", milestoneId: "pas-un-id" }, cookie)).status).toBe(404);
    expect((await db.select().from(followupMilestones).where(and(eq(followupMilestones.id, foreign!.id))))[0]!.doneAt).toBeNull();

    const stale = await act(proposal.id, { intent: "milestone", version: "3", title: "Pose des bancs", dueOn: "2027-05-15" }, cookie);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ errors: { form: "followup:errors.conflict" }, values: { title: "Pose des bancs", dueOn: "2027-05-15" } });
    expect(await db.select().from(followupMilestones).where(eq(followupMilestones.proposalId, proposal.id))).toEqual([]);
  });

  test("wrong status: no milestone on a proposal not in progress", async () => {
    const { proposal, cookie } = await decidedProposal();
    const response = await act(proposal.id, { intent: "milestone", version: "3", title: "Pose des bancs", dueOn: "2027-05-15" }, cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual({ form: "followup:errors.notInProgress" });
  });
});

describe("progress, funding, done", () => {
  test("progress: news in plain French, in the timeline and the author's email; too short is a 400", async () => {
    const { proposal, cookie, author } = await started();
    const short = await act(proposal.id, { intent: "progress", version: "4", text: "Bof" }, cookie);
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ intent: "progress", errors: { text: "followup:validation.textTooShort" }, values: { text: "Bof" } });
    const response = await act(proposal.id, { intent: "progress", version: "4", text: "Les bancs sont commandés, la pose est prévue au printemps." }, cookie);
    expect(await flashSetBy(response)).toBe("followup:flash.progress");
    expect((await storedProposal(proposal.id)).events.at(-1)).toMatchObject({ kind: "progress", payload: { text: "Les bancs sont commandés, la pose est prévue au printemps." } });
    const mail = (await emailsTo(author.email)).at(-1)!;
    expect(mail.subject).toBe("Des nouvelles de « Des bancs à l'ombre devant l'école »");
    expect(mail.text).toContain("Les bancs sont commandés");
    expect((await act(proposal.id, { intent: "progress", version: "4", text: "Encore des nouvelles, en retard." }, cookie)).status).toBe(409);
  });

  test("funding: corrected afterwards, the audit keeps the changes, no email, no event; the shares still may not exceed the total", async () => {
    const { proposal, cookie, author, coordinator } = await started();
    const mails = (await emailsTo(author.email)).length;
    const events = (await storedProposal(proposal.id)).events.length;
    const over = await act(proposal.id, { ...START, intent: "funding", version: "4", funder0Amount: "9000" }, cookie);
    expect(over.status).toBe(400);
    expect((await over.json()).errors).toEqual({ funders: "followup:validation.sharesAboveTotal" });
    const response = await act(proposal.id, { ...START, intent: "funding", version: "4", amountEur: "15000", funder3Name: "Région Hauts-de-France", funder3Amount: "3000" }, cookie);
    expect(await flashSetBy(response)).toBe("followup:flash.funding");
    const [followup] = await db.select().from(proposalFollowups).where(eq(proposalFollowups.proposalId, proposal.id));
    expect(followup).toMatchObject({ amountEur: 15000, funders: expect.arrayContaining([{ name: "Région Hauts-de-France", amountEur: 3000 }]) });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "governance.update_funding"));
    expect(audit).toMatchObject({ actorId: coordinator.id, subjectId: proposal.id, changes: { amountEur: { before: 12000, after: 15000 }, funders: expect.any(Object) } });
    expect(audit!.changes).not.toHaveProperty("porteur");
    expect(await emailsTo(author.email)).toHaveLength(mails);
    const stored = await storedProposal(proposal.id);
    expect(stored.events).toHaveLength(events);
    expect(stored.row!.governanceVersion).toBe(5);
    // The same again changes nothing, and says so; an old version is refused.
    expect(await flashSetBy(await act(proposal.id, { ...START, intent: "funding", version: "5", amountEur: "15000", funder3Name: "Région Hauts-de-France", funder3Amount: "3000" }, cookie))).toBe("followup:flash.fundingUnchanged");
    expect((await act(proposal.id, { ...START, intent: "funding", version: "4" }, cookie)).status).toBe(409);
    // Before any follow-up there is nothing to correct.
    const { proposal: decided, cookie: c2 } = await decidedProposal();
    const none = await act(decided.id, { ...START, intent: "funding", version: "3" }, c2);
    expect(none.status).toBe(409);
    expect((await none.json()).errors).toEqual({ form: "followup:errors.noFollowup" });
  });

  test("done: « réalisée » with a last word; required; then nothing more can be added", async () => {
    const { proposal, cookie, author } = await started();
    const empty = await act(proposal.id, { intent: "done", version: "4", lastWord: "  " }, cookie);
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ lastWord: "validation.required" });
    const response = await act(proposal.id, { intent: "done", version: "4", lastWord: "Les bancs sont posés : venez les essayer !" }, cookie);
    expect(await flashSetBy(response)).toBe("followup:flash.done");
    const stored = await storedProposal(proposal.id);
    expect(stored.row!.status).toBe("done");
    expect(stored.events.at(-1)).toMatchObject({ kind: "done", payload: { text: "Les bancs sont posés : venez les essayer !" } });
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "governance.complete_implementation")).orderBy(asc(auditLog.createdAt)))[0]).toMatchObject({ changes: { status: { before: "in_progress", after: "done" } } });
    const mail = (await emailsTo(author.email)).at(-1)!;
    expect(mail.subject).toBe("« Des bancs à l'ombre devant l'école » est réalisée");
    expect(mail.text).toContain("Les bancs sont posés");
    const forms: Record<string, string>[] = [
      { intent: "done", lastWord: "Encore une fois, c'est fini." },
      { intent: "progress", text: "Des nouvelles après la fin." },
      { intent: "milestone", title: "Une étape de plus", dueOn: "2027-06-01" },
    ];
    for (const form of forms) {
      const late = await act(proposal.id, { ...form, version: "5" }, cookie);
      expect(late.status, form.intent).toBe(409);
      expect((await late.json()).errors, form.intent).toEqual({ form: "followup:errors.notInProgress" });
    }
  });

  test("an unknown intent, an unreadable form, a hidden proposal", async () => {
    const { proposal, cookie } = await started();
    expect((await act(proposal.id, { intent: "supprimer", version: "4" }, cookie)).status).toBe(400);
    expect((await act(proposal.id, {}, cookie)).status).toBe(400);
    expect((await act("pas-un-id", { intent: "progress", version: "4", text: "Des nouvelles de la pose." }, cookie)).status).toBe(404);
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    expect((await act(proposal.id, { intent: "progress", version: "4", text: "Des nouvelles de la pose." }, cookie)).status).toBe(404);
    expect((await view(proposal.id, cookie)).status).toBe(404);
  });
});
