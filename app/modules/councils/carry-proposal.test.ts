import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getGtpQueue } from "#app/modules/governance/gtp-queries.server.ts";
import { getProposalPage } from "#app/modules/proposals/proposal-queries.server.ts";
import { auditLog, councilProposals, notificationEvents, proposals } from "#db/schema/index.ts";
import { person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { councilMember } from "#tests/factories/interpellations.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { carryProposal } from "./carry-proposal.server.ts";
import { followForCouncil, unfollowForCouncil } from "./council-follow.server.ts";

const STATEMENT = "Le conseil a vu ce problème à chaque réunion : les parents attendent au soleil.";

async function published(quartierCode: string | null = "QP062024") {
  const author = await person("Autrice");
  return insertProposal(db, { authorId: author.id, quartierCode, communeSlug: quartierCode ? "lens" : "lens" });
}

describe("carryProposal", () => {
  test("a published proposal of the council's quartier is carried: qualified now, origin named, timeline, notification event and audit", async () => {
    const member = await councilMember(db);
    const proposal = await published();
    const result = await carryProposal({ actor: member.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT });
    expect(result).toEqual({ status: "ok", qualified: true });

    const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(row).toMatchObject({ status: "qualified", origin: "conseil_citoyen", originQuartierCode: "QP062024", governanceVersion: 1 });
    expect(row!.qualifiedAt).toBeInstanceOf(Date);
    const [tie] = await db.select().from(councilProposals).where(eq(councilProposals.proposalId, proposal.id));
    expect(tie).toMatchObject({ councilCode: "QP062024", tie: "carried", statement: STATEMENT, actorId: member.id });

    const page = await getProposalPage(proposal.id);
    const steps = page!.events.filter((e) => e.kind === "qualified" || e.kind === "carried");
    expect(steps.map((e) => e.kind)).toEqual(["qualified", "carried"]);
    expect(steps[0]).toMatchObject({ carriedByCouncil: { code: "QP062024", name: "Conseil citoyen Cité 12-14" }, actorName: null });
    expect(steps[1]).toMatchObject({ carriedByCouncil: { code: "QP062024", name: "Conseil citoyen Cité 12-14" }, text: STATEMENT, actorName: null });
    expect(page!.originQuartierName).toBe("Cité 12-14");

    const events = await db.select().from(notificationEvents).where(eq(notificationEvents.proposalId, proposal.id));
    expect(events.map((e) => e.payload)).toEqual([{ step: "carried", councilCode: "QP062024", councilName: "Conseil citoyen Cité 12-14", statement: STATEMENT }]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, proposal.id), eq(auditLog.action, "council.carry")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: member.id, reason: "council:QP062024", changes: { status: { before: "published", after: "qualified" } } });

    // It waits in the GTP's queue, with its origin.
    const queue = await getGtpQueue({ ambition: null, quartier: null, commune: null, origin: null, minDays: null });
    expect(queue.waiting.find((w) => w.id === proposal.id)).toMatchObject({ origin: "conseil_citoyen" });
  });

  test("a proposal already qualified keeps its qualification date; a followed one becomes carried", async () => {
    const member = await councilMember(db);
    const proposal = await qualifiedProposal({ daysAgo: 40 });
    expect(await followForCouncil({ actor: member.viewer, councilCode: "QP062024", proposalId: proposal.id })).toEqual({ status: "ok", changed: true });
    expect(await carryProposal({ actor: member.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT })).toEqual({ status: "ok", qualified: false });
    const [row] = await db.select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(row!.qualifiedAt!.getTime()).toBe(proposal.qualifiedAt!.getTime());
    expect(row!.status).toBe("qualified");
    const ties = await db.select().from(councilProposals).where(eq(councilProposals.proposalId, proposal.id));
    expect(ties.map((t) => t.tie)).toEqual(["carried"]);
    const page = await getProposalPage(proposal.id);
    expect(page!.events.filter((e) => e.kind === "qualified" && e.carriedByCouncil)).toEqual([]);
  });

  test("refused: a quartier the council does not cover, no quartier, another council's member, a hidden, answered or withdrawn proposal", async () => {
    const member = await councilMember(db);
    const act = (proposalId: string, councilCode = "QP062024", actor = member.viewer) => carryProposal({ actor, councilCode, proposalId, statement: STATEMENT });
    expect(await act((await published("QP062028")).id)).toEqual({ status: "not_covered" });
    expect(await act((await published(null)).id)).toEqual({ status: "not_covered" });
    // A member of Liévin's council may not act for Lens's.
    const other = await councilMember(db, "QP062028");
    expect(await act((await published()).id, "QP062024", other.viewer)).toEqual({ status: "forbidden" });
    expect(await act((await qualifiedProposal({ hidden: true })).id)).toEqual({ status: "not_found" });
    expect(await act((await qualifiedProposal({ status: "answered" })).id)).toEqual({ status: "not_waiting" });
    expect(await act((await qualifiedProposal({ status: "decided", decision: "retained" })).id)).toEqual({ status: "not_waiting" });
    expect(await act((await insertProposal(db, { authorId: member.id, status: "withdrawn" })).id)).toEqual({ status: "not_waiting" });
    expect(await act((await insertProposal(db, { authorId: member.id, status: "draft" })).id)).toEqual({ status: "not_found" });
    expect(await db.select().from(councilProposals)).toEqual([]);
  });

  test("twice, or by two members at once: one carry, the other is told it is already carried", async () => {
    const [a, b] = [await councilMember(db, "QP062024", "Awa"), await councilMember(db, "QP062024", "Bruno")];
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await published();
    const results = await Promise.all([
      carryProposal({ actor: a.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT }),
      carryProposal({ actor: b.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_carried", "ok"]);
    expect(await carryProposal({ actor: coordinator.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT })).toEqual({ status: "already_carried", councilCode: "QP062024" });
    const page = await getProposalPage(proposal.id);
    expect(page!.events.filter((e) => e.kind === "carried")).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "council.carry"))).toHaveLength(1);
  });
});

