import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions, communes, laboSessions, piliers, quartierCommunes, quartiers, transversalAxes } from "./schema/index.ts";
import { seedReferential } from "./seed-referential.ts";

async function counts() {
  const one = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    piliers: await one(piliers),
    ambitions: await one(ambitions),
    axes: await one(transversalAxes),
    communes: await one(communes),
    quartiers: await one(quartiers),
    links: await one(quartierCommunes),
    sessions: await one(laboSessions),
  };
}

test("seeds the contract's referential: 3 piliers, 12 ambitions, 2 axes, 36 communes, 21 QPV, 5 past rendez-vous", async () => {
  expect(await counts()).toMatchObject({ piliers: 3, ambitions: 12, axes: 2, communes: 36, quartiers: 21, sessions: 5 });
  const [grande] = await db.select().from(quartierCommunes).where(eq(quartierCommunes.quartierCode, "QP062025"));
  expect(grande).toBeDefined();
});

test("seeding again duplicates nothing and keeps an administrator's corrections", async () => {
  await db.update(ambitions).set({ title: "Titre officiel corrigé" }).where(eq(ambitions.number, 3));
  const before = await counts();
  await seedReferential(db);
  expect(await counts()).toEqual(before);
  const [a3] = await db.select().from(ambitions).where(eq(ambitions.number, 3));
  expect(a3!.title).toBe("Titre officiel corrigé");
});
