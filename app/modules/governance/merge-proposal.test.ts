import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { MergeSchema, parseProposalReference } from "./gtp.schema.ts";
import { addFollow, addSupport, followersOf, person, proposalRow, qualifiedProposal, stepEmailsTo, stepTrail, supportersOf } from "#tests/factories/gtp.ts";
import { mergeProposal } from "./merge-proposal.server.ts";

const reason = "Les deux demandent un jardin partagé au même endroit.";

describe("merging a proposal into a similar one", () => {
  test("supports move without counting anyone twice nor the target's author; followers move; both timelines, audits and authors are told", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const sourceAuthor = await person("Nadia");
    const targetAuthor = await person("Karim");
    const both = await person("Soutient les deux");
    const onlySource = await person("Soutient la source");
    const onlyTarget = await person("Soutient la cible");
    const follower = await person("Suit la source");
    const source = await qualifiedProposal({ authorId: sourceAuthor.id, title: "Un jardin partagé rue Voltaire", status: "under_review" });
    const target = await qualifiedProposal({ authorId: targetAuthor.id, title: "Des jardins partagés à la cité 12" });
    for (const user of [both, onlySource, targetAuthor]) await addSupport(source.id, user.id);
    for (const user of [both, onlyTarget]) await addSupport(target.id, user.id);
    await addFollow(source.id, sourceAuthor.id);
    await addFollow(source.id, follower.id);
    await addFollow(source.id, both.id);
    await addFollow(target.id, targetAuthor.id);
    await addFollow(target.id, both.id);

    const result = await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target: target.id, reason } });
    expect(result).toEqual({ status: "ok", targetId: target.id, supportCount: 3 });

    // The person who supported both counts once; the target's author's support of the source is not carried.
    expect(await supportersOf(target.id)).toEqual([both.id, onlySource.id, onlyTarget.id].sort());
    expect((await proposalRow(target.id)).supportCount).toBe(3);
    expect(await supportersOf(source.id)).toEqual([]);
    expect(await followersOf(target.id)).toEqual([targetAuthor.id, both.id, sourceAuthor.id, follower.id].sort());
    expect(await followersOf(source.id)).toEqual([]);

    const merged = await proposalRow(source.id);
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: target.id, supportCount: 0, governanceVersion: 1 });
    const sourceTrail = await stepTrail(source.id);
    expect(sourceTrail.events).toEqual([{ kind: "merged", actorId: coordinator.id, payload: { otherId: target.id, otherTitle: "Des jardins partagés à la cité 12", reason } }]);
    expect(sourceTrail.audits).toMatchObject([{ action: "governance.merge", reason, changes: { status: { before: "under_review", after: "merged" } } }]);
    const targetTrail = await stepTrail(target.id);
    expect(targetTrail.events).toEqual([
      { kind: "merged_in", actorId: coordinator.id, payload: { otherId: source.id, otherTitle: "Un jardin partagé rue Voltaire", reason, supportsCarried: 1, followersCarried: 2 } },
    ]);
    expect(targetTrail.audits).toMatchObject([{ action: "governance.merge_in", reason }]);

    const [toSource] = await stepEmailsTo(sourceAuthor.email);
    expect(toSource!.text).toContain("Des jardins partagés à la cité 12");
    expect(toSource!.text).toContain(`/propositions/${target.id}`);
    const [toTarget] = await stepEmailsTo(targetAuthor.email);
    expect(toTarget!.text).toContain("Un jardin partagé rue Voltaire");
    expect(toTarget!.text).toContain(`/propositions/${source.id}`);
  });

  test("a target not yet qualified inherits the source's qualification date (its droit de suite clock does not restart)", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const source = await qualifiedProposal({ qualifiedAt: new Date("2027-02-01T09:30:00Z") });
    const author = await person("Karim");
    const target = await insertProposal(db, { authorId: author.id });
    expect((await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target: target.id, reason } })).status).toBe("ok");
    expect(await proposalRow(target.id)).toMatchObject({ status: "qualified", qualifiedAt: new Date("2027-02-01T09:30:00Z") });
    const trail = await stepTrail(target.id);
    expect(trail.events.map((e) => e.kind).sort()).toEqual(["merged_in", "qualified"]);
    expect(trail.events.find((e) => e.kind === "qualified")!.payload).toMatchObject({ carriedBy: "merge", otherId: source.id });
    expect(trail.audits).toMatchObject([{ action: "governance.merge_in", changes: { status: { before: "published", after: "qualified" } } }]);
  });

  test("a target already qualified keeps its own date", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const source = await qualifiedProposal({ qualifiedAt: new Date("2027-02-01T09:30:00Z") });
    const target = await qualifiedProposal({ qualifiedAt: new Date("2027-03-01T09:30:00Z"), status: "under_review" });
    await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target: target.id, reason } });
    expect(await proposalRow(target.id)).toMatchObject({ status: "under_review", qualifiedAt: new Date("2027-03-01T09:30:00Z") });
  });

  test("refuses a merge into itself, into an unknown, hidden, draft, merged or withdrawn proposal, and writes nothing", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Karim");
    const source = await qualifiedProposal();
    await addSupport(source.id, (await person("Soutien")).id);
    const hidden = await qualifiedProposal({ hidden: true });
    const draft = await insertProposal(db, { authorId: author.id, status: "draft" });
    const alreadyMerged = await qualifiedProposal({ status: "merged" });
    const withdrawn = await insertProposal(db, { authorId: author.id, status: "withdrawn" });
    const cases: [string, string][] = [
      [source.id, "self"],
      ["00000000-0000-4000-8000-000000000000", "unknown"],
      [hidden.id, "hidden"],
      [draft.id, "unknown"],
      [alreadyMerged.id, "closed"],
      [withdrawn.id, "closed"],
    ];
    for (const [target, why] of cases) {
      expect(await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target, reason } }), why).toEqual({ status: "invalid_target", reason: why });
    }
    expect(await proposalRow(source.id)).toMatchObject({ status: "qualified", supportCount: 1, mergedIntoId: null, governanceVersion: 0 });
    expect(await stepTrail(source.id)).toEqual({ events: [], audits: [] });
  });

  test("a proposal on an agenda or answered cannot be merged; a stale version is a conflict", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const target = await qualifiedProposal();
    for (const status of ["on_copil_agenda", "answered"] as const) {
      const source = await qualifiedProposal({ status });
      expect(await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target: target.id, reason } })).toEqual({ status: "not_allowed" });
    }
    const source = await qualifiedProposal();
    expect(await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 2, target: target.id, reason } })).toEqual({ status: "conflict" });
    const [row] = await db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, source.id));
    expect(row!.status).toBe("qualified");
  });

  test("two merges of the same pair in opposite directions at once: one wins, nothing deadlocks or half-writes", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const a = await qualifiedProposal();
    const b = await qualifiedProposal();
    const results = await Promise.all([
      mergeProposal({ actor: coordinator.viewer, proposalId: a.id, input: { version: 0, target: b.id, reason } }),
      mergeProposal({ actor: coordinator.viewer, proposalId: b.id, input: { version: 0, target: a.id, reason } }),
    ]);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(results.filter((r) => r.status !== "ok")).toMatchObject([{ status: expect.stringMatching(/^(conflict|invalid_target)$/) }]);
    const rows = await Promise.all([proposalRow(a.id), proposalRow(b.id)]);
    expect(rows.filter((r) => r.status === "merged")).toHaveLength(1);
  });

  test("the form takes the other proposal's address or its id", () => {
    const id = "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4";
    for (const value of [id, id.toUpperCase(), `/propositions/${id}`, `https://labo.example.org/propositions/${id}`, ` http://localhost:3000/propositions/${id}/#timeline-title `]) {
      expect(parseProposalReference(value), value).toBe(id);
    }
    for (const value of ["", "12", `/labo/${id}`, `${id}x`, "javascript:alert(1)"]) expect(parseProposalReference(value), value).toBeNull();
    const data = new FormData();
    data.set("version", "0");
    data.set("target", "pas une adresse");
    data.set("reason", "");
    const parsed = validateFormData(data, MergeSchema);
    expect(parsed.ok ? null : parsed.errors).toEqual({ target: "gtp:validation.targetInvalid", reason: "gtp:validation.reasonRequired" });
  });
});
