/**
 * Reading the public list of proposals: one page (keyset pagination), and the counts per filter.
 *
 * Public means: not a draft, not hidden by the moderation team, published. Every query here starts from
 * that condition, so a hidden or draft proposal is never listed nor counted.
 *
 * Decisions:
 * - Ambition filter: a proposal belongs to its MAIN ambition only. That is the ambition whose support
 *   threshold applies and whose GTP examines it; counting each proposal once per ambition keeps the
 *   counts adding up to the total, and lets every "per ambition" page walk the (ambition, date) indexes.
 *   Secondary ambitions are only hints on the proposal's page.
 * - Commune filter: the commune given on the proposal, or a quartier located in that commune (a proposal
 *   about a quartier need not repeat its commune).
 * - Pilier filter: the ambitions of that pilier; an ambition, when also chosen, is more precise and wins.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { ambitions, communes, councils, proposals as p, quartierCommunes, quartiers, type ProposalOrigin, type ProposalStatus } from "#db/schema/index.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { createCountCache } from "./count-cache.server.ts";
import { decodeCursor, encodeCursor, type Cursor } from "./proposal-cursor.server.ts";
import { effectiveSort, filtersOf, PAGE_SIZE, STATUS_FILTERS, type ProposalCardData, type ProposalFilters, type ProposalSearch, type ProposalSort } from "./proposal-search.schema.ts";

/** Not a draft, not hidden, published. (Written as the partial indexes' predicate; keep them equal.) */
export const PUBLIC_PROPOSAL = and(sql`${p.status} <> 'draft'`, isNull(p.hiddenAt), isNotNull(p.publishedAt))!;

const tsQuery = (q: string | Placeholder) => sql`websearch_to_tsquery('french', ${q})`;

/**
 * Filters whose values may be placeholders, filled in when a prepared query runs. The status filter
 * stays a value: it decides the query's text (the list of statuses), not just a parameter.
 */
type QueryFilters = { [K in keyof ProposalFilters]: K extends "status" ? ProposalFilters[K] : ProposalFilters[K] | Placeholder };
type QueryCursor = { sort: Cursor["sort"]; value: Cursor["value"] | Placeholder; id: string | Placeholder };

export type Dimension = "ambition" | "quartier" | "commune" | "status" | "origin";
const DIMENSIONS: Dimension[] = ["ambition", "quartier", "commune", "status", "origin"];

function isActive(filters: QueryFilters, dimension: Dimension) {
  switch (dimension) {
    case "ambition":
      return filters.ambition !== undefined || filters.pilier !== undefined;
    case "quartier":
      return filters.quartier !== undefined;
    case "commune":
      return filters.commune !== undefined;
    case "status":
      return filters.status !== undefined;
    case "origin":
      return filters.origin !== undefined;
  }
}

/** The WHERE of a search: public, plus each filter (but the one in `except`, for its own counts). */
function conditions(filters: QueryFilters, except?: Dimension): SQL[] {
  const list: SQL[] = [PUBLIC_PROPOSAL];
  if (filters.q) list.push(sql`${p.search} @@ ${tsQuery(filters.q)}`);
  if (except !== "ambition") {
    if (filters.ambition !== undefined) list.push(eq(p.ambitionNumber, filters.ambition));
    else if (filters.pilier !== undefined)
      list.push(inArray(p.ambitionNumber, db.select({ number: ambitions.number }).from(ambitions).where(eq(ambitions.pilierNumber, filters.pilier))));
  }
  if (except !== "quartier" && filters.quartier !== undefined) list.push(eq(p.quartierCode, filters.quartier));
  if (except !== "commune" && filters.commune !== undefined) {
    const inCommune = db.select({ code: quartierCommunes.quartierCode }).from(quartierCommunes).where(eq(quartierCommunes.communeSlug, filters.commune));
    list.push(or(eq(p.communeSlug, filters.commune), inArray(p.quartierCode, inCommune))!);
  }
  if (except !== "status" && filters.status !== undefined) list.push(inArray(p.status, [...STATUS_FILTERS[filters.status]]));
  if (except !== "origin" && filters.origin !== undefined) list.push(eq(p.origin, filters.origin));
  return list;
}

