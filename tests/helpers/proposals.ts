/** Helpers for the proposal tests: a valid input, everything stored about a proposal, a step made to fail. */
import { asc, eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { proposalAmbitions, proposalAxes, proposalEvents, proposalFollows, proposals } from "#db/schema/index.ts";
import type { ProposalInput } from "#app/modules/proposals/proposal.schema.ts";

export const validInput: ProposalInput = {
  title: "Des bancs à l'ombre devant l'école",
  body: "Les parents attendent la sortie des classes debout, en plein soleil. Quelques bancs changeraient tout.",
  ambitionNumber: 8,
  secondaryAmbitions: [4],
  axes: ["transition_ecologique"],
  quartierCode: "QP062024",
  communeSlug: "lens",
  placeDescription: "Rue de la Gare",
};

/** Everything stored about one proposal: the row, its links, its timeline and its followers. */
export async function storedProposal(id: string) {
  const [[row], ambitions, axes, events, follows] = await Promise.all([
    db.select().from(proposals).where(eq(proposals.id, id)),
    db.select().from(proposalAmbitions).where(eq(proposalAmbitions.proposalId, id)).orderBy(asc(proposalAmbitions.ambitionNumber)),
    db.select().from(proposalAxes).where(eq(proposalAxes.proposalId, id)),
    db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, id)).orderBy(asc(proposalEvents.createdAt), sql`${proposalEvents.kind} <> 'created'`),
    db.select().from(proposalFollows).where(eq(proposalFollows.proposalId, id)),
  ]);
  return {
    row,
    secondaryAmbitions: ambitions.map((a) => a.ambitionNumber),
    axes: axes.map((a) => a.axisKey),
    events: events.map((e) => ({ kind: e.kind, actorId: e.actorId, payload: e.payload })),
    followers: follows.map((f) => f.userId),
  };
}

export async function countRows() {
  const [row] = await db
    .select({
      proposals: sql<number>`(select count(*)::int from ${proposals})`,
      events: sql<number>`(select count(*)::int from ${proposalEvents})`,
      ambitions: sql<number>`(select count(*)::int from ${proposalAmbitions})`,
      axes: sql<number>`(select count(*)::int from ${proposalAxes})`,
      follows: sql<number>`(select count(*)::int from ${proposalFollows})`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/**
 * Makes every insert into `table` fail (a trigger raising an error) while `run` runs: the way to check
 * that a use case leaves nothing half-written when one of its steps fails.
 */
export async function withFailingInsert<T>(table: "proposal_follows" | "proposal_events" | "proposal_axes", run: () => Promise<T>) {
  await db.execute(sql.raw(`create or replace function labo_test_fail() returns trigger language plpgsql as $$ begin raise exception 'step failed'; end $$`));
  await db.execute(sql.raw(`create trigger labo_test_fail before insert on ${table} for each row execute function labo_test_fail()`));
  try {
    return await run();
  } finally {
    await db.execute(sql.raw(`drop trigger if exists labo_test_fail on ${table}`));
  }
}
