/**
 * The public list's address: which filters, sort and page a URL asks for. Pure (no database), shared by
 * the server (parsing) and the components (building links). Parameter names and values are French, so a
 * shared link reads well: /propositions?q=bancs&ambition=8&statut=en-attente&tri=soutenues.
 *
 * A GET form can be sent with anything in it (a stale bookmark, a hand-edited URL, a crawler): nothing
 * here ever fails. A value that is not understood is dropped and reported in `ignored`, and the page says
 * so; the rest of the address still applies.
 */
import { z } from "zod";
import { searchText } from "#app/modules/forms/text.ts";
import type { ProposalDecision, ProposalOrigin, ProposalStatus } from "#db/schema/proposals.ts";

export const PAGE_SIZE = 20;
/** Longer searches are cut: 200 characters are plenty for words, and bound the cost of the tsquery. */
export const MAX_QUERY_LENGTH = 200;

export const PROPOSAL_SORTS = ["relevance", "recent", "supported", "discussed"] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

/**
 * The status choices a resident is offered. Two are groups: "awaiting" (qualified, so the GTP owes an
 * answer, and not answered yet) and "decided" (a decision was taken, including what is being built or
 * done). The others are single statuses.
 */
export const STATUS_FILTERS = {
  published: ["published"],
  awaiting: ["qualified", "under_review", "on_copil_agenda"],
  qualified: ["qualified"],
  under_review: ["under_review"],
  on_copil_agenda: ["on_copil_agenda"],
  decided: ["decided", "in_progress", "done"],
  in_progress: ["in_progress"],
  done: ["done"],
  withdrawn: ["withdrawn"],
  answered: ["answered"],
  merged: ["merged"],
} as const satisfies Record<string, readonly ProposalStatus[]>;
export type StatusFilter = keyof typeof STATUS_FILTERS;
export const STATUS_FILTER_KEYS = Object.keys(STATUS_FILTERS) as StatusFilter[];

export const ORIGIN_FILTERS = ["resident", "labo_session", "conseil_citoyen", "actor_network"] as const satisfies readonly ProposalOrigin[];

// French words in the URL ↔ the values the code uses.
const SORT_PARAM: Record<string, ProposalSort> = { pertinence: "relevance", recentes: "recent", soutenues: "supported", discutees: "discussed" };
const STATUS_PARAM: Record<string, StatusFilter> = {
  ouvertes: "published",
  "en-attente": "awaiting",
  qualifiees: "qualified",
  "a-l-etude": "under_review",
  "au-copil": "on_copil_agenda",
  decidees: "decided",
  "en-realisation": "in_progress",
  realisees: "done",
  retirees: "withdrawn",
  "reponse-directe": "answered",
  fusionnees: "merged",
};
const ORIGIN_PARAM: Record<string, ProposalOrigin> = { habitants: "resident", labo: "labo_session", "conseils-citoyens": "conseil_citoyen", "reseau-des-acteurs": "actor_network" };
const invert = <V extends string>(map: Record<string, V>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, string>;
export const SORT_VALUES = invert(SORT_PARAM);
export const STATUS_VALUES = invert(STATUS_PARAM);
export const ORIGIN_VALUES = invert(ORIGIN_PARAM);

/** The filters of a search (what the counts depend on). */
export type ProposalFilters = {
  q?: string;
  pilier?: number;
  ambition?: number;
  quartier?: string;
  commune?: string;
  status?: StatusFilter;
  origin?: ProposalOrigin;
};
/** Filters plus how to order and which page: everything the address says. */
export type ProposalSearch = ProposalFilters & {
  /** What the person chose; absent means the default (relevance when searching, else most recent). */
  sort?: ProposalSort;
  after?: string;
  before?: string;
};

/** URL parameter of each field, in the order links are written. */
export const PARAM_NAMES = {
  q: "q",
  pilier: "pilier",
  ambition: "ambition",
  quartier: "quartier",
  commune: "commune",
  status: "statut",
  origin: "origine",
  sort: "tri",
  after: "apres",
  before: "avant",
} as const satisfies Record<keyof ProposalSearch, string>;

/**
 * Search words as typed, made safe to hand to websearch_to_tsquery (which accepts any text): no NUL or
 * other control characters (PostgreSQL refuses NUL), no lone surrogates, spaces collapsed, cut at
 * MAX_QUERY_LENGTH characters.
 */
export function cleanQuery(raw: string) {
  return searchText(raw, MAX_QUERY_LENGTH);
}

const fromMap = <V extends string>(map: Record<string, V>) =>
  z.string().refine((v) => Object.hasOwn(map, v)).transform((v) => map[v]!);

/** "3", not "03", "3.0", "+3" or "1e1". */
const numberParam = z
  .string()
  .regex(/^[1-9]\d{0,2}$/)
  .transform(Number);

/** One schema per parameter: each is checked on its own, so a bad one never spoils the others. */
export const ProposalSearchParamsSchema = z.object({
  q: z.string().transform(cleanQuery),
  pilier: numberParam,
  ambition: numberParam,
  quartier: z
    .string()
    .regex(/^[A-Za-z0-9]{1,20}$/)
    .transform((v) => v.toUpperCase()),
  commune: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60),
  statut: fromMap(STATUS_PARAM),
  origine: fromMap(ORIGIN_PARAM),
  tri: fromMap(SORT_PARAM),
  // Opaque page markers (base64url); their content is checked by decodeCursor.
  apres: z.string().regex(/^[A-Za-z0-9_-]{1,300}$/),
  avant: z.string().regex(/^[A-Za-z0-9_-]{1,300}$/),
});
type ParamName = keyof typeof ProposalSearchParamsSchema.shape;

