import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertToolboxEntryRow } from "#tests/factories/toolbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getToolboxEntry, listToolboxDrafts, searchToolbox } from "./toolbox-queries.server.ts";
import { parseToolboxSearch, TOOLBOX_MAX_PAGE, TOOLBOX_PAGE_SIZE } from "./toolbox-search.schema.ts";

const search = (query: string) => searchToolbox(parseToolboxSearch(new URLSearchParams(query)).search);
const titles = (page: Awaited<ReturnType<typeof searchToolbox>>) => page.items.map((item) => item.title);

describe("searchToolbox", () => {
  test("French search: « jardins » finds « jardin partagé », accents and capitals match, the closest first", async () => {
    await insertToolboxEntryRow(db, { title: "Un jardin partagé à la cité 12-14", summary: "Des bacs de culture." });
    await insertToolboxEntryRow(db, { title: "Forum santé", summary: "Un forum sur la santé avec le centre social, et un petit jardin." });
    await insertToolboxEntryRow(db, { title: "Repair café", summary: "On répare ensemble." });
    const page = await search("q=jardins");
    expect(titles(page)).toEqual(["Un jardin partagé à la cité 12-14", "Forum santé"]);
    expect(page.sort).toBe("relevance");
    expect(titles(await search("q=SANTÉ"))).toEqual(["Forum santé"]);
    expect(titles(await search("q=réparer"))).toEqual(["Repair café"]);
  });

  test("drafts are never listed nor counted", async () => {
    await insertToolboxEntryRow(db, { title: "Jardin publié" });
    await insertToolboxEntryRow(db, { title: "Jardin en brouillon", status: "draft" });
    const page = await search("q=jardin");
    expect(titles(page)).toEqual(["Jardin publié"]);
    expect(page.total).toBe(1);
    expect((await search("")).kindCounts).toEqual({ experience: 1, method: 0, actor: 0 });
  });

  test("filters combine: kind, ambition, quartier, commune (named, or through the quartier)", async () => {
    await insertToolboxEntryRow(db, { title: "A", ambitionNumbers: [8, 12], quartierCode: "QP062024" });
    await insertToolboxEntryRow(db, { title: "B", ambitionNumbers: [8], communeSlugs: ["lievin"] });
    await insertToolboxEntryRow(db, { title: "C", kind: "method", ambitionNumbers: [8] });
    await insertToolboxEntryRow(db, { title: "D", kind: "actor", communeSlugs: ["lens", "avion"] });
    expect(titles(await search("ambition=8")).sort()).toEqual(["A", "B", "C"]);
    expect(titles(await search("ambition=8&type=experience")).sort()).toEqual(["A", "B"]);
    expect(titles(await search("ambition=8&quartier=QP062024"))).toEqual(["A"]);
    expect(titles(await search("commune=lens")).sort()).toEqual(["A", "D"]);
    expect(titles(await search("commune=lens&type=actor"))).toEqual(["D"]);
    expect(titles(await search("commune=lievin&ambition=12"))).toEqual([]);
    // The shelves' counts leave the shelf out, so each tab says what it would show.
    expect((await search("ambition=8&type=experience")).kindCounts).toEqual({ experience: 2, method: 1, actor: 0 });
  });

  test("a card carries its ambitions and communes (aggregated in the page's query), the newest first", async () => {
    await insertToolboxEntryRow(db, { title: "Ancienne", publishedAt: new Date("2025-01-01") });
    await insertToolboxEntryRow(db, { title: "Récente", publishedAt: new Date("2025-06-01"), ambitionNumbers: [12, 3], communeSlugs: ["lievin", "avion"], quartierCode: "QP062028" });
    const page = await search("");
    expect(titles(page)).toEqual(["Récente", "Ancienne"]);
    expect(page.items[0]).toMatchObject({ ambitionNumbers: [3, 12], communes: [{ slug: "avion", name: "Avion" }, { slug: "lievin", name: "Liévin" }], quartierName: "Calonne - Marichelles - Vent De Bise" });
    expect(page.items[1]).toMatchObject({ ambitionNumbers: [], communes: [] });
  });

  test("pages: a page holds PAGE_SIZE entries, the next the rest; pages past the cap are not read", async () => {
    for (let i = 0; i < TOOLBOX_PAGE_SIZE + 2; i++) await insertToolboxEntryRow(db, { title: `Fiche ${i}` });
    const first = await search("");
    expect(first.items).toHaveLength(TOOLBOX_PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    const second = await search("page=2");
    expect(second.items).toHaveLength(2);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(TOOLBOX_PAGE_SIZE + 2);
    expect(parseToolboxSearch(new URLSearchParams(`page=${TOOLBOX_MAX_PAGE + 1}`))).toEqual({ search: { page: 1 }, ignored: ["page"] });
  });
});

describe("parseToolboxSearch", () => {
  test("values it does not understand are dropped and named; NUL and long words do not break it", () => {
    const referential = { ambitions: [1, 8], quartiers: ["QP062024"], communes: ["lens"] };
    expect(parseToolboxSearch(new URLSearchParams("type=outil&ambition=13&quartier=qp062024&commune=Lens&q=%00jardin"), referential)).toEqual({
      search: { page: 1, quartier: "QP062024", q: "jardin" },
      ignored: ["type", "ambition", "commune"],
    });
    expect(parseToolboxSearch(new URLSearchParams(`q=${"a".repeat(500)}`)).search.q).toHaveLength(200);
  });
});

describe("drafts and entry", () => {
  test("editors see every draft, theirs marked; the entry page query names ambitions, quartier and communes", async () => {
    const me = await insertUser(db, { password: null, displayName: "Karim" });
    const other = await insertUser(db, { password: null, displayName: "Amandine" });
    await insertToolboxEntryRow(db, { title: "Le mien", status: "draft", authorId: me.id });
    await insertToolboxEntryRow(db, { title: "Le sien", status: "draft", authorId: other.id });
    await insertToolboxEntryRow(db, { title: "Publié", authorId: me.id });
    const drafts = await listToolboxDrafts(me.id);
    expect(drafts.map((d) => [d.title, d.mine, d.authorName]).sort()).toEqual([
      ["Le mien", true, "Karim"],
      ["Le sien", false, "Amandine"],
    ]);
    const entry = await insertToolboxEntryRow(db, { ambitionNumbers: [8], communeSlugs: ["lens"], quartierCode: "QP062024" });
    expect(await getToolboxEntry(entry.id)).toMatchObject({
      ambitions: [{ number: 8, title: "Améliorer le cadre de vie et l'habitat" }],
      communes: [{ slug: "lens", name: "Lens" }],
      quartierName: "Cité 12-14",
    });
    expect(await getToolboxEntry("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
