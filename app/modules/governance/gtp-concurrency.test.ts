/**
 * Two coordinators act on the same proposal at once, from forms built on the same version: exactly one
 * wins, the other is told (conflict, or not_allowed when the first step closed the way), and the database
 * holds the winner's step only: one status, one event, one audit entry, one email. On PostgreSQL the row
 * lock serialises them; on PGlite the transactions run one after the other: the answer is the same.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems } from "#db/schema/index.ts";
import { answerProposal } from "./answer-proposal.server.ts";
import { copilMeeting, partner, person, proposalRow, qualifiedProposal, stepEmailsTo, stepTrail } from "#tests/factories/gtp.ts";
import { assignPartner, recordAnalysis } from "./instruct-proposal.server.ts";
import { mergeProposal } from "./merge-proposal.server.ts";
import { putForwardProposal } from "./put-forward-proposal.server.ts";

describe("two coordinators on the same proposal at once", () => {
  test("answer and put_forward with the same version: one wins, the other is refused, nothing of the loser is written", async () => {
    const first = await person("Coordinatrice A", "coordinator");
    const second = await person("Coordinateur B", "administrator");
    const author = await person("Nadia");
    const meeting = await copilMeeting();
    const proposal = await qualifiedProposal({ authorId: author.id, status: "under_review" });
    const [answered, putForward] = await Promise.all([
      answerProposal({ actor: first.viewer, proposalId: proposal.id, input: { version: 0, answerKind: "already_done", answerText: "C'est fait depuis mars.", competentBody: "" } }),
      putForwardProposal({ actor: second.viewer, proposalId: proposal.id, input: { version: 0, meetingId: meeting.id, details: "" } }),
    ]);
    const statuses = [answered.status, putForward.status];
    expect(statuses.filter((s) => s === "ok")).toHaveLength(1);
    expect(statuses.filter((s) => s === "conflict" || s === "not_allowed")).toHaveLength(1);

    const answerWon = answered.status === "ok";
    const row = await proposalRow(proposal.id);
    expect(row.status).toBe(answerWon ? "answered" : "on_copil_agenda");
    expect(row.governanceVersion).toBe(1);
    expect(row.answeredAt !== null).toBe(answerWon);
    const trail = await stepTrail(proposal.id);
    expect(trail.events).toMatchObject([{ kind: answerWon ? "answered" : "on_copil_agenda", actorId: answerWon ? first.id : second.id }]);
    expect(trail.audits).toMatchObject([{ action: answerWon ? "governance.answer" : "governance.put_forward", actorId: answerWon ? first.id : second.id }]);
    expect(await db.select().from(agendaItems).where(eq(agendaItems.proposalId, proposal.id))).toHaveLength(answerWon ? 0 : 1);
    expect(await stepEmailsTo(author.email)).toHaveLength(1);
  });

  test("the same assignment sent twice (a double click, two tabs): the second is a conflict, one event, one email", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia");
    const lens = await partner("Ville de Lens");
    const proposal = await qualifiedProposal({ authorId: author.id });
    const results = await Promise.all([1, 2].map(() => assignPartner({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, partnerId: lens.id } })));
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    const trail = await stepTrail(proposal.id);
    expect(trail.events.map((e) => e.kind)).toEqual(["under_review"]);
    expect(trail.audits).toHaveLength(1);
    expect(await stepEmailsTo(author.email)).toHaveLength(1);
  });

  test("an analysis and a merge at once: one wins, the other gets a conflict", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const other = await person("Coordinateur", "coordinator");
    const target = await qualifiedProposal();
    const proposal = await qualifiedProposal();
    const results = await Promise.all([
      recordAnalysis({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, feasibility: "feasible", costRange: "none", existingMeans: "", publicAnalysis: "Faisable.", internalNotes: "" } }),
      mergeProposal({ actor: other.viewer, proposalId: proposal.id, input: { version: 0, target: target.id, reason: "Les mêmes." } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    expect((await stepTrail(proposal.id)).audits).toHaveLength(1);
  });
});
