import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { ambitions, proposalEvents, proposalFollows, proposals, supports, type ProposalStatus } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { supportProposal, type Participant } from "./support-proposal.server.ts";
import { withdrawSupport } from "./withdraw-support.server.ts";

async function participant(input: Parameters<typeof insertUser>[1] = {}): Promise<Participant & { email: string }> {
  const user = await insertUser(db, { password: null, ...input });
  return { id: user.id, email: user.email, emailVerified: user.emailVerifiedAt !== null, roles: [] };
}

async function proposalBy(authorId: string | null, input: Omit<Parameters<typeof insertProposal>[1], "authorId"> = {}) {
  return insertProposal(db, { authorId, ...input });
}

async function setThreshold(ambitionNumber: number, supportThreshold: number) {
  await db.update(ambitions).set({ supportThreshold }).where(eq(ambitions.number, ambitionNumber));
}

async function state(proposalId: string) {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  const [{ rows }] = (await db.select({ rows: sql<number>`count(*)::int` }).from(supports).where(eq(supports.proposalId, proposalId))) as [{ rows: number }];
  const events = await db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, proposalId), eq(proposalEvents.kind, "qualified")));
  return { ...row!, rows, qualifiedEvents: events };
}

async function follows(proposalId: string, userId: string) {
  const rows = await db.select().from(proposalFollows).where(and(eq(proposalFollows.proposalId, proposalId), eq(proposalFollows.userId, userId)));
  return rows.length === 1;
}

