import { asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { cachedReferential } from "./referential-cache.server.ts";
import { ambitions, communes, governanceBodies, laboPrinciples, laboSessions, piliers, quartierCommunes, quartiers, transversalAxes } from "#db/schema/index.ts";

/** Piliers with their ambitions, in contract order: two queries, grouped in memory. */
export async function listPiliersWithAmbitions() {
  const rows = await cachedReferential("piliers", async () => {
    const [pilierRows, ambitionRows] = await Promise.all([
      db.select().from(piliers).orderBy(asc(piliers.number)),
      db.select().from(ambitions).orderBy(asc(ambitions.number)),
    ]);
    return pilierRows.map((p) => ({ ...p, ambitions: ambitionRows.filter((a) => a.pilierNumber === p.number) }));
  });
  // Copies, so that a caller sorting or filtering never changes what the next request reads.
  return rows.map((p) => ({ ...p, ambitions: [...p.ambitions] }));
}

export async function listTransversalAxes() {
  return [...(await cachedReferential("axes", () => db.select().from(transversalAxes).orderBy(asc(transversalAxes.position))))];
}

export async function listLaboPrinciples() {
  return [...(await cachedReferential("principles", () => db.select().from(laboPrinciples).orderBy(asc(laboPrinciples.position))))];
}

export async function listGovernanceBodies() {
  return [...(await cachedReferential("governance", () => db.select().from(governanceBodies).orderBy(asc(governanceBodies.position))))];
}

export function listPastLaboSessions() {
  return db
    .select({ id: laboSessions.id, title: laboSessions.title, placeName: laboSessions.placeName, startsAt: laboSessions.startsAt, attendance: laboSessions.attendance })
    .from(laboSessions)
    .where(eq(laboSessions.status, "held"))
    .orderBy(desc(laboSessions.startsAt))
    .limit(10);
}

export async function getAmbition(number: number) {
  const [row] = await db
    .select({ ambition: ambitions, pilier: piliers })
    .from(ambitions)
    .innerJoin(piliers, eq(piliers.number, ambitions.pilierNumber))
    .where(eq(ambitions.number, number))
    .limit(1);
  return row ?? null;
}

/** One ambition with its pilier and the ambitions before and after it (for "previous / next" links). */
export async function getAmbitionPage(number: number) {
  const neighbour = { number: ambitions.number, title: ambitions.title };
  const [found, [previous], [next]] = await Promise.all([
    getAmbition(number),
    db.select(neighbour).from(ambitions).where(lt(ambitions.number, number)).orderBy(desc(ambitions.number)).limit(1),
    db.select(neighbour).from(ambitions).where(gt(ambitions.number, number)).orderBy(asc(ambitions.number)).limit(1),
  ]);
  if (!found) return null;
  return { ...found, previous: previous ?? null, next: next ?? null };
}

export async function getPilier(number: number) {
  const [row] = await db.select().from(piliers).where(eq(piliers.number, number)).limit(1);
  return row ?? null;
}

export async function getTransversalAxis(key: string) {
  const [row] = await db.select().from(transversalAxes).where(eq(transversalAxes.key, key)).limit(1);
  return row ?? null;
}

export async function getGovernanceBody(key: string) {
  const [row] = await db.select().from(governanceBodies).where(eq(governanceBodies.key, key)).limit(1);
  return row ?? null;
}

/** Quartiers with their communes (one query, communes aggregated in SQL; kept in memory). */
export async function listQuartiers() {
  return [...(await cachedReferential("quartiers", readQuartiers))];
}

function readQuartiers() {
  return db
    .select({
      code: quartiers.code,
      name: quartiers.name,
      population: quartiers.population,
      npnru: quartiers.npnru,
      summary: quartiers.summary,
      communes: sql<{ slug: string; name: string }[]>`coalesce(json_agg(json_build_object('slug', ${communes.slug}, 'name', ${communes.name}) order by ${communes.name}) filter (where ${communes.slug} is not null), '[]')`,
    })
    .from(quartiers)
    .leftJoin(quartierCommunes, eq(quartierCommunes.quartierCode, quartiers.code))
    .leftJoin(communes, eq(communes.slug, quartierCommunes.communeSlug))
    .groupBy(quartiers.code)
    .orderBy(asc(quartiers.name));
}

export async function getQuartier(code: string) {
  const [quartier] = await db.select().from(quartiers).where(eq(quartiers.code, code)).limit(1);
  if (!quartier) return null;
  const communeRows = await db
    .select({ slug: communes.slug, name: communes.name })
    .from(quartierCommunes)
    .innerJoin(communes, eq(communes.slug, quartierCommunes.communeSlug))
    .where(eq(quartierCommunes.quartierCode, code))
    .orderBy(asc(communes.name));
  return { ...quartier, communes: communeRows };
}

export type QuartierListItem = Awaited<ReturnType<typeof readQuartiers>>[number];

/**
 * The communes that have a quartier prioritaire, in alphabetical order, each with its quartiers. A
 * quartier that spans several communes appears under each of them. One query (listQuartiers).
 */
export async function listQuartiersByCommune() {
  return groupQuartiersByCommune(await listQuartiers());
}

export function groupQuartiersByCommune(rows: QuartierListItem[]) {
  const byCommune = new Map<string, { slug: string; name: string; quartiers: QuartierListItem[] }>();
  for (const quartier of rows) {
    for (const commune of quartier.communes) {
      let group = byCommune.get(commune.slug);
      if (!group) byCommune.set(commune.slug, (group = { ...commune, quartiers: [] }));
      group.quartiers.push(quartier);
    }
  }
  const collator = new Intl.Collator("fr");
  const groups = [...byCommune.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const group of groups) group.quartiers.sort((a, b) => collator.compare(a.name, b.name));
  return groups;
}

export async function listCommunes() {
  return [...(await cachedReferential("communes", () => db.select({ slug: communes.slug, name: communes.name }).from(communes).orderBy(asc(communes.name))))];
}

export async function getReferentialCounts() {
  const [row] = await db.select({
    quartiers: sql<number>`(select count(*)::int from ${quartiers})`,
    communes: sql<number>`(select count(*)::int from ${communes})`,
    population: sql<number>`(select coalesce(sum(${quartiers.population}), 0)::int from ${quartiers})`,
  }).from(sql`(select 1) as one`);
  return row!;
}
