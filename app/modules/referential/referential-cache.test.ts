import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions, communes, quartiers } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { listCommunes, listPiliersWithAmbitions, listQuartiers } from "./referential-queries.server.ts";
import { updateAmbition } from "./update-referential.server.ts";

const titleOf3 = async () => (await listPiliersWithAmbitions()).flatMap((p) => p.ambitions).find((a) => a.number === 3)!.title;

test("the referential is read once and kept, and an administrator's edit shows at once", async () => {
  const original = await titleOf3();
  // A write that bypasses the editor is not seen: the lists come from memory.
  await db.update(ambitions).set({ title: "Écrit en douce" }).where(eq(ambitions.number, 3));
  expect(await titleOf3()).toBe(original);

  const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
  const [row] = await db.select().from(ambitions).where(eq(ambitions.number, 3));
  await updateAmbition(admin, 3, { title: "Lutter contre le non-recours", summary: row!.summary, description: row!.description, supportThreshold: row!.supportThreshold });
  expect(await titleOf3()).toBe("Lutter contre le non-recours");
});

test("callers get copies: changing a returned list does not change the next one", async () => {
  const first = await listPiliersWithAmbitions();
  first[0]!.ambitions.length = 0;
  first.length = 0;
  const second = await listPiliersWithAmbitions();
  expect(second).toHaveLength(3);
  expect(second[0]!.ambitions.length).toBeGreaterThan(0);
});

test("the communes and quartiers lists are kept too, not read again at each use", async () => {
  const commune = (await listCommunes())[0]!;
  const quartier = (await listQuartiers())[0]!;
  await db.update(communes).set({ name: "Écrit en douce" }).where(eq(communes.slug, commune.slug));
  await db.update(quartiers).set({ name: "Écrit en douce" }).where(eq(quartiers.code, quartier.code));
  expect((await listCommunes()).find((c) => c.slug === commune.slug)!.name).toBe(commune.name);
  expect((await listQuartiers()).find((q) => q.code === quartier.code)!.name).toBe(quartier.name);
});