describe("supportProposal", () => {
  test("a support counts once, however many times it is sent, and the supporter follows the proposal", async () => {
    const author = await participant();
    const proposal = await proposalBy(author.id);
    const nadia = await participant();

    const first = await supportProposal({ viewer: nadia, proposalId: proposal.id });
    expect(first).toEqual({ status: "ok", supported: true, supportCount: 1, qualified: false, justQualified: false });
    const again = await supportProposal({ viewer: nadia, proposalId: proposal.id });
    expect(again).toEqual({ status: "ok", supported: true, supportCount: 1, qualified: false, justQualified: false });
    // A double click: both requests at once.
    await Promise.all([supportProposal({ viewer: nadia, proposalId: proposal.id }), supportProposal({ viewer: nadia, proposalId: proposal.id })]);

    const after = await state(proposal.id);
    expect(after.supportCount).toBe(1);
    expect(after.rows).toBe(1);
    expect(await follows(proposal.id, nadia.id)).toBe(true);
  });

  test("counts stay exact as people support and withdraw", async () => {
    const proposal = await proposalBy(null);
    const people = await Promise.all([participant(), participant(), participant(), participant()]);
    for (const person of people) await supportProposal({ viewer: person, proposalId: proposal.id });
    expect((await state(proposal.id)).supportCount).toBe(4);

    expect(await withdrawSupport({ viewer: people[0]!, proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 3, qualified: false });
    // Withdrawing twice, or without having supported, changes nothing.
    expect(await withdrawSupport({ viewer: people[0]!, proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 3, qualified: false });
    const stranger = await participant();
    expect(await withdrawSupport({ viewer: stranger, proposalId: proposal.id })).toMatchObject({ status: "ok", supportCount: 3 });
    await supportProposal({ viewer: people[0]!, proposalId: proposal.id });

    const after = await state(proposal.id);
    expect(after.supportCount).toBe(4);
    expect(after.rows).toBe(4);
  });

  test("supporting or withdrawing again changes nothing and answers the current count", async () => {
    const proposal = await proposalBy(null);
    const [nadia, karim, lea] = await Promise.all([participant(), participant(), participant()]);
    await supportProposal({ viewer: nadia, proposalId: proposal.id });
    await supportProposal({ viewer: karim, proposalId: proposal.id });
    expect(await supportProposal({ viewer: nadia, proposalId: proposal.id })).toEqual({ status: "ok", supported: true, supportCount: 2, qualified: false, justQualified: false });
    await supportProposal({ viewer: lea, proposalId: proposal.id });
    expect(await withdrawSupport({ viewer: karim, proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 2, qualified: false });
    expect(await withdrawSupport({ viewer: karim, proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 2, qualified: false });
    expect(await withdrawSupport({ viewer: await participant(), proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 2, qualified: false });
    expect(await state(proposal.id)).toMatchObject({ supportCount: 2, rows: 2 });
  });

  test("withdrawing a support keeps the person following; they stop separately", async () => {
    const proposal = await proposalBy(null);
    const nadia = await participant();
    await supportProposal({ viewer: nadia, proposalId: proposal.id });
    await withdrawSupport({ viewer: nadia, proposalId: proposal.id });
    expect(await follows(proposal.id, nadia.id)).toBe(true);
  });

  test.each<[string, { status?: ProposalStatus; hidden?: boolean }]>([
    ["withdrawn", { status: "withdrawn" }],
    ["decided", { status: "decided" }],
    ["in progress", { status: "in_progress" }],
    ["done", { status: "done" }],
    ["hidden by moderation", { hidden: true }],
  ])("%s: no new support, no withdrawal, earlier supports kept", async (_label, { status, hidden }) => {
    const proposal = await proposalBy(null);
    const earlier = await participant();
    await supportProposal({ viewer: earlier, proposalId: proposal.id });
    await db
      .update(proposals)
      .set({ ...(status ? { status } : {}), ...(hidden ? { hiddenAt: new Date() } : {}) })
      .where(eq(proposals.id, proposal.id));

    const nadia = await participant();
    expect(await supportProposal({ viewer: nadia, proposalId: proposal.id })).toEqual({ status: "closed" });
    expect(await withdrawSupport({ viewer: earlier, proposalId: proposal.id })).toEqual({ status: "closed" });
    const after = await state(proposal.id);
    expect(after.supportCount).toBe(1);
    expect(after.rows).toBe(1);
  });

  test("supports are taken at every open step, not only before qualification", async () => {
    for (const status of ["qualified", "under_review", "on_copil_agenda"] as const) {
      const proposal = await proposalBy(null, { status });
      const result = await supportProposal({ viewer: await participant(), proposalId: proposal.id });
      expect(result, status).toMatchObject({ status: "ok", supportCount: 1 });
      expect((await state(proposal.id)).status).toBe(status);
    }
  });

  test("a draft does not exist for anyone but its author, who cannot support it", async () => {
    const author = await participant();
    const draft = await proposalBy(author.id, { status: "draft" });
    expect(await supportProposal({ viewer: await participant(), proposalId: draft.id })).toEqual({ status: "not_found" });
    expect(await withdrawSupport({ viewer: await participant(), proposalId: draft.id })).toEqual({ status: "not_found" });
    expect(await supportProposal({ viewer: author, proposalId: draft.id })).toEqual({ status: "own_proposal" });
    expect((await state(draft.id)).rows).toBe(0);
  });

  test("authors cannot support their own proposal", async () => {
    const author = await participant();
    const proposal = await proposalBy(author.id);
    expect(await supportProposal({ viewer: author, proposalId: proposal.id })).toEqual({ status: "own_proposal" });
    expect((await state(proposal.id)).supportCount).toBe(0);
  });

  test("a person whose email address is not confirmed cannot support or withdraw", async () => {
    const proposal = await proposalBy(null);
    const unverified = await participant({ verified: false });
    expect(await supportProposal({ viewer: unverified, proposalId: proposal.id })).toEqual({ status: "forbidden" });
    expect(await withdrawSupport({ viewer: unverified, proposalId: proposal.id })).toEqual({ status: "forbidden" });
    const after = await state(proposal.id);
    expect(after.rows).toBe(0);
    expect(await follows(proposal.id, unverified.id)).toBe(false);
  });

  test("an unknown proposal is not found", async () => {
    const nadia = await participant();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await supportProposal({ viewer: nadia, proposalId: unknown })).toEqual({ status: "not_found" });
    expect(await withdrawSupport({ viewer: nadia, proposalId: unknown })).toEqual({ status: "not_found" });
  });
});

describe("qualification at the threshold", () => {
  test("the support that reaches the threshold qualifies the proposal, records it in the timeline and emails the author once", async () => {
    await setThreshold(8, 3);
    const author = await participant({ email: "autrice@example.org", displayName: "Samia" });
    const proposal = await proposalBy(author.id, { ambitionNumber: 8, title: "Un jardin partagé rue Voltaire" });
    const people = await Promise.all([participant(), participant(), participant(), participant()]);

    expect(await supportProposal({ viewer: people[0]!, proposalId: proposal.id })).toMatchObject({ qualified: false });
    expect(await supportProposal({ viewer: people[1]!, proposalId: proposal.id })).toMatchObject({ qualified: false });
    expect(await emailsTo(author.email)).toHaveLength(0);
    expect(await supportProposal({ viewer: people[2]!, proposalId: proposal.id })).toEqual({ status: "ok", supported: true, supportCount: 3, qualified: true, justQualified: true });

    const after = await state(proposal.id);
    expect(after.status).toBe("qualified");
    expect(after.qualifiedAt).toBeInstanceOf(Date);
    expect(after.qualifiedEvents).toHaveLength(1);
    expect(after.qualifiedEvents[0]).toMatchObject({ actorId: null, payload: { threshold: 3, supports: 3 } });

    const [email] = await emailsTo(author.email);
    expect(email).toMatchObject({ template: "proposal-qualified", subject: "Votre proposition a atteint son seuil de soutiens" });
    expect(email!.text).toContain("Bonjour Samia,");
    expect(email!.text).toContain("Un jardin partagé rue Voltaire");
    expect(email!.text).toContain(`${appUrl}/propositions/${proposal.id}`);
    expect(email!.html).toContain(`href="${appUrl}/propositions/${proposal.id}"`);

    // More supports, a withdrawal back under the threshold, a support again: no second transition, no second email.
    expect(await supportProposal({ viewer: people[3]!, proposalId: proposal.id })).toMatchObject({ supportCount: 4, qualified: true, justQualified: false });
    await withdrawSupport({ viewer: people[3]!, proposalId: proposal.id });
    await withdrawSupport({ viewer: people[2]!, proposalId: proposal.id });
    await supportProposal({ viewer: people[2]!, proposalId: proposal.id });
    const later = await state(proposal.id);
    expect(later.status).toBe("qualified");
    expect(later.qualifiedEvents).toHaveLength(1);
    expect(await emailsTo(author.email)).toHaveLength(1);
  });

  test("withdrawing a support never un-qualifies", async () => {
    await setThreshold(8, 1);
    const proposal = await proposalBy(null, { ambitionNumber: 8 });
    const nadia = await participant();
    await supportProposal({ viewer: nadia, proposalId: proposal.id });
    expect(await withdrawSupport({ viewer: nadia, proposalId: proposal.id })).toEqual({ status: "ok", supported: false, supportCount: 0, qualified: true });
    expect((await state(proposal.id)).status).toBe("qualified");
  });

  test("the email is in the author's language", async () => {
    await setThreshold(3, 1);
    const author = await participant({ locale: "en", displayName: "Sam" });
    const proposal = await proposalBy(author.id, { ambitionNumber: 3 });
    await supportProposal({ viewer: await participant(), proposalId: proposal.id });
    const [email] = await emailsTo(author.email);
    expect(email!.subject).toBe("Your proposal has reached its support threshold");
    expect(email!.html).toContain('lang="en"');
    expect(email!.text).toContain("Hello Sam,");
  });

  test("a proposal without an author (account deleted) qualifies without an email", async () => {
    await setThreshold(8, 1);
    const proposal = await proposalBy(null, { ambitionNumber: 8 });
    expect(await supportProposal({ viewer: await participant(), proposalId: proposal.id })).toMatchObject({ justQualified: true });
    expect((await state(proposal.id)).status).toBe("qualified");
  });

  test("a proposal carried at a later step is not moved back to qualified by its supports", async () => {
    await setThreshold(8, 1);
    const proposal = await proposalBy(null, { ambitionNumber: 8, status: "under_review" });
    expect(await supportProposal({ viewer: await participant(), proposalId: proposal.id })).toMatchObject({ justQualified: false });
    const after = await state(proposal.id);
    expect(after.status).toBe("under_review");
    expect(after.qualifiedEvents).toHaveLength(0);
  });

  test("the ambition's current threshold counts: lowered under the count, the next support qualifies", async () => {
    await setThreshold(8, 10);
    const proposal = await proposalBy(null, { ambitionNumber: 8 });
    for (let i = 0; i < 3; i++) await supportProposal({ viewer: await participant(), proposalId: proposal.id });
    await setThreshold(8, 2);
    expect(await supportProposal({ viewer: await participant(), proposalId: proposal.id })).toMatchObject({ supportCount: 4, justQualified: true });
    expect((await state(proposal.id)).qualifiedEvents[0]!.payload).toEqual({ threshold: 2, supports: 4 });
  });

  test("an email that cannot be sent does not undo the support", async () => {
    await setThreshold(8, 1);
    const author = await participant();
    const proposal = await proposalBy(author.id, { ambitionNumber: 8 });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const email = await import("#app/modules/email/send-email.server.ts");
    vi.spyOn(email, "queueEmail").mockRejectedValueOnce(new Error("render failed"));
    const result = await supportProposal({ viewer: await participant(), proposalId: proposal.id });
    expect(result).toMatchObject({ status: "ok", justQualified: true });
    expect((await state(proposal.id)).status).toBe("qualified");
    expect(errors).toHaveBeenCalled();
  });
});