// ---------------------------------------------------------------------------------------------------
// One page

/** The columns a card shows, with the names of the ambition, quartier and commune. */
const UTC_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
export const cardColumns = {
  id: p.id,
  title: p.title,
  status: p.status,
  decision: p.decision,
  origin: p.origin,
  // One primary-key lookup per card shown, only for the proposals a council carries.
  councilName: sql<string | null>`(select ${councils.name} from ${councils} where ${councils.code} = ${p.originQuartierCode} and ${p.origin} = 'conseil_citoyen')`,
  ambitionNumber: p.ambitionNumber,
  ambitionTitle: ambitions.title,
  quartierCode: p.quartierCode,
  quartierName: quartiers.name,
  communeSlug: p.communeSlug,
  communeName: communes.name,
  supportCount: p.supportCount,
  contributionCount: p.contributionCount,
  // Text, at PostgreSQL's microsecond precision: it is also the "recent" cursor value.
  date: sql<string>`to_char(coalesce(${p.publishedAt}, ${p.createdAt}) at time zone 'UTC', ${sql.raw(UTC_MICROS)})`,
};

/** The first ORDER BY column of each indexed sort (then id, in the same direction, breaks ties). */
function sortKey(sort: Exclude<ProposalSort, "relevance">): SQL {
  switch (sort) {
    case "recent":
      return sql`${p.publishedAt}`;
    case "supported":
      return sql`${p.supportCount}`;
    case "discussed":
      return sql`${p.contributionCount}`;
  }
}

function cursorLiteral(cursor: QueryCursor): SQL {
  switch (cursor.sort) {
    case "recent":
      return sql`${cursor.value}::timestamptz`;
    case "supported":
    case "discussed":
      return sql`${cursor.value}::integer`;
    case "relevance":
      return sql`${cursor.value}::real`;
  }
}

type Row = ProposalCardData & { rank: number };

function cursorOf(sort: ProposalSort, row: Row): string {
  const value = sort === "recent" ? row.date : sort === "supported" ? row.supportCount : sort === "discussed" ? row.contributionCount : row.rank;
  return encodeCursor({ sort, value, id: row.id });
}

export type ProposalPage = {
  items: ProposalCardData[];
  sort: ProposalSort;
  /** Page markers for the "before" (previous) and "after" (next) links; null when there is none. */
  previous: string | null;
  next: string | null;
  /** False on the first page (the "back to the start" link is then useless). */
  paged: boolean;
};

// ts_headline marks matches with characters no one types (private use area); the card turns them into <mark>.
const HEADLINE_OPTIONS = "MaxFragments=1, MaxWords=28, MinWords=12, FragmentDelimiter=' … ', StartSel=\uE000, StopSel=\uE001";

/**
 * Relevance ranks the RELEVANCE_WINDOW most recent matches, not all of them: ts_rank must read every
 * ranked row, and a common word ("quartier") matches most of the table (100 ms at 100 000 rows,
 * against 10 ms for this window). Past the window, the page offers the full list by date.
 */
export const RELEVANCE_WINDOW = 1_000;

type PageCursor = { after?: QueryCursor; before?: QueryCursor };

