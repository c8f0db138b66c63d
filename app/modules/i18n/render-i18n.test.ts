import { describe, expect, test } from "vitest";
import { getRenderI18n } from "./i18next.server.ts";

describe("the shared page translator", () => {
  test("gives each locale its own instance, every namespace available", async () => {
    const [fr, en] = await Promise.all([getRenderI18n("fr"), getRenderI18n("en")]);
    expect(fr).not.toBe(en);
    expect(await getRenderI18n("fr")).toBe(fr);
    expect(fr.getFixedT("fr", "finding")("list.count", { count: 1, formatted: "1" })).toBe("1 proposition");
    expect(en.getFixedT("en", "finding")("list.count", { count: 1, formatted: "1" })).toBe("1 proposal");
  });

  test("remembered translations still follow their options: plural, interpolated values, namespace", async () => {
    const t = (await getRenderI18n("fr")).getFixedT("fr", "finding");
    for (let round = 0; round < 2; round++) {
      expect(t("list.count", { count: 1, formatted: "1" })).toBe("1 proposition");
      expect(t("list.count", { count: 12, formatted: "12" })).toBe("12 propositions");
      expect(t("list.countSearch", { count: 2, formatted: "2", q: "jardin" })).toBe("2 propositions pour « jardin »");
      expect(t("list.countSearch", { count: 2, formatted: "2", q: "banc" })).toBe("2 propositions pour « banc »");
    }
    const other = (await getRenderI18n("fr")).getFixedT("fr", "common");
    expect(other("list.count", { count: 1, formatted: "1" })).not.toBe("1 proposition");
  });
});
