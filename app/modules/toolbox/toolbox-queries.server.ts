/**
 * Reading the toolbox. Public means published: every public query starts from `status = 'published'`, so a
 * draft is never listed, counted nor shown to someone who may not edit (the routes check that for the page).
 *
 * A list page is two queries: the page of entries (their ambitions and communes aggregated in the same
 * statement) and the counts per shelf (kind), which give the total too.
 */
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { listCommunes, listPiliersWithAmbitions, listQuartiers } from "#app/modules/referential/referential-queries.server.ts";
import { ambitions, communes, quartierCommunes, quartiers, toolboxEntries as e, toolboxEntryAmbitions as ea, toolboxEntryCommunes as ec, users } from "#db/schema/index.ts";
import { TOOLBOX_KINDS, type ToolboxKind } from "./toolbox.schema.ts";
import { TOOLBOX_PAGE_SIZE, type ToolboxSearch } from "./toolbox-search.schema.ts";

const PUBLISHED = sql`${e.status} = 'published'`;
const tsQuery = (q: string) => sql`websearch_to_tsquery('french', ${q})`;

/** The WHERE of a public search; the shelf (kind) is left out for the per-shelf counts. */
function conditions(search: Omit<ToolboxSearch, "page">, { withKind }: { withKind: boolean }): SQL[] {
  const list: SQL[] = [PUBLISHED];
  if (search.q) list.push(sql`${e.search} @@ ${tsQuery(search.q)}`);
  if (withKind && search.kind) list.push(eq(e.kind, search.kind));
  if (search.ambition !== undefined) list.push(sql`exists (select 1 from ${ea} where ${ea.entryId} = ${e.id} and ${ea.ambitionNumber} = ${search.ambition})`);
  if (search.quartier) list.push(eq(e.quartierCode, search.quartier));
  if (search.commune) {
    // The communes named on the entry, or its quartier's communes (an entry about a quartier need not repeat them).
    list.push(
      sql`(exists (select 1 from ${ec} where ${ec.entryId} = ${e.id} and ${ec.communeSlug} = ${search.commune}) or ${e.quartierCode} in (select ${quartierCommunes.quartierCode} from ${quartierCommunes} where ${quartierCommunes.communeSlug} = ${search.commune}))`,
    );
  }
  return list;
}

const entryAmbitionNumbers = sql<number[]>`coalesce((select json_agg(${ea.ambitionNumber} order by ${ea.ambitionNumber}) from ${ea} where ${ea.entryId} = ${e.id}), '[]'::json)`;
const entryCommunes = sql<{ slug: string; name: string }[]>`coalesce((select json_agg(json_build_object('slug', ${communes.slug}, 'name', ${communes.name}) order by ${communes.name}) from ${ec} join ${communes} on ${communes.slug} = ${ec.communeSlug} where ${ec.entryId} = ${e.id}), '[]'::json)`;

export type ToolboxCard = {
  id: string;
  kind: ToolboxKind;
  title: string;
  excerpt: string;
  organisation: string;
  durationMinutes: number | null;
  quartierCode: string | null;
  quartierName: string | null;
  publishedAt: Date | null;
  ambitionNumbers: number[];
  communes: { slug: string; name: string }[];
};

export type ToolboxPage = {
  items: ToolboxCard[];
  total: number;
  /** Published entries per shelf, for the other filters (the shelves' tabs show them). */
  kindCounts: Record<ToolboxKind, number>;
  page: number;
  pageCount: number;
  sort: "relevance" | "recent";
};