/** The page query, not yet run (the EXPLAIN script in tests/bench reads its SQL). */
export function pageQuery(filters: QueryFilters, sort: ProposalSort, cursor: PageCursor, limit: number | Placeholder) {
  // The same directions as the indexes (drizzle-kit writes DESC NULLS LAST), so PostgreSQL walks them.
  const direction = sql.raw(cursor.before ? "asc nulls first" : "desc nulls last");
  const seek = (key: SQL, id: SQL) => [
    ...(cursor.after ? [sql`(${key}, ${id}) < (${cursorLiteral(cursor.after)}, ${cursor.after.id}::uuid)`] : []),
    ...(cursor.before ? [sql`(${key}, ${id}) > (${cursorLiteral(cursor.before)}, ${cursor.before.id}::uuid)`] : []),
  ];

  if (sort === "relevance" && filters.q) {
    const candidates = db
      .select({ id: p.id, rank: sql<number>`ts_rank(${p.search}, ${tsQuery(filters.q)})`.as("rank") })
      .from(p)
      .where(and(...conditions(filters)))
      .orderBy(sql`${p.publishedAt} desc nulls last`, sql`${p.id} desc nulls last`)
      .limit(RELEVANCE_WINDOW)
      .as("candidates");
    const rank = sql`${candidates.rank}`;
    const id = sql`${candidates.id}`;
    return db
      .select({ ...cardColumns, rank: sql<number>`${rank}`.mapWith(Number) })
      .from(candidates)
      .innerJoin(p, eq(p.id, candidates.id))
      .innerJoin(ambitions, eq(ambitions.number, p.ambitionNumber))
      .leftJoin(quartiers, eq(quartiers.code, p.quartierCode))
      .leftJoin(communes, eq(communes.slug, p.communeSlug))
      .where(and(sql`true`, ...seek(rank, id)))
      .orderBy(sql`${rank} ${direction}`, sql`${id} ${direction}`)
      .limit(limit);
  }

  const key = sortKey(sort === "relevance" ? "recent" : sort);
  return db
    .select({ ...cardColumns, rank: sql<number>`0`.mapWith(Number) })
    .from(p)
    .innerJoin(ambitions, eq(ambitions.number, p.ambitionNumber))
    .leftJoin(quartiers, eq(quartiers.code, p.quartierCode))
    .leftJoin(communes, eq(communes.slug, p.communeSlug))
    .where(and(...conditions(filters), ...seek(key, sql`${p.id}`)))
    .orderBy(sql`${key} ${direction}`, sql`${p.id} ${direction}`)
    .limit(limit);
}

const BOUND_FILTERS = ["q", "pilier", "ambition", "quartier", "commune", "origin"] as const;
const pageShapes = preparedByShape<Row>("proposal_page");

/**
 * The page query of a shape (sort, which filters, which kind of page marker) is built once, with
 * placeholders, and then only run: drizzle's building of this query was a good part of a list page's
 * server time. The SQL sent is the same as pageQuery's.
 */
function preparedPage(filters: ProposalFilters, sort: ProposalSort, cursor: { after?: Cursor; before?: Cursor }) {
  const shape = JSON.stringify([sort, filters.status ?? null, BOUND_FILTERS.map((name) => filters[name] !== undefined), cursor.after?.sort ?? null, cursor.before?.sort ?? null]);
  return pageShapes(shape, () => {
    const bound: QueryFilters = { status: filters.status };
    for (const name of BOUND_FILTERS) if (filters[name] !== undefined) bound[name] = sql.placeholder(name);
    const marker = (side: "after" | "before", c: Cursor | undefined) => (c ? { sort: c.sort, value: sql.placeholder(`${side}Value`), id: sql.placeholder(`${side}Id`) } : undefined);
    return pageQuery(bound, sort, { after: marker("after", cursor.after), before: marker("before", cursor.before) }, sql.placeholder("limit"));
  });
}

async function selectPage(filters: ProposalFilters, sort: ProposalSort, cursor: { after?: Cursor; before?: Cursor }, limit: number): Promise<Row[]> {
  const values: Record<string, unknown> = { limit };
  for (const name of BOUND_FILTERS) if (filters[name] !== undefined) values[name] = filters[name];
  for (const side of ["after", "before"] as const) {
    const c = cursor[side];
    if (c) Object.assign(values, { [`${side}Value`]: c.value, [`${side}Id`]: c.id });
  }
  const rows = await preparedPage(filters, sort, cursor).execute(values);
  return cursor.before ? rows.reverse() : rows;
}

