/**
 * Keyset page markers: the sort value and id of the row a page starts after (or ends before), as
 * opaque base64url. They come back from the URL, so anything may arrive: decodeCursor returns null for
 * whatever it did not write itself, and the list then simply starts from its first page.
 */
import type { ProposalSort } from "./proposal-search.schema.ts";

export type Cursor = { sort: ProposalSort; value: string | number; id: string };

const SORT_CODE: Record<ProposalSort, string> = { relevance: "r", recent: "t", supported: "s", discussed: "d" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// What the list query writes for published_at: UTC with microseconds (PostgreSQL's precision, finer
// than a JavaScript Date), so two proposals published in the same millisecond are still told apart.
const TIMESTAMP = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_INT = 2_147_483_647;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([SORT_CODE[cursor.sort], cursor.value, cursor.id])).toString("base64url");
}

function validValue(sort: ProposalSort, value: unknown): value is string | number {
  switch (sort) {
    case "recent": {
      if (typeof value !== "string") return false;
      const match = TIMESTAMP.exec(value);
      if (!match || Number(match[1]) < 1970) return false;
      // The calendar must agree (no 31 February): the millisecond part must survive a round trip.
      const millis = `${value.slice(0, 23)}Z`;
      const date = new Date(millis);
      return !Number.isNaN(date.getTime()) && date.toISOString() === millis;
    }
    case "supported":
    case "discussed":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_INT;
    case "relevance":
      return typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 1e6;
  }
}

/** The cursor, if `raw` is one this module wrote for this sort; otherwise null. */
export function decodeCursor(raw: string | undefined, sort: ProposalSort): Cursor | null {
  if (!raw || raw.length > 300) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return null;
  const [code, value, id] = decoded as unknown[];
  if (code !== SORT_CODE[sort] || typeof id !== "string" || !UUID.test(id) || !validValue(sort, value)) return null;
  return { sort, value, id };
}
