import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, proposalEvents, proposals } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { lockForStep, writeStep } from "./governance-steps.server.ts";

async function step(proposalId: string, version: number | null, to: "answered" | "under_review", actorId: string) {
  return db.transaction(async (tx) => {
    const locked = await lockForStep(tx, proposalId, version);
    if (locked.status !== "locked") return locked;
    return writeStep(tx, locked.proposal, { actorId, event: to, to, audit: "governance.test" });
  });
}

test("a step moves the status, bumps the version and writes one event and one audit entry; a stale version or a step the model forbids writes nothing", async () => {
  const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  const proposal = await insertProposal(db, { authorId: null, status: "qualified" });

  expect(await step(proposal.id, 0, "under_review", coordinator.id)).toEqual({ status: "ok" });
  expect(await step(proposal.id, 0, "answered", coordinator.id)).toEqual({ status: "conflict" });
  expect(await step(proposal.id, 1, "answered", coordinator.id)).toEqual({ status: "ok" });
  // Answered is final: the same step again is refused, whatever the version.
  expect(await step(proposal.id, 2, "answered", coordinator.id)).toEqual({ status: "not_allowed" });

  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id));
  expect({ status: row!.status, version: row!.governanceVersion }).toEqual({ status: "answered", version: 2 });
  const kinds = (await db.select({ kind: proposalEvents.kind }).from(proposalEvents).where(eq(proposalEvents.proposalId, proposal.id))).map((e) => e.kind);
  expect(kinds.filter((k) => k === "under_review" || k === "answered")).toEqual(["under_review", "answered"]);
  expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, proposal.id))).toHaveLength(2);
});

test("a hidden proposal or a draft takes no step", async () => {
  const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  const draft = await insertProposal(db, { authorId: null, status: "draft" });
  const hidden = await insertProposal(db, { authorId: null, status: "qualified" });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  expect(await step(draft.id, null, "under_review", coordinator.id)).toEqual({ status: "not_found" });
  expect(await step(hidden.id, null, "under_review", coordinator.id)).toEqual({ status: "not_found" });
});