/** Marks with "…" the ends of an excerpt that are not the ends of the text. */
export function withEllipses(headline: string, body: string) {
  const plain = headline.replace(/[\uE000\uE001]/g, "").trim();
  const text = body.trim();
  const head = text.startsWith(plain.slice(0, 30)) ? "" : "… ";
  const tail = text.endsWith(plain.slice(-30)) ? "" : " …";
  return `${head}${headline.trim()}${tail}`;
}

async function addHeadlines(rows: Row[], q: string | undefined): Promise<ProposalCardData[]> {
  const items = rows.map(({ rank: _rank, ...item }) => item);
  if (!q || !items.length) return items;
  const found = await db
    .select({ id: p.id, body: p.body, headline: sql<string>`ts_headline('french', ${p.body}, ${tsQuery(q)}, ${HEADLINE_OPTIONS})` })
    .from(p)
    .where(
      inArray(
        p.id,
        items.map((i) => i.id),
      ),
    );
  const byId = new Map(found.map((f) => [f.id, withEllipses(f.headline, f.body)]));
  return items.map((item) => ({ ...item, headline: byId.get(item.id) ?? null }));
}

/**
 * One page of the public list. The page marker (`after`/`before`) is a keyset: PostgreSQL seeks to it in
 * the sort's index, so page 500 costs what page 1 costs, and a proposal published meanwhile neither
 * repeats nor skips a row. A marker that does not fit (tampered, or from another sort) is ignored.
 */
export async function searchProposals(search: ProposalSearch): Promise<ProposalPage> {
  const sort = effectiveSort(search);
  const filters = filtersOf(search);
  const after = decodeCursor(search.after, sort) ?? undefined;
  const before = after ? undefined : (decodeCursor(search.before, sort) ?? undefined);
  const rows = await selectPage(filters, sort, { after, before }, PAGE_SIZE + 1);
  const more = rows.length > PAGE_SIZE;

  if (before) {
    // Going back: the extra row is the one before this page. Fewer than a page means we reached the start.
    if (!more) return searchProposals({ ...search, before: undefined, after: undefined });
    const page = rows.slice(1);
    return { items: await addHeadlines(page, filters.q), sort, previous: cursorOf(sort, page[0]!), next: cursorOf(sort, page.at(-1)!), paged: true };
  }
  const page = rows.slice(0, PAGE_SIZE);
  return {
    items: await addHeadlines(page, filters.q),
    sort,
    previous: after && page.length ? cursorOf(sort, page[0]!) : null,
    next: more ? cursorOf(sort, page.at(-1)!) : null,
    paged: Boolean(after),
  };
}

/** The latest public proposals for an ambition or a quartier page. */
export async function listLatestProposals(filters: ProposalFilters, limit = 5): Promise<ProposalCardData[]> {
  return addHeadlines(await selectPage(filters, "recent", {}, limit), undefined);
}

