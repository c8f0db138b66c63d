import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import {
  ambitions,
  communes,
  councilMembers,
  councilQuartiers,
  councils,
  governanceBodies,
  laboPrinciples,
  laboSessions,
  piliers,
  quartierCommunes,
  quartiers,
  roleGrants,
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
    // One conseil citoyen per quartier prioritaire (loi n°2014-173, art. 7), keyed by the quartier's code.
    // A coordinator may later merge quartiers under one council: existing rows are left alone.
    await tx
      .insert(councils)
      .values(ref.qpv.map((q) => ({ code: q.code, name: `Conseil citoyen ${q.name}` })))
      .onConflictDoNothing();
    await tx
      .insert(councilQuartiers)
      .values(ref.qpv.map((q) => ({ quartierCode: q.code, councilCode: q.code })))
      .onConflictDoNothing();
    // Conseil citoyen membership used to be a role granted per quartier: such grants become memberships of
    // the council that covers the quartier (in the residents' collège, unlisted until the person agrees).
    await tx.execute(sql`
      insert into ${councilMembers} (council_code, user_id, display_name, college, listed, added_by_id, created_at)
      select cq.council_code, g.user_id, u.display_name, 'residents', false, g.granted_by_id, g.created_at
        from ${roleGrants} g
        join ${councilQuartiers} cq on cq.quartier_code = g.quartier_code
        join users u on u.id = g.user_id
       where g.role = 'council_member'
      on conflict do nothing`);
    await tx.delete(roleGrants).where(sql`${roleGrants.role} = 'council_member'`);
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
