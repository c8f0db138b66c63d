import { expect, test } from "vitest";
import { dateFormat, formatDateTime, numberFormat } from "./dates.ts";

test("formatters are made once per locale and options, and format in the territory's time zone", () => {
  const options = { dateStyle: "long", timeZone: "Europe/Paris" } as const;
  expect(dateFormat("fr", options)).toBe(dateFormat("fr", { ...options }));
  expect(dateFormat("fr", options)).not.toBe(dateFormat("en", options));
  expect(dateFormat("fr", options)).not.toBe(dateFormat("fr", { timeStyle: "short", timeZone: "Europe/Paris" }));
  expect(numberFormat("fr")).toBe(numberFormat("fr"));
  // 23:30 UTC on 31 December is already 1 January in Lens.
  expect(formatDateTime("2025-12-31T23:30:00Z", "fr")).toBe("1 janvier 2026 à 00:30");
  expect(numberFormat("fr").format(12345)).toBe("12\u202f345");
  expect(numberFormat("en").format(12345)).toBe("12,345");
});
