/**
 * The tracking board's sort and filters, read from the address (GET parameters in French). Pure: the
 * page's form and links (client) and the loaders (server) share it. A bad value is not an error: it
 * falls back to the default, so a hand-edited or truncated link still opens the board.
 */
import { z } from "zod";

/** A council's code is the code of the quartier it was seeded from (QP + six digits). */
export const COUNCIL_CODE = /^QP\d{6}$/;

export const BOARD_SORTS = ["attente", "echeance", "statut", "titre", "mise-a-jour"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_ORDERS = ["asc", "desc"] as const;
export type BoardOrder = (typeof BOARD_ORDERS)[number];
export const BOARD_TYPES = ["portees", "suivies", "interpellations"] as const;
export type BoardType = (typeof BOARD_TYPES)[number];
export const BOARD_STATES = ["en-attente", "repondues", "en-retard"] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** The order a column takes when it becomes the sort: the longest waits and latest changes first, the rest A→Z. */
export const DEFAULT_ORDER: Record<BoardSort, BoardOrder> = { attente: "desc", echeance: "asc", statut: "asc", titre: "asc", "mise-a-jour": "desc" };
export const DEFAULT_SORT: BoardSort = "attente";

export type BoardFilters = { sort: BoardSort; order: BoardOrder; type: BoardType | null; state: BoardState | null };

// `catch`: anything else (unknown word, NUL, bytes that were not UTF-8) is as if the parameter were absent.
const BoardParamsSchema = z.object({
  tri: z.enum(BOARD_SORTS).catch(DEFAULT_SORT),
  ordre: z.enum(BOARD_ORDERS).nullable().catch(null),
  type: z.enum(BOARD_TYPES).nullable().catch(null),
  etat: z.enum(BOARD_STATES).nullable().catch(null),
});

export function parseBoardFilters(params: URLSearchParams): BoardFilters {
  const raw = BoardParamsSchema.parse({ tri: params.get("tri"), ordre: params.get("ordre"), type: params.get("type"), etat: params.get("etat") });
  return { sort: raw.tri, order: raw.ordre ?? DEFAULT_ORDER[raw.tri], type: raw.type, state: raw.etat };
}

export function hasBoardFilters(filters: BoardFilters) {
  return filters.type !== null || filters.state !== null;
}

/** The query string of these filters (defaults left out), with "?" when not empty. */
export function boardSearch(filters: BoardFilters) {
  const params = new URLSearchParams();
  if (filters.sort !== DEFAULT_SORT) params.set("tri", filters.sort);
  if (filters.order !== DEFAULT_ORDER[filters.sort]) params.set("ordre", filters.order);
  if (filters.type) params.set("type", filters.type);
  if (filters.state) params.set("etat", filters.state);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** A column header's link: the same column again flips the order, another one starts in its own order. */
export function sortSearch(filters: BoardFilters, sort: BoardSort) {
  const order = filters.sort === sort ? (filters.order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[sort];
  return boardSearch({ ...filters, sort, order });
}

export const boardPath = (code: string) => `/conseils-citoyens/${code}/suivi`;
export const boardPrintPath = (code: string) => `/conseils-citoyens/${code}/suivi/impression`;
export const boardCsvPath = (code: string) => `/conseils-citoyens/${code}/suivi.csv`;
