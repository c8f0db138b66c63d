import { randomUUID } from "node:crypto";
import { eq, inArray, like, sql } from "drizzle-orm";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import type { Db } from "#db/client.ts";
import { ambitions, contributions, proposalAxes, proposalEvents, proposalFollows, proposals, quartierCommunes, supports, users } from "#db/schema/index.ts";
import { DEMO_CONTRIBUTIONS, DEMO_FIRST_NAMES, DEMO_PROPOSALS } from "./demo-content.ts";

const DEMO_DOMAIN = "@labo.test";
const HOUR = 3_600_000;

/** Demo residents who post, support and comment (they have no password: they exist to make the demo real). */
async function ensureDemoResidents(db: Db) {
  const wanted = DEMO_FIRST_NAMES.map((first, i) => ({
    id: randomUUID(),
    email: `habitant.demo.${i + 1}${DEMO_DOMAIN}`,
    displayName: `${first} ${String.fromCharCode(65 + ((i * 7) % 26))}.`,
    emailVerifiedAt: new Date(),
    locale: "fr",
    charterVersion: CHARTER_VERSION,
    charterAcceptedAt: new Date(),
  }));
  await db.insert(users).values(wanted).onConflictDoNothing({ target: users.email });
  return db.select({ id: users.id }).from(users).where(like(users.email, `habitant.demo.%${DEMO_DOMAIN}`)).orderBy(users.email);
}

/**
 * Recreates the demo proposals with their supports, follows and contributions, counters exact. Removes
 * the previous demo proposals first (those written by demo accounts), so running it twice gives the same.
 */
export async function seedDemoProposals(db: Db) {
  const residents = await ensureDemoResidents(db);
  const [nadia] = await db.select({ id: users.id }).from(users).where(eq(users.email, `habitante${DEMO_DOMAIN}`));
  const thresholds = new Map((await db.select({ n: ambitions.number, t: ambitions.supportThreshold }).from(ambitions)).map((a) => [a.n, a.t]));
  const communeOf = new Map<string, string>();
  for (const link of await db.select().from(quartierCommunes)) if (!communeOf.has(link.quartierCode)) communeOf.set(link.quartierCode, link.communeSlug);

  await db.transaction(async (tx) => {
    const demoAuthors = tx.select({ id: users.id }).from(users).where(like(users.email, `%${DEMO_DOMAIN}`));
    await tx.delete(proposals).where(inArray(proposals.authorId, demoAuthors));

    const now = Date.now();
    for (const [index, demo] of DEMO_PROPOSALS.entries()) {
      // Nadia (the demo resident account) wrote the first one, so her account page has something in it.
      const authorId = index === 0 && nadia ? nadia.id : residents[index % residents.length]!.id;
      const createdAt = new Date(now - (DEMO_PROPOSALS.length - index) * 19 * HOUR);
      const threshold = thresholds.get(demo.ambition) ?? 25;
      const status = demo.status ?? (demo.supports >= threshold ? "qualified" : "published");
      const supporters = residents.filter((r) => r.id !== authorId).slice(0, demo.supports);
      const published = status !== "draft";
      const [proposal] = await tx
        .insert(proposals)
        .values({
          authorId,
          title: demo.title,
          body: demo.body,
          ambitionNumber: demo.ambition,
          quartierCode: demo.quartier,
          communeSlug: communeOf.get(demo.quartier) ?? null,
          placeDescription: demo.place ?? null,
          status,
          supportCount: supporters.length,
          publishedAt: published ? createdAt : null,
          qualifiedAt: status === "qualified" ? new Date(createdAt.getTime() + 30 * HOUR) : null,
          withdrawnAt: status === "withdrawn" ? new Date(createdAt.getTime() + 48 * HOUR) : null,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: proposals.id });
      const id = proposal!.id;
      if (demo.axes?.length) await tx.insert(proposalAxes).values(demo.axes.map((axisKey) => ({ proposalId: id, axisKey })));

      const events: (typeof proposalEvents.$inferInsert)[] = [{ proposalId: id, kind: "created", actorId: authorId, createdAt }];
      if (published) events.push({ proposalId: id, kind: "published", actorId: authorId, createdAt });
      if (status === "qualified") events.push({ proposalId: id, kind: "qualified", createdAt: new Date(createdAt.getTime() + 30 * HOUR), payload: { threshold, supports: supporters.length } });
      if (status === "withdrawn") events.push({ proposalId: id, kind: "withdrawn", actorId: authorId, createdAt: new Date(createdAt.getTime() + 48 * HOUR) });
      await tx.insert(proposalEvents).values(events);
      if (!published) continue;

      if (supporters.length) {
        await tx.insert(supports).values(supporters.map((s, i) => ({ proposalId: id, userId: s.id, createdAt: new Date(createdAt.getTime() + (i + 1) * HOUR) })));
      }
      // Two to four contributions on the liveliest ones; the author answers the first.
      const count = status === "withdrawn" ? 0 : Math.min(4, Math.floor(demo.supports / 6));
      let first: string | null = null;
      for (let c = 0; c < count; c++) {
        const sample = DEMO_CONTRIBUTIONS[(index + c) % DEMO_CONTRIBUTIONS.length]!;
        const [row] = await tx
          .insert(contributions)
          .values({ proposalId: id, authorId: residents[(index + c * 5 + 3) % residents.length]!.id, stance: sample.stance, body: sample.body, createdAt: new Date(createdAt.getTime() + (c + 2) * HOUR) })
          .returning({ id: contributions.id });
        first ??= row!.id;
      }
      if (first) {
        await tx.insert(contributions).values({ proposalId: id, authorId, parentId: first, body: "Merci pour vos retours, je le note pour la suite.", createdAt: new Date(createdAt.getTime() + 9 * HOUR) });
      }
      await tx
        .update(proposals)
        .set({ contributionCount: sql`(select count(*)::int from ${contributions} where ${contributions.proposalId} = ${id} and ${contributions.deletedAt} is null)` })
        .where(eq(proposals.id, id));
      // Authors, supporters and contributors follow what they took part in.
      await tx.execute(sql`
        insert into ${proposalFollows} (proposal_id, user_id)
        select ${id}::uuid, user_id from (
          select ${authorId}::text as user_id
          union select user_id from ${supports} where proposal_id = ${id}
          union select author_id from ${contributions} where proposal_id = ${id} and author_id is not null
        ) people
        on conflict do nothing`);
    }
  });
}