describe("followForCouncil / unfollowForCouncil", () => {
  test("follow and unfollow on behalf of the council, audited; a carried proposal is not unfollowed", async () => {
    const member = await councilMember(db);
    const proposal = await published();
    const input = { actor: member.viewer, councilCode: "QP062024", proposalId: proposal.id };
    expect(await followForCouncil(input)).toEqual({ status: "ok", changed: true });
    expect(await followForCouncil(input)).toEqual({ status: "ok", changed: false });
    expect(await unfollowForCouncil(input)).toEqual({ status: "ok", changed: true });
    expect(await db.select().from(councilProposals)).toEqual([]);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, proposal.id))).map((r) => r.action).sort();
    expect(actions).toEqual(["council.follow", "council.unfollow"]);

    await carryProposal({ ...input, statement: STATEMENT });
    expect(await unfollowForCouncil(input)).toEqual({ status: "carried" });
    expect(await db.select({ tie: councilProposals.tie }).from(councilProposals)).toEqual([{ tie: "carried" }]);
  });

  test("refused for another council's member, a quartier not covered, a hidden proposal", async () => {
    const member = await councilMember(db);
    const other = await councilMember(db, "QP062028");
    const proposal = await published();
    expect(await followForCouncil({ actor: other.viewer, councilCode: "QP062024", proposalId: proposal.id })).toEqual({ status: "forbidden" });
    expect(await followForCouncil({ actor: other.viewer, councilCode: "QP062028", proposalId: proposal.id })).toEqual({ status: "not_covered" });
    const hidden = await qualifiedProposal({ hidden: true });
    expect(await followForCouncil({ actor: member.viewer, councilCode: "QP062024", proposalId: hidden.id })).toEqual({ status: "not_found" });
    expect(await db.select().from(councilProposals)).toEqual([]);
  });
});
