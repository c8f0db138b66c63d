/**
 * Ids that reach us in URLs and forms. Row ids are UUIDs: anything else is "not found" before any query
 * (PostgreSQL would refuse a malformed uuid with an error, a 500). Pure: shared by server and browser.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The canonical (lower-case) uuid, or null. */
export function parseUuid(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}
