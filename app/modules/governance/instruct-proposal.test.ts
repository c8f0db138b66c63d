import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposalReviews } from "#db/schema/index.ts";
import { currentVersion, partner, person, proposalRow, qualifiedProposal, stepEmailsTo, stepTrail } from "#tests/factories/gtp.ts";
import { assignPartner, recordAnalysis } from "./instruct-proposal.server.ts";

const analysis = { feasibility: "conditional", costRange: "under_10k", existingMeans: "Le plan bancs de la ville.", publicAnalysis: "Faisable si la ville accepte.", internalNotes: "Voir avec M. Dupont." } as const;

describe("assigning the partner that instructs a proposal", () => {
  test("the first assignment puts it under review, with the partner in the event, an audit entry and the author's email (partner and due date)", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia", undefined, "fr");
    const proposal = await qualifiedProposal({ authorId: author.id, qualifiedAt: new Date("2027-01-10T10:00:00Z") });
    const lens = await partner("Ville de Lens, espaces verts");
    const result = await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } });
    expect(result).toEqual({ status: "ok", opened: true });
    const row = await proposalRow(proposal.id);
    expect(row.status).toBe("under_review");
    expect(row.governanceVersion).toBe(1);
    const trail = await stepTrail(proposal.id);
    expect(trail.events).toEqual([{ kind: "under_review", actorId: coordinator.id, payload: { partnerId: lens.id, partnerName: "Ville de Lens, espaces verts", reopened: false } }]);
    expect(trail.audits).toMatchObject([{ action: "governance.assign", actorId: coordinator.id, changes: { status: { before: "qualified", after: "under_review" } } }]);
    const [review] = await db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposal.id));
    expect(review).toMatchObject({ partnerId: lens.id, updatedById: coordinator.id });
    const [mail] = await stepEmailsTo(author.email);
    expect(mail).toMatchObject({ template: "proposal-step" });
    expect(mail!.text).toContain("Ville de Lens, espaces verts");
    // 120 days after 10 January 2027.
    expect(mail!.text).toContain("10 mai 2027");
  });

  test("an overdue proposal's author is told its answer is late, not promised a date already past", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia", undefined, "fr");
    const proposal = await qualifiedProposal({ authorId: author.id, daysAgo: 150 });
    const lens = await partner("Ville de Lens, voirie");
    await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } });
    const [mail] = await stepEmailsTo(author.email);
    expect(mail!.text).toContain("Sa réponse est en retard : elle était attendue le");
    expect(mail!.text).not.toContain("au plus tard le");
  });

  test("the due date is written in the author's language", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Sam", undefined, "en");
    const proposal = await qualifiedProposal({ authorId: author.id, qualifiedAt: new Date("2027-01-10T10:00:00Z") });
    const lens = await partner("CCAS de Lens");
    await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } });
    const [mail] = await stepEmailsTo(author.email);
    expect(mail!.text).toContain("May 10, 2027");
  });

  test("a later change of partner is audited and updates the review, without a new status, event or email", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia");
    const proposal = await qualifiedProposal({ authorId: author.id });
    const first = await partner("Ville de Lens");
    const second = await partner("Département du Pas-de-Calais");
    await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: first.id } });
    const result = await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 1, partnerId: second.id } });
    expect(result).toEqual({ status: "ok", opened: false });
    expect((await proposalRow(proposal.id)).status).toBe("under_review");
    expect(await currentVersion(proposal.id)).toBe(2);
    const trail = await stepTrail(proposal.id);
    expect(trail.events.map((e) => e.kind)).toEqual(["under_review"]);
    expect(trail.audits.at(-1)).toMatchObject({ action: "governance.assign", changes: { partner: { before: "Ville de Lens", after: "Département du Pas-de-Calais" } } });
    const [review] = await db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposal.id));
    expect(review!.partnerId).toBe(second.id);
    expect(await stepEmailsTo(author.email)).toHaveLength(1);
  });

  test("an unknown or deactivated partner is refused, and nothing is written", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal();
    const retired = await partner("Ancien service", false);
    for (const partnerId of ["00000000-0000-4000-8000-000000000000", retired.id]) {
      expect(await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId } })).toEqual({ status: "unknown_partner" });
    }
    expect((await proposalRow(proposal.id)).status).toBe("qualified");
    expect(await stepTrail(proposal.id)).toEqual({ events: [], audits: [] });
  });

  test("only coordinators and administrators instruct; a stale version is a conflict; a hidden or unknown proposal is not found", async () => {
    const moderator = await person("Modératrice", "moderator");
    const coordinator = await person("Coordinatrice", "coordinator");
    const lens = await partner("Ville de Lens");
    const proposal = await qualifiedProposal();
    expect(await assignPartner({ actor: moderator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } })).toEqual({ status: "forbidden" });
    expect(await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 3, partnerId: lens.id } })).toEqual({ status: "conflict" });
    const hidden = await qualifiedProposal({ hidden: true });
    expect(await assignPartner({ actor: coordinator.viewer, proposalId: hidden.id, input: { version: 0, partnerId: lens.id } })).toEqual({ status: "not_found" });
    expect(await assignPartner({ actor: coordinator.viewer, proposalId: "00000000-0000-4000-8000-000000000000", input: { version: 0, partnerId: lens.id } })).toEqual({ status: "not_found" });
  });

  test("a proposal the COPIL postponed comes back under review when the GTP takes it up again", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const lens = await partner("Ville de Lens");
    const proposal = await qualifiedProposal({ status: "decided", decision: "postponed" });
    expect(await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } })).toEqual({ status: "ok", opened: true });
    const row = await proposalRow(proposal.id);
    expect(row).toMatchObject({ status: "under_review", decision: null });
    expect((await stepTrail(proposal.id)).events[0]).toMatchObject({ kind: "under_review", payload: { reopened: true } });
  });

  test("an answered proposal takes no more instruction", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const lens = await partner("Ville de Lens");
    const proposal = await qualifiedProposal({ status: "answered" });
    expect(await assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } })).toEqual({ status: "not_allowed" });
  });
});

describe("recording the analysis", () => {
  test("stores the public and internal parts, opens the instruction of a qualified proposal, and emails the author once", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia");
    const proposal = await qualifiedProposal({ authorId: author.id });
    expect(await recordAnalysis({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, ...analysis } })).toEqual({ status: "ok", opened: true });
    const [review] = await db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposal.id));
    expect(review).toMatchObject({ ...analysis, partnerId: null, updatedById: coordinator.id });
    expect((await proposalRow(proposal.id)).status).toBe("under_review");
    expect((await stepTrail(proposal.id)).events).toMatchObject([{ kind: "under_review", payload: { partnerName: null } }]);
    // A revision: audited (which parts changed, not the internal words), no new event nor email.
    expect(await recordAnalysis({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 1, ...analysis, feasibility: "feasible", internalNotes: "Accord de principe." } })).toEqual({ status: "ok", opened: false });
    const trail = await stepTrail(proposal.id);
    expect(trail.events).toHaveLength(1);
    const last = trail.audits.at(-1)!;
    expect(last).toMatchObject({ action: "governance.analysis", changes: { analysis: { before: { feasibility: "conditional" }, after: { feasibility: "feasible", fields: ["feasibility", "internalNotes"] } } } });
    expect(JSON.stringify(last)).not.toContain("Accord de principe");
    expect(await stepEmailsTo(author.email)).toHaveLength(1);
  });

  test("a stale version is a conflict and writes nothing", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal();
    expect(await recordAnalysis({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 1, ...analysis } })).toEqual({ status: "conflict" });
    expect(await db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposal.id))).toEqual([]);
  });
});
