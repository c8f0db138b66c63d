/**
 * A conseil citoyen carries a proposal to the GTP: the council's collective word stands for the supports a
 * resident's proposal must gather (loi n°2014-173, art. 7: the councils take part in the contrat de ville's
 * bodies). One step on the proposal's timeline, written with the other governance steps' machinery.
 */
import { and, eq, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { lockForStep, writeStep } from "#app/modules/governance/governance-steps.server.ts";
import { recordEvent } from "#app/modules/proposals/proposal-writes.server.ts";
import { councilProposals, councilQuartiers, councils, proposals, type ProposalStatus } from "#db/schema/index.ts";

/** What the "qualified" event of a proposal carried by a council says (not qualified by supports). */
export const CARRIED_BY_COUNCIL = "conseil_citoyen";

/** Carrying is for proposals still waiting for the GTP's answer. */
export const CARRIABLE_STATUSES: readonly ProposalStatus[] = ["published", "qualified", "under_review", "on_copil_agenda"];

export type CarryRefusal =
  | { status: "forbidden" }
  | { status: "not_found" }
  | { status: "not_covered" }
  | { status: "already_carried"; councilCode: string }
  | { status: "not_waiting" };
export type CarryResult = { status: "ok"; qualified: boolean } | CarryRefusal;

/** The council covering a quartier, if it is `councilCode` (null when the quartier is not one of its). */
export async function councilCovering(executor: Db, councilCode: string, quartierCode: string | null) {
  if (!quartierCode) return null;
  const [row] = await executor
    .select({ code: councils.code, name: councils.name })
    .from(councilQuartiers)
    .innerJoin(councils, eq(councils.code, councilQuartiers.councilCode))
    .where(and(eq(councilQuartiers.quartierCode, quartierCode), eq(councilQuartiers.councilCode, councilCode)));
  return row ?? null;
}

/**
 * In one transaction, with the proposal locked (so two members carrying at once are served one after the
 * other, and the second is told it is already carried): the council's row (a follow becomes a carry), the
 * proposal's origin, its qualification if it was only published, and the `carried` step (timeline,
 * notification event, audit).
 */
export async function carryProposal({ actor, councilCode, proposalId, statement }: { actor: NonNullable<Viewer>; councilCode: string; proposalId: string; statement: string }): Promise<CarryResult> {
  if (!can(actor, "council.act", { councilCode })) return { status: "forbidden" };
  try {
    return await db.transaction(async (tx): Promise<CarryResult> => {
      const locked = await lockForStep(tx, proposalId, null);
      if (locked.status !== "locked") return { status: "not_found" };
      const proposal = locked.proposal;
      const council = await councilCovering(tx, councilCode, proposal.quartierCode);
      if (!council) return { status: "not_covered" };
      const [carried] = await tx
        .select({ councilCode: councilProposals.councilCode })
        .from(councilProposals)
        .where(and(eq(councilProposals.proposalId, proposal.id), eq(councilProposals.tie, "carried")));
      if (carried) return { status: "already_carried", councilCode: carried.councilCode };
      if (!CARRIABLE_STATUSES.includes(proposal.status) || proposal.answeredAt) return { status: "not_waiting" };

      await tx
        .insert(councilProposals)
        .values({ councilCode: council.code, proposalId: proposal.id, tie: "carried", statement, actorId: actor.id })
        .onConflictDoUpdate({ target: [councilProposals.councilCode, councilProposals.proposalId], set: { tie: "carried", statement, actorId: actor.id, createdAt: sql`now()` } });
      const qualifies = proposal.status === "published";
      if (qualifies) {
        // The droit de suite's clock starts now, by the database's clock (as for a qualification by supports).
        await tx.update(proposals).set({ qualifiedAt: sql`now()` }).where(eq(proposals.id, proposal.id));
        await recordEvent(tx, { proposalId: proposal.id, kind: "qualified", actorId: actor.id, payload: { carriedBy: CARRIED_BY_COUNCIL, councilCode: council.code, councilName: council.name } });
      }
      const step = await writeStep(tx, proposal, {
        actorId: actor.id,
        event: "carried",
        to: qualifies ? "qualified" : undefined,
        set: { origin: "conseil_citoyen", originQuartierCode: council.code },
        payload: { councilCode: council.code, councilName: council.name, statement },
        audit: "council.carry",
        reason: `council:${council.code}`,
      });
      if (step.status !== "ok") throw new Error("carry: the status model refused published → qualified");
      return { status: "ok", qualified: qualifies };
    });
  } catch (error) {
    // The unique index is the last word if two carries ever slipped past the lock.
    if (isUniqueViolation(error, "council_proposals_carried_unique")) {
      const [row] = await db.select({ councilCode: councilProposals.councilCode }).from(councilProposals).where(and(eq(councilProposals.proposalId, proposalId), eq(councilProposals.tie, "carried")));
      return { status: "already_carried", councilCode: row?.councilCode ?? councilCode };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint_name: name, constraint: pgliteName } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505" && (name === constraint || pgliteName === constraint)) return true;
  }
  return false;
}

/**
 * What a proposal's page shows for councils: the council covering its quartier (the one whose members may
 * act on it) with that council's tie to it, and which council carries it. Two small reads, side by side.
 */
export async function getCouncilTies(proposalId: string, quartierCode: string | null) {
  const [rows, [covering]] = await Promise.all([
    db
      .select({ councilCode: councilProposals.councilCode, councilName: councils.name, tie: councilProposals.tie, statement: councilProposals.statement })
      .from(councilProposals)
      .innerJoin(councils, eq(councils.code, councilProposals.councilCode))
      .where(eq(councilProposals.proposalId, proposalId)),
    quartierCode
      ? db.select({ code: councils.code, name: councils.name }).from(councilQuartiers).innerJoin(councils, eq(councils.code, councilQuartiers.councilCode)).where(eq(councilQuartiers.quartierCode, quartierCode))
      : Promise.resolve([]),
  ]);
  const carried = rows.find((r) => r.tie === "carried") ?? null;
  return {
    covering: covering ? { ...covering, tie: rows.find((r) => r.councilCode === covering.code)?.tie ?? null } : null,
    carriedBy: carried ? { code: carried.councilCode, name: carried.councilName, statement: carried.statement } : null,
  };
}

/** The council covering a proposal's quartier (null: no quartier, or unknown proposal): the one its members act for. */
export async function councilOfProposal(proposalId: string) {
  const [row] = await db
    .select({ code: councils.code, name: councils.name })
    .from(proposals)
    .innerJoin(councilQuartiers, eq(councilQuartiers.quartierCode, proposals.quartierCode))
    .innerJoin(councils, eq(councils.code, councilQuartiers.councilCode))
    .where(eq(proposals.id, proposalId))
    .limit(1);
  return row ?? null;
}