/** When a search finds nothing: did its words give PostgreSQL anything to look for ("le", "!!!" do not)? */
export async function queryHasWords(q: string) {
  const [row] = await db.select({ n: sql<number>`numnode(${tsQuery(q)})`.mapWith(Number) }).from(sql`(select 1) as one`);
  return (row?.n ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------------
// Counts per filter

/**
 * Counts per value of each filter, "for the other filters": the ambition counts ignore the chosen
 * ambition (so they show where else to look), but apply the search and every other filter.
 * Dimensions whose filter is not set share one scan (GROUP BY GROUPING SETS); each set filter needs
 * its own. Quartier and commune counts come from (quartier, commune) pairs: a quartier can lie in
 * several communes.
 */
export type FacetRows = {
  ambition: { key: number; n: number }[];
  quartier: { quartier: string | null; commune: string | null; n: number }[];
  commune: { quartier: string | null; commune: string | null; n: number }[];
  status: { key: ProposalStatus; n: number }[];
  origin: { key: ProposalOrigin; n: number }[];
  /** The most rows one query counted: what the cache decides on. */
  scanned: number;
};

type GroupingSet = "ambition" | "place" | "status" | "origin";
const GROUP_COLUMNS: Record<GroupingSet, SQL> = {
  ambition: sql`${p.ambitionNumber}`,
  place: sql`${p.quartierCode}, ${p.communeSlug}`,
  status: sql`${p.status}`,
  origin: sql`${p.origin}`,
};
// The first column of each set: grouping(column) = 0 on the rows of that set (the sets share no column).
const FIRST_COLUMN: Record<GroupingSet, SQL> = { ambition: sql`${p.ambitionNumber}`, place: sql`${p.quartierCode}`, status: sql`${p.status}`, origin: sql`${p.origin}` };

/** One counting query, not yet run (the EXPLAIN script in tests/bench reads its SQL). */
export function facetQuery(filters: ProposalFilters, serves: Dimension[], except?: Dimension) {
  const sets = [...new Set(serves.map((d): GroupingSet => (d === "quartier" || d === "commune" ? "place" : d)))];
  // Only grouped columns may be selected or passed to grouping(): the others are null here.
  const has = (set: GroupingSet) => sets.includes(set);
  return db
    .select({
      set: sql<GroupingSet>`case ${sql.join(
        sets.map((set) => sql`when grouping(${FIRST_COLUMN[set]}) = 0 then ${set}`),
        sql` `,
      )} end`,
      ambition: has("ambition") ? sql<number | null>`${p.ambitionNumber}` : sql<null>`null`,
      quartier: has("place") ? sql<string | null>`${p.quartierCode}` : sql<null>`null`,
      commune: has("place") ? sql<string | null>`${p.communeSlug}` : sql<null>`null`,
      status: has("status") ? sql<ProposalStatus | null>`${p.status}` : sql<null>`null`,
      origin: has("origin") ? sql<ProposalOrigin | null>`${p.origin}` : sql<null>`null`,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(p)
    .where(and(...conditions(filters, except)))
    .groupBy(sql`grouping sets (${sql.join(
      sets.map((set) => sql`(${GROUP_COLUMNS[set]})`),
      sql`, `,
    )})`);
}

/** Which counting queries a search needs: one for the dimensions without a filter, one per set filter. */
export function facetPlans(filters: ProposalFilters): { serves: Dimension[]; except?: Dimension }[] {
  const base = DIMENSIONS.filter((d) => !isActive(filters, d));
  const own = DIMENSIONS.filter((d) => isActive(filters, d));
  return [...(base.length ? [{ serves: base }] : []), ...own.map((d) => ({ serves: [d], except: d }))];
}

async function computeFacetRows(filters: ProposalFilters): Promise<FacetRows> {
  const plans = facetPlans(filters);
  const results = await Promise.all(plans.map((plan) => facetQuery(filters, plan.serves, plan.except)));
  const out: FacetRows = { ambition: [], quartier: [], commune: [], status: [], origin: [], scanned: 0 };
  results.forEach((rows, i) => {
    const { serves } = plans[i]!;
    for (const row of rows) {
      if (row.set === "ambition" && serves.includes("ambition")) out.ambition.push({ key: Number(row.ambition), n: row.n });
      if (row.set === "place") {
        const pair = { quartier: row.quartier, commune: row.commune, n: row.n };
        if (serves.includes("quartier")) out.quartier.push(pair);
        if (serves.includes("commune")) out.commune.push(pair);
      }
      if (row.set === "status" && serves.includes("status")) out.status.push({ key: row.status!, n: row.n });
      if (row.set === "origin" && serves.includes("origin")) out.origin.push({ key: row.origin!, n: row.n });
    }
    // Each grouping set splits the same rows: the rows of any one set add up to what the query counted.
    const first = rows[0]?.set;
    out.scanned = Math.max(out.scanned, rows.filter((r) => r.set === first).reduce((sum, r) => sum + r.n, 0));
  });
  return out;
}

// Counting fewer than this many rows is quick: always fresh. Above, counts may be 10 seconds old, and up
// to a minute old while a recount runs behind them.
const CACHE_FROM_ROWS = 2_000;
const facetCache = createCountCache<FacetRows>({
  ttlMs: env.NODE_ENV === "test" ? 0 : 10_000,
  staleMs: 50_000,
  maxEntries: 500,
  worthKeeping: (rows) => rows.scanned >= CACHE_FROM_ROWS,
});

const cacheKey = (filters: ProposalFilters) =>
  JSON.stringify([filters.q ?? "", filters.pilier ?? 0, filters.ambition ?? 0, filters.quartier ?? "", filters.commune ?? "", filters.status ?? "", filters.origin ?? ""]);

export function countProposalFacets(filters: ProposalFilters): Promise<FacetRows> {
  return facetCache.get(cacheKey(filters), () => computeFacetRows(filters));
}

const statusCache = createCountCache<{ status: ProposalStatus; n: number }[]>({
  ttlMs: env.NODE_ENV === "test" ? 0 : 10_000,
  maxEntries: 200,
  worthKeeping: (rows) => rows.reduce((sum, row) => sum + row.n, 0) >= CACHE_FROM_ROWS,
});

/** Public proposals per status (the EXPLAIN script in tests/bench reads its SQL). */
export function statusCountQuery(filters: ProposalFilters) {
  return db
    .select({ status: p.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(p)
    .where(and(...conditions(filters)))
    .groupBy(p.status);
}

/** How many public proposals match, and how many of them wait for an answer (for ambition and quartier pages). */
export async function countProposalsByStatus(filters: ProposalFilters) {
  const rows = await statusCache.get(cacheKey(filters), () => statusCountQuery(filters));
  const awaiting: readonly ProposalStatus[] = STATUS_FILTERS.awaiting;
  return {
    total: rows.reduce((sum, row) => sum + row.n, 0),
    awaiting: rows.filter((row) => awaiting.includes(row.status)).reduce((sum, row) => sum + row.n, 0),
  };
}

export type ProposalFacets = {
  total: number;
  ambitions: Record<number, number>;
  quartiers: Record<string, number>;
  communes: Record<string, number>;
  statuses: Partial<Record<ProposalStatus, number>>;
  origins: Partial<Record<ProposalOrigin, number>>;
};

/**
 * Counts by value, from the rows. `quartierCommunes` maps each quartier to its communes (referential),
 * so a proposal about a quartier counts for its commune(s) too, once.
 */
export function summarizeFacets(rows: FacetRows, filters: ProposalFilters, quartierCommunes: Map<string, string[]>): ProposalFacets {
  const add = <K extends string | number>(record: Record<K, number>, key: K, n: number) => {
    record[key] = (record[key] ?? 0) + n;
  };
  const facets: ProposalFacets = { total: 0, ambitions: {}, quartiers: {}, communes: {}, statuses: {}, origins: {} };
  for (const row of rows.ambition) add(facets.ambitions, row.key, row.n);
  for (const row of rows.quartier) if (row.quartier) add(facets.quartiers, row.quartier, row.n);
  for (const row of rows.commune) {
    const places = new Set<string>();
    if (row.commune) places.add(row.commune);
    for (const slug of row.quartier ? (quartierCommunes.get(row.quartier) ?? []) : []) places.add(slug);
    for (const slug of places) add(facets.communes, slug, row.n);
  }
  for (const row of rows.status) add(facets.statuses as Record<string, number>, row.key, row.n);
  for (const row of rows.origin) add(facets.origins as Record<string, number>, row.key, row.n);
  const counted: readonly ProposalStatus[] | null = filters.status ? STATUS_FILTERS[filters.status] : null;
  facets.total = rows.status.filter((row) => !counted || counted.includes(row.key)).reduce((sum, row) => sum + row.n, 0);
  return facets;
}
