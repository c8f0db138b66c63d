import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve("app/locales");
const read = (lng: string, file: string) => JSON.parse(readFileSync(path.join(root, lng, file), "utf8")) as Record<string, unknown>;

// Plural forms differ by language (fr and en both use _one/_other here), so keys compare as they are.
function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("translations", () => {
  const fr = readdirSync(path.join(root, "fr")).sort();
  const en = readdirSync(path.join(root, "en")).sort();

  test("every namespace exists in French and in English", () => {
    expect(en).toEqual(fr);
  });

  for (const file of fr) {
    test(`${file}: English has exactly the French keys, none empty`, () => {
      const frKeys = keys(read("fr", file)).sort();
      const enKeys = keys(read("en", file)).sort();
      expect(enKeys).toEqual(frKeys);
      for (const lng of ["fr", "en"]) {
        const flat = JSON.stringify(read(lng, file));
        expect(flat, `${lng}/${file} has an empty string`).not.toContain('""');
      }
    });
  }
});