/** One page of published entries: by relevance when searching, the newest published otherwise. */
export async function searchToolbox(search: ToolboxSearch): Promise<ToolboxPage> {
  const sort = search.q ? "relevance" : "recent";
  const order = search.q
    ? [sql`ts_rank(${e.search}, ${tsQuery(search.q)}) desc`, desc(e.publishedAt), desc(e.id)]
    : [sql`${e.publishedAt} desc nulls last`, desc(e.id)];
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: e.id,
        kind: e.kind,
        title: e.title,
        // The card shows the beginning only: no need to send the whole text.
        excerpt: sql<string>`left(${e.summary}, 320)`,
        organisation: e.organisation,
        durationMinutes: e.durationMinutes,
        quartierCode: e.quartierCode,
        quartierName: quartiers.name,
        publishedAt: e.publishedAt,
        ambitionNumbers: entryAmbitionNumbers,
        communes: entryCommunes,
      })
      .from(e)
      .leftJoin(quartiers, eq(quartiers.code, e.quartierCode))
      .where(and(...conditions(search, { withKind: true })))
      .orderBy(...order)
      .limit(TOOLBOX_PAGE_SIZE)
      .offset((search.page - 1) * TOOLBOX_PAGE_SIZE),
    db
      .select({ kind: e.kind, n: sql<number>`count(*)`.mapWith(Number) })
      .from(e)
      .where(and(...conditions(search, { withKind: false })))
      .groupBy(e.kind),
  ]);
  const kindCounts = Object.fromEntries(TOOLBOX_KINDS.map((kind) => [kind, counts.find((c) => c.kind === kind)?.n ?? 0])) as Record<ToolboxKind, number>;
  const total = search.kind ? kindCounts[search.kind] : TOOLBOX_KINDS.reduce((sum, kind) => sum + kindCounts[kind], 0);
  return { items: rows, total, kindCounts, page: search.page, pageCount: Math.max(1, Math.ceil(total / TOOLBOX_PAGE_SIZE)), sort };
}

export const DRAFTS_SHOWN = 50;

/** The drafts of the shared space (any editor may finish any draft), the most recently touched first. */
export async function listToolboxDrafts(viewerId: string) {
  const rows = await db
    .select({ id: e.id, kind: e.kind, title: e.title, updatedAt: e.updatedAt, authorId: e.authorId, authorName: users.displayName })
    .from(e)
    .leftJoin(users, eq(users.id, e.authorId))
    .where(eq(e.status, "draft"))
    .orderBy(desc(e.updatedAt), desc(e.id))
    .limit(DRAFTS_SHOWN);
  return rows.map(({ authorId, ...row }) => ({ ...row, mine: authorId === viewerId }));
}

// The tsvector stays in the database: pages never need it.
const { search: _search, ...entryColumns } = getTableColumns(e);

/** An entry with the names of its ambitions, quartier and communes (one query), or null. Drafts too: the caller decides who sees them. */
export async function getToolboxEntry(id: string) {
  const [row] = await db
    .select({
      ...entryColumns,
      quartierName: quartiers.name,
      ambitions: sql<{ number: number; title: string }[]>`coalesce((select json_agg(json_build_object('number', ${ambitions.number}, 'title', ${ambitions.title}) order by ${ambitions.number}) from ${ea} join ${ambitions} on ${ambitions.number} = ${ea.ambitionNumber} where ${ea.entryId} = ${e.id}), '[]'::json)`,
      communes: entryCommunes,
    })
    .from(e)
    .leftJoin(quartiers, eq(quartiers.code, e.quartierCode))
    .where(eq(e.id, id))
    .limit(1);
  return row ?? null;
}

export type ToolboxEntryPage = NonNullable<Awaited<ReturnType<typeof getToolboxEntry>>>;

/** What the entry form offers: the referential's ambitions, quartiers and communes (cached reads). */
export async function getToolboxFormChoices() {
  const [piliers, quartierRows, communeRows] = await Promise.all([listPiliersWithAmbitions(), listQuartiers(), listCommunes()]);
  return {
    ambitions: piliers.flatMap((p) => p.ambitions.map((a) => ({ number: a.number, title: a.title }))),
    quartiers: quartierRows.map((q) => ({ code: q.code, name: q.name, communes: q.communes.map((c) => c.name) })),
    communes: communeRows,
  };
}

export type ToolboxFormChoices = Awaited<ReturnType<typeof getToolboxFormChoices>>;
