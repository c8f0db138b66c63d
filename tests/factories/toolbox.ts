import type { Db } from "#db/client.ts";
import { toolboxEntries, toolboxEntryAmbitions, toolboxEntryCommunes, type ToolboxKind, type ToolboxStatus } from "#db/schema/index.ts";

export type ToolboxEntryFactoryInput = {
  id?: string;
  kind?: ToolboxKind;
  status?: ToolboxStatus;
  title?: string;
  summary?: string;
  place?: string;
  people?: string;
  whatWorked?: string;
  whatDidNot?: string;
  organisation?: string;
  publicContact?: string;
  steps?: string;
  durationMinutes?: number | null;
  material?: string;
  audience?: string;
  themes?: string;
  actions?: string;
  quartierCode?: string | null;
  authorId?: string | null;
  publishedAt?: Date | null;
  ambitionNumbers?: number[];
  communeSlugs?: string[];
};

let counter = 0;

/** The kind's own text, so a factory entry reads like one written through the form. */
const DEFAULTS: Record<ToolboxKind, Partial<ToolboxEntryFactoryInput>> = {
  experience: {
    summary: "Une après-midi de rencontre entre voisins, au pied des immeubles.",
    whatWorked: "Le goûter a fait venir les familles.",
    whatDidNot: "Peu de personnes âgées sont venues.",
    organisation: "Centre social des Marronniers",
    publicContact: "contact@exemple.org",
  },
  method: { summary: "Une méthode pour recueillir la parole des passants.", steps: "Préparer la question\nInstaller le panneau\nNoter les réponses", durationMinutes: 90, audience: "Passants" },
  actor: { summary: "Une association de locataires.", actions: "Permanence le mardi.", themes: "Logement", publicContact: "contact@exemple.org" },
};

/** Inserts a toolbox entry (published by default, an experience) with its ambitions and communes. */
export async function insertToolboxEntry(db: Db, input: ToolboxEntryFactoryInput = {}) {
  counter += 1;
  const kind = input.kind ?? "experience";
  const status = input.status ?? "published";
  const { ambitionNumbers = [], communeSlugs = [], ...columns } = { ...DEFAULTS[kind], ...input };
  const [entry] = await db
    .insert(toolboxEntries)
    .values({
      ...columns,
      kind,
      status,
      title: input.title ?? `Fiche de test ${counter}`,
      publishedAt: input.publishedAt !== undefined ? input.publishedAt : status === "published" ? new Date(Date.now() - (1000 - counter) * 1000) : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!entry) return null;
  if (ambitionNumbers.length) await db.insert(toolboxEntryAmbitions).values(ambitionNumbers.map((ambitionNumber) => ({ entryId: entry.id, ambitionNumber })));
  if (communeSlugs.length) await db.insert(toolboxEntryCommunes).values(communeSlugs.map((communeSlug) => ({ entryId: entry.id, communeSlug })));
  return entry;
}

/** The same, for tests that always insert (no fixed id): never null. */
export async function insertToolboxEntryRow(db: Db, input: ToolboxEntryFactoryInput = {}) {
  const entry = await insertToolboxEntry(db, input);
  if (!entry) throw new Error("insertToolboxEntryRow: the entry already exists");
  return entry;
}

/**
 * The route access table's rows (tests/unit/route-access.test.ts): a published entry and a draft, made by
 * `load` after the per-test reset, their ids read by the table's `url` and `params`.
 */
export const toolboxRouteRows = { publishedId: "", draftId: "" };
export async function withToolboxEntries<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const published = await insertToolboxEntryRow(db, { title: "Un jardin partagé à la cité 12-14", ambitionNumbers: [8], communeSlugs: ["lens"], quartierCode: "QP062024" });
  const draft = await insertToolboxEntryRow(db, { kind: "method", status: "draft", title: "Le porteur de parole (brouillon)" });
  Object.assign(toolboxRouteRows, { publishedId: published.id, draftId: draft.id });
  return load();
}

/** A valid experience form, as the page posts it (one box of each group checked). */
export function experienceForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Un repair café à la maison de quartier",
    summary: "Un samedi par mois, des bénévoles réparent avec les habitants.",
    place: "Maison de quartier",
    quartierCode: "QP062028",
    communeSlugs: "lievin",
    people: "Des habitants bricoleurs, la régie de quartier.",
    whatWorked: "Les gens reviennent avec leurs voisins.",
    whatDidNot: "Trop peu de pièces détachées.",
    ambitionNumbers: "8",
    organisation: "Régie de quartier",
    publicContact: "contact@exemple.org",
    intent: "save_draft",
    ...overrides,
  };
}
