/**
 * The toolbox list's address (/boite-a-outils?q=jardin&type=experience&ambition=8&quartier=QP062024&commune=lens&page=2).
 * Pure, shared by the loader (parsing) and the page (links). Nothing here fails: a value that is not
 * understood is dropped, and the page says so.
 */
import { cleanQuery } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { isToolboxKind, QUARTIER_CODE, type ToolboxKind } from "./toolbox.schema.ts";

export const TOOLBOX_PAGE_SIZE = 12;
/** Pages past this one are not served: a search narrows better than page 50 (and offsets stay cheap). */
export const TOOLBOX_MAX_PAGE = 40;

export type ToolboxSearch = {
  q?: string;
  kind?: ToolboxKind;
  ambition?: number;
  quartier?: string;
  commune?: string;
  page: number;
};

/** URL parameter of each field. */
const PARAMS = { q: "q", kind: "type", ambition: "ambition", quartier: "quartier", commune: "commune", page: "page" } as const;

export type ParsedToolboxSearch = { search: ToolboxSearch; ignored: string[] };

export function parseToolboxSearch(params: URLSearchParams, referential?: { ambitions: number[]; quartiers: string[]; communes: string[] }): ParsedToolboxSearch {
  const search: ToolboxSearch = { page: 1 };
  const ignored: string[] = [];
  const read = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === "" ? null : value.trim();
  };
  const q = read(PARAMS.q);
  if (q !== null) {
    const clean = cleanQuery(q);
    if (clean) search.q = clean;
  }
  const kind = read(PARAMS.kind);
  if (kind !== null) {
    if (isToolboxKind(kind)) search.kind = kind;
    else ignored.push(PARAMS.kind);
  }
  const ambition = read(PARAMS.ambition);
  if (ambition !== null) {
    if (/^[1-9]\d?$/.test(ambition) && (!referential || referential.ambitions.includes(Number(ambition)))) search.ambition = Number(ambition);
    else ignored.push(PARAMS.ambition);
  }
  const quartier = read(PARAMS.quartier);
  if (quartier !== null) {
    const code = quartier.toUpperCase();
    if (QUARTIER_CODE.test(code) && (!referential || referential.quartiers.includes(code))) search.quartier = code;
    else ignored.push(PARAMS.quartier);
  }
  const commune = read(PARAMS.commune);
  if (commune !== null) {
    if (commune.length <= 60 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(commune) && (!referential || referential.communes.includes(commune))) search.commune = commune;
    else ignored.push(PARAMS.commune);
  }
  const page = read(PARAMS.page);
  if (page !== null) {
    if (/^[1-9]\d{0,5}$/.test(page) && Number(page) <= TOOLBOX_MAX_PAGE) search.page = Number(page);
    else ignored.push(PARAMS.page);
  }
  return { search, ignored };
}

/** The list's URL for a search, with changes (`undefined` removes a filter); any change but the page goes back to page 1. */
export function toolboxHref(search: ToolboxSearch, changes: Partial<ToolboxSearch> = {}) {
  const next: ToolboxSearch = { ...search, ...changes };
  if (!("page" in changes)) next.page = 1;
  const params = new URLSearchParams();
  if (next.q) params.set(PARAMS.q, next.q);
  if (next.kind) params.set(PARAMS.kind, next.kind);
  if (next.ambition !== undefined) params.set(PARAMS.ambition, String(next.ambition));
  if (next.quartier) params.set(PARAMS.quartier, next.quartier);
  if (next.commune) params.set(PARAMS.commune, next.commune);
  if (next.page > 1) params.set(PARAMS.page, String(next.page));
  const query = params.toString();
  return query ? `/boite-a-outils?${query}` : "/boite-a-outils";
}

export function hasToolboxFilters(search: ToolboxSearch) {
  return Boolean(search.q || search.kind || search.ambition !== undefined || search.quartier || search.commune);
}