export type ParsedProposalSearch = { search: ProposalSearch; ignored: string[] };

/**
 * Reads the list's URL. Empty values (a select left on "all") mean "not set"; a value that fails its
 * schema is ignored and named in `ignored` (by its URL parameter). Only the first value of a repeated
 * parameter counts.
 */
export function parseProposalSearch(params: URLSearchParams): ParsedProposalSearch {
  const shape = ProposalSearchParamsSchema.shape;
  const read: Partial<Record<ParamName, unknown>> = {};
  const ignored: string[] = [];
  for (const name of Object.keys(shape) as ParamName[]) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const result = shape[name].safeParse(raw);
    if (result.success && result.data !== "") read[name] = result.data;
    else if (!result.success) ignored.push(name);
  }
  const search: ProposalSearch = {
    q: read.q as string | undefined,
    pilier: read.pilier as number | undefined,
    ambition: read.ambition as number | undefined,
    quartier: read.quartier as string | undefined,
    commune: read.commune as string | undefined,
    status: read.statut as StatusFilter | undefined,
    origin: read.origine as ProposalOrigin | undefined,
    sort: read.tri as ProposalSort | undefined,
    after: read.apres as string | undefined,
    before: read.avant as string | undefined,
  };
  // Relevance means nothing without words: fall back to the default quietly.
  if (search.sort === "relevance" && !search.q) search.sort = undefined;
  // One page marker at a time; "after" wins.
  if (search.after && search.before) search.before = undefined;
  return { search: stripUndefined(search), ignored };
}

/** The referential values the list's selects offer (the referential is data: it is read, not assumed). */
export type SearchReferential = {
  piliers: number[];
  ambitions: { number: number; pilierNumber: number }[];
  quartiers: string[];
  communes: string[];
};

/**
 * Drops the places and ambitions the referential does not know (named in `ignored`, by URL parameter),
 * and the pilier when an ambition is chosen: the ambition is more precise, and a pilier that does not
 * hold it would otherwise leave nothing to show.
 */
export function resolveSearch({ search, ignored }: ParsedProposalSearch, referential: SearchReferential): ParsedProposalSearch {
  const next = { ...search };
  const unknown: string[] = [];
  const drop = (key: "pilier" | "ambition" | "quartier" | "commune") => {
    unknown.push(PARAM_NAMES[key]);
    delete next[key];
  };
  if (next.pilier !== undefined && !referential.piliers.includes(next.pilier)) drop("pilier");
  if (next.ambition !== undefined && !referential.ambitions.some((a) => a.number === next.ambition)) drop("ambition");
  if (next.quartier !== undefined && !referential.quartiers.includes(next.quartier)) drop("quartier");
  if (next.commune !== undefined && !referential.communes.includes(next.commune)) drop("commune");
  if (next.ambition !== undefined) delete next.pilier;
  return { search: next, ignored: [...ignored, ...unknown] };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The order actually used: the chosen one, or relevance when searching, or the most recent first. */
export function effectiveSort(search: ProposalSearch): ProposalSort {
  if (search.sort && (search.sort !== "relevance" || search.q)) return search.sort;
  return search.q ? "relevance" : "recent";
}

/** The filters alone (what counts depend on), without sort and page. */
export function filtersOf(search: ProposalSearch): ProposalFilters {
  const { sort: _sort, after: _after, before: _before, ...filters } = search;
  return filters;
}

export function hasFilters(filters: ProposalFilters) {
  return Object.values(filters).some((v) => v !== undefined);
}

/**
 * The URL of the list for a search, with changes applied (`undefined` removes a parameter). Any change
 * other than a page marker goes back to the first page.
 */
export function searchHref(search: ProposalSearch, changes: Partial<ProposalSearch> = {}, path = "/propositions") {
  const next: ProposalSearch = { ...search, ...changes };
  const pageChange = "after" in changes || "before" in changes;
  if (!pageChange) {
    delete next.after;
    delete next.before;
  }
  if (next.sort === "relevance" && !next.q) delete next.sort;
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM_NAMES) as (keyof ProposalSearch)[]) {
    const value = next[key];
    if (value === undefined || value === "") continue;
    const text =
      key === "status" ? STATUS_VALUES[value as StatusFilter] : key === "origin" ? ORIGIN_VALUES[value as ProposalOrigin] : key === "sort" ? SORT_VALUES[value as ProposalSort] : String(value);
    params.set(PARAM_NAMES[key], text);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** What a proposal card shows: one row of the list, ready for JSON (dates as ISO strings). */
export type ProposalCardData = {
  id: string;
  title: string;
  status: ProposalStatus;
  decision: ProposalDecision | null;
  origin: ProposalOrigin;
  /** The conseil citoyen that carries it (origin conseil_citoyen), named on the card. */
  councilName: string | null;
  ambitionNumber: number;
  ambitionTitle: string;
  quartierCode: string | null;
  quartierName: string | null;
  communeSlug: string | null;
  communeName: string | null;
  supportCount: number;
  contributionCount: number;
  /** Publication date, or creation date for a draft. */
  date: string;
  /** Only for the author's own lists: hidden by the moderation team. */
  hidden?: boolean;
  /** On search results: a passage of the text, the matching words between \uE000 and \uE001. */
  headline?: string | null;
};
