import { expect, test } from "vitest";
import { safeRedirectPath } from "./auth.server.ts";

test("a path with accents, emoji or spaces comes back percent-encoded, fit for a Location header", () => {
  for (const path of ["/compte👩🏽‍🚒", "/propositions?q=école", "/a b", "/\u00e9\u202e"]) {
    const safe = safeRedirectPath(path);
    expect(safe).toMatch(/^\/[\x21-\x7e]*$/);
    expect(decodeURIComponent(safe)).toBe(path);
    expect(() => new Headers({ Location: safe })).not.toThrow();
  }
  expect(safeRedirectPath("/propositions?q=bancs&tri=recent#contributions")).toBe("/propositions?q=bancs&tri=recent#contributions");
});

test("a tab or a line break, which browsers strip from a URL, cannot turn a path into another site", () => {
  for (const path of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"]) {
    const safe = safeRedirectPath(path);
    expect(new URL(safe, "https://labo.example").origin).toBe("https://labo.example");
  }
});

test("other sites, protocol-relative paths, half characters and NUL go to the fallback", () => {
  for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a\ud800", "/a\u0000", null, undefined]) {
    expect(safeRedirectPath(value, "/compte")).toBe("/compte");
  }
});
