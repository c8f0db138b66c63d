import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import {
  ambitions,
  communes,
  governanceBodies,
  laboPrinciples,
  laboSessions,
  piliers,
  quartierCommunes,
  quartiers,
  transversalAxes,
} from "./schema/index.ts";
import { slugify } from "./slug.ts";

type Referentiel = {
  territory: { communes: string[] };
  piliers: { number: number; key: string; short_title: string; title: string; evaluative_questions: string[] }[];
  ambitions: { number: number; pilier: string; title: string }[];
  transversal_axes: { key: string; title: string; objectives: string[]; themes: string[] }[];
  qpv: { code: string; name: string; communes: string[]; population_2011: number; median_income_eur: number; npnru: boolean }[];
  governance: { key: string; name: string; cadence: string; members: string; role: string }[];
  labo: { principles: { label: string; text: string }[]; past_meetings: { date: string; place: string; participants: number }[] };
};
type PlainLanguage = { piliers: Record<string, string>; ambitions: Record<string, string>; transversal_axes: Record<string, string> };

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./seed-data/${name}`, import.meta.url), "utf8")) as T;
}

/**
 * Loads the contract's referential. Idempotent and non-destructive: rows that exist are left as they
 * are, because an administrator may have corrected them since.
 */
export async function seedReferential(db: Db) {
  const ref = readJson<Referentiel>("referentiel.json");
  const plain = readJson<PlainLanguage>("plain-language.json");
  const pilierNumberByKey = new Map(ref.piliers.map((p) => [p.key, p.number]));

  await db.transaction(async (tx) => {
    await tx
      .insert(piliers)
      .values(
        ref.piliers.map((p) => ({
          number: p.number,
          key: p.key,
          shortTitle: p.short_title,
          title: p.title,
          summary: plain.piliers[p.key] ?? "",
          evaluativeQuestions: p.evaluative_questions,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(ambitions)
      .values(
        ref.ambitions.map((a) => ({
          number: a.number,
          pilierNumber: pilierNumberByKey.get(a.pilier)!,
          title: a.title,
          summary: plain.ambitions[String(a.number)] ?? "",
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(transversalAxes)
      .values(
        ref.transversal_axes.map((axis, i) => ({
          key: axis.key,
          position: i + 1,
          title: axis.title,
          summary: plain.transversal_axes[axis.key] ?? "",
          objectives: axis.objectives,
          themes: axis.themes,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(communes)
      .values(ref.territory.communes.map((name) => ({ slug: slugify(name), name })))
      .onConflictDoNothing();
    await tx
      .insert(quartiers)
      .values(
        ref.qpv.map((q) => ({
          code: q.code,
          name: q.name,
          population: q.population_2011,
          medianIncomeEur: q.median_income_eur,
          npnru: q.npnru,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(quartierCommunes)
      .values(ref.qpv.flatMap((q) => q.communes.map((c) => ({ quartierCode: q.code, communeSlug: slugify(c) }))))
      .onConflictDoNothing();
    await tx
      .insert(governanceBodies)
      .values(ref.governance.map((g, i) => ({ ...g, position: i + 1 })))
      .onConflictDoNothing();
    await tx
      .insert(laboPrinciples)
      .values(ref.labo.principles.map((p, i) => ({ position: i + 1, label: p.label, text: p.text })))
      .onConflictDoNothing();

    // The five past rendez-vous are history: seeded once (the table is empty of held sessions).
    const [{ held }] = (await tx.select({ held: sql<number>`count(*)::int` }).from(laboSessions)) as [{ held: number }];
    if (held === 0) {
      await tx.insert(laboSessions).values(
        ref.labo.past_meetings.map((m, i) => {
          const commune = ref.territory.communes.find((c) => c === m.place);
          return {
            title: `Rendez-vous du Labo n°${i + 1}`,
            communeSlug: commune ? slugify(commune) : null,
            placeName: commune ? commune : "Communauté d'Agglomération de Lens-Liévin",
            startsAt: new Date(`${m.date}T12:00:00Z`),
            status: "held" as const,
            attendance: m.participants,
          };
        }),
      );
    }
  });
}
