/**
 * Reading interpellations: one as its public page and the GTP's answer page show it, the GTP's queue of
 * those still waiting (oldest first), and what the forms offer. The author's account is never read for a
 * public page: a council speaks as a council, a network member as « a member of the réseau des acteurs »
 * with their organisation.
 */
import { asc, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { listPlaceChoices } from "#app/modules/auth/account-queries.server.ts";
import { listPiliersWithAmbitions } from "#app/modules/referential/referential-queries.server.ts";
import { ambitions, councilQuartiers, councils, interpellations, quartiers, users } from "#db/schema/index.ts";
import { overdueBefore } from "#app/modules/governance/answer-deadline.ts";

/** Waiting interpellations shown at once on the GTP's queue (a few dozen at most in practice). */
export const WAITING_SHOWN = 100;

/** One interpellation with the names it needs (null: unknown). Hidden ones are returned (with hiddenAt) so the caller decides. */
export async function getInterpellation(id: string) {
  const [row] = await db
    .select({
      id: interpellations.id,
      source: interpellations.source,
      councilCode: interpellations.councilCode,
      councilName: councils.name,
      organisation: interpellations.organisation,
      kind: interpellations.kind,
      title: interpellations.title,
      body: interpellations.body,
      ambitionNumber: interpellations.ambitionNumber,
      ambitionTitle: ambitions.title,
      quartierCode: interpellations.quartierCode,
      quartierName: quartiers.name,
      answer: interpellations.answer,
      answeredAt: interpellations.answeredAt,
      hiddenAt: interpellations.hiddenAt,
      createdAt: interpellations.createdAt,
      // For the GTP's page only (coordinators may see who sent it; never a contact).
      authorName: users.displayName,
    })
    .from(interpellations)
    .leftJoin(councils, eq(councils.code, interpellations.councilCode))
    .leftJoin(ambitions, eq(ambitions.number, interpellations.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, interpellations.quartierCode))
    .leftJoin(users, eq(users.id, interpellations.authorId))
    .where(eq(interpellations.id, id))
    .limit(1);
  return row ?? null;
}
export type InterpellationRow = NonNullable<Awaited<ReturnType<typeof getInterpellation>>>;

/** The statement of the queue's section, for EXPLAIN (its predicate is the one of `interpellations_waiting_idx`). */
export function waitingInterpellationsQuery(late: Date, limit = WAITING_SHOWN) {
  return db
    .select({
      id: interpellations.id,
      title: interpellations.title,
      kind: interpellations.kind,
      source: interpellations.source,
      councilName: councils.name,
      organisation: interpellations.organisation,
      createdAt: interpellations.createdAt,
      // Counted over every waiting row before the limit applies: the section's totals in the same query.
      total: sql<number>`count(*) over ()`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${interpellations.createdAt} < ${late.toISOString()}::timestamptz) over ()`.mapWith(Number),
    })
    .from(interpellations)
    .leftJoin(councils, eq(councils.code, interpellations.councilCode))
    .where(sql`${interpellations.answeredAt} is null and ${interpellations.hiddenAt} is null`)
    .orderBy(asc(interpellations.createdAt), asc(interpellations.id))
    .limit(limit);
}

/** Interpellations waiting for the GTP's answer, oldest first, with how many wait and how many are overdue. */
export async function listWaitingInterpellations(days: number, now: Date = new Date()) {
  const rows = await waitingInterpellationsQuery(overdueBefore(days, now));
  return {
    items: rows.map(({ total: _total, overdue: _overdue, ...row }) => row),
    total: rows[0]?.total ?? 0,
    overdue: rows[0]?.overdue ?? 0,
  };
}

/** A council as its interpellation form needs it: its name and its quartiers (null: unknown). One query. */
export async function getCouncilForInterpellation(code: string) {
  const [row] = await db
    .select({
      code: councils.code,
      name: councils.name,
      // The outer row's code is named in full: drizzle would write a bare "code", which the subquery's own tables would claim.
      quartiers: sql<{ code: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('code', q.code, 'name', q.name) order by q.name)
        from ${councilQuartiers} cq join ${quartiers} q on q.code = cq.quartier_code
        where cq.council_code = "councils"."code"), '[]'::json)`,
    })
    .from(councils)
    .where(eq(councils.code, code))
    .limit(1);
  return row ?? null;
}

/** The ambitions (numbered, in order) and places the forms offer, from the referential (kept in memory). */
export async function getInterpellationChoices() {
  const [piliers, places] = await Promise.all([listPiliersWithAmbitions(), listPlaceChoices()]);
  return {
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))).sort((a, b) => a.number - b.number),
    ...places,
  };
}
