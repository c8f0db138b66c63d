import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor } from "./proposal-cursor.server.ts";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("page markers", () => {
  test("round trip for each sort, opaque and URL-safe", () => {
    for (const cursor of [
      { sort: "recent", value: "2025-03-02T10:00:00.123456Z", id },
      { sort: "supported", value: 42, id },
      { sort: "discussed", value: 0, id },
      { sort: "relevance", value: 0.0607927, id },
    ] as const) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text, cursor.sort)).toEqual(cursor);
    }
  });

  test("a marker of another sort is not used", () => {
    expect(decodeCursor(encodeCursor({ sort: "supported", value: 3, id }), "discussed")).toBeNull();
  });

  test.each([
    ["not base64 JSON", "%%%"],
    ["empty", ""],
    ["too long", "a".repeat(301)],
    ["an object", b64({ sort: "t" })],
    ["two items", b64(["t", "2025-03-02T10:00:00.000000Z"])],
    ["a bad id", b64(["t", "2025-03-02T10:00:00.000000Z", "1; drop table proposals"])],
    ["an upper-case id", b64(["t", "2025-03-02T10:00:00.000000Z", id.toUpperCase()])],
    ["milliseconds only", b64(["t", "2025-03-02T10:00:00.000Z", id])],
    ["31 February", b64(["t", "2025-02-31T10:00:00.000000Z", id])],
    ["hour 25", b64(["t", "2025-03-02T25:00:00.000000Z", id])],
    ["year 0001", b64(["t", "0001-03-02T10:00:00.000000Z", id])],
    ["SQL as a date", b64(["t", "'); select pg_sleep(10); --", id])],
    ["a negative count", b64(["s", -1, id])],
    ["a fractional count", b64(["s", 1.5, id])],
    ["a huge count", b64(["s", 2 ** 40, id])],
    ["a count as text", b64(["s", "3", id])],
    ["a rank out of range", b64(["r", 1e7, id])],
    ["a negative rank", b64(["r", -0.5, id])],
  ])("%s: ignored", (_label, raw) => {
    for (const sort of ["recent", "supported", "relevance"] as const) expect(decodeCursor(raw, sort)).toBeNull();
  });
});
