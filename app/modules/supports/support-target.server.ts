import { and, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { isOpen, OPEN_STATUSES } from "#app/modules/proposals/proposal-status.ts";
import { proposals, type ProposalStatus } from "#db/schema/index.ts";

export type SupportTarget = { status: ProposalStatus; hiddenAt: Date | null; authorId: string | null };

/** Drafts belong to their author: to anyone else they do not exist. */
export function visibleTo(target: { status: ProposalStatus; authorId: string | null }, viewerId: string) {
  return target.status !== "draft" || target.authorId === viewerId;
}

/** Supports are taken, and withdrawn, only while the proposal is open and not hidden by moderation. */
export function takesSupports(target: SupportTarget) {
  return isOpen(target.status) && target.hiddenAt === null;
}

/** The same rule in SQL, evaluated on the proposal row locked by `lockedTarget`. */
const stillTakesSupports = and(inArray(proposals.status, [...OPEN_STATUSES]), isNull(proposals.hiddenAt));

/**
 * The first CTE of the support and withdraw statements: the proposal's row, locked (`for no key update`,
 * the lock the counter update needs anyway) before anything is written. Under that lock the row read is the
 * latest one, so a proposal withdrawn or hidden meanwhile is seen as closed and nothing is written; and
 * concurrent supports of one proposal count one after the other, each seeing its own increment.
 */
export function lockedTarget(proposalId: string) {
  return sql`target as (
    select ${proposals.id} as id, ${proposals.status} as status, ${proposals.authorId} as author_id,
      ${proposals.supportCount} as support_count, ${proposals.qualifiedAt} is not null as qualified,
      ${proposals.ambitionNumber} as ambition_number, ${stillTakesSupports} as open
    from ${proposals} where ${proposals.id} = ${proposalId}
    for no key update)`;
}

/** What the support and withdraw statements return: the target's facts, and the count after the change. */
export type TargetRow = {
  status: ProposalStatus;
  author_id: string | null;
  open: boolean;
  qualified: boolean;
  support_count: number;
  /** A row was really inserted (support) or deleted (withdraw). */
  changed: boolean;
};

/** The first row of a raw statement (postgres.js answers an array of rows, PGlite `{ rows }`). */
export async function firstRow<T>(executor: Pick<Db, "execute">, statement: SQL): Promise<T | undefined> {
  const result = (await executor.execute(statement)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result[0] : result.rows[0];
}
