import { describe, expect, test } from "vitest";
import { getAmbitionPage, getQuartier, listQuartiers, listQuartiersByCommune } from "./referential-queries.server.ts";

describe("getAmbitionPage", () => {
  test("gives the ambition, its pilier and its neighbours", async () => {
    const page = await getAmbitionPage(3);
    expect(page?.ambition).toMatchObject({ number: 3, pilierNumber: 1, supportThreshold: 25 });
    expect(page?.pilier).toMatchObject({ number: 1, shortTitle: "Prévenir/repérer" });
    expect(page?.previous?.number).toBe(2);
    expect(page?.next?.number).toBe(4);
  });

  test("the first has no previous and the last no next", async () => {
    expect((await getAmbitionPage(1))?.previous).toBeNull();
    expect((await getAmbitionPage(12))?.next).toBeNull();
    expect((await getAmbitionPage(12))?.pilier.number).toBe(3);
  });

  test("an unknown number is null", async () => {
    expect(await getAmbitionPage(13)).toBeNull();
    expect(await getAmbitionPage(0)).toBeNull();
  });
});

describe("quartiers", () => {
  test("the 21 quartiers come with their communes", async () => {
    const rows = await listQuartiers();
    expect(rows).toHaveLength(21);
    const grande = rows.find((q) => q.code === "QP062025");
    expect(grande?.communes.map((c) => c.slug).sort()).toEqual(["lens", "loison-sous-lens", "vendin-le-vieil"]);
    expect(grande?.population).toBe(5050);
  });

  test("grouped by commune, a shared quartier appears under each of its communes", async () => {
    const groups = await listQuartiersByCommune();
    const names = groups.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    const lens = groups.find((g) => g.slug === "lens");
    expect(lens?.quartiers.map((q) => q.code).sort()).toEqual(["QP062024", "QP062025", "QP062026", "QP062027", "QP062029"]);
    expect(groups.find((g) => g.slug === "vendin-le-vieil")?.quartiers.map((q) => q.code)).toEqual(["QP062025"]);
    // Every quartier is listed at least once, and communes without a quartier are left out.
    expect(new Set(groups.flatMap((g) => g.quartiers.map((q) => q.code))).size).toBe(21);
    expect(groups.some((g) => g.slug === "carency")).toBe(false);
  });

  test("getQuartier finds a quartier by its exact code", async () => {
    expect(await getQuartier("QP062028")).toMatchObject({ name: "Calonne - Marichelles - Vent De Bise", npnru: true, communes: [{ slug: "lievin" }] });
    expect(await getQuartier("QP000000")).toBeNull();
  });
});
