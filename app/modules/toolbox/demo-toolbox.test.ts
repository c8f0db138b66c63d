import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { toolboxEntries } from "#db/schema/index.ts";
import { seedDemoToolbox } from "#tests/factories/demo-toolbox.ts";
import { searchToolbox } from "./toolbox-queries.server.ts";

describe("seedDemoToolbox", () => {
  test("a dozen entries and more, four or more published per shelf, two drafts; seeding again adds nothing", async () => {
    await seedDemoToolbox(db);
    await seedDemoToolbox(db);
    const rows = await db.select().from(toolboxEntries);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r.status === "draft")).toHaveLength(2);
    const page = await searchToolbox({ page: 1 });
    for (const kind of ["experience", "method", "actor"] as const) expect(page.kindCounts[kind]).toBeGreaterThanOrEqual(4);
    // Contacts are the structures' generic ones: no personal address or mobile number.
    for (const row of rows.filter((r) => r.publicContact)) {
      expect(row.publicContact).toMatch(/@exemple\.org/);
      expect(row.publicContact).not.toMatch(/0[67](?:[ .]?\d{2}){4}/);
    }
    const found = await searchToolbox({ q: "jardins", ambition: 8, page: 1 });
    expect(found.items.map((i) => i.title)).toContain("Un jardin partagé au pied des corons de la cité 12-14");
  });
});
