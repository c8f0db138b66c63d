import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertProposal, type ProposalFactoryInput } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { encodeCursor } from "./proposal-cursor.server.ts";
import {
  countProposalFacets,
  countProposalsByStatus,
  listLatestProposals,
  queryHasWords,
  RELEVANCE_WINDOW,
  searchProposals,
  summarizeFacets,
  withEllipses,
} from "./proposal-search-queries.server.ts";
import { PAGE_SIZE, type ProposalFilters, type ProposalSearch } from "./proposal-search.schema.ts";

const DAY = 86_400_000;
const start = new Date("2025-03-01T10:00:00Z").getTime();
const day = (n: number) => new Date(start + n * DAY);

async function author() {
  return (await insertUser(db, { password: null })).id;
}

/**
 * Five public proposals across ambitions, places, steps and origins; a draft and a hidden one that
 * must never show. Returned by letter, published a day apart (a oldest, e newest).
 */
async function dataset() {
  const authorId = await author();
  const make = (input: Omit<ProposalFactoryInput, "authorId">) => insertProposal(db, { authorId, ...input });
  const a = await make({
    title: "Des bancs à l'ombre près de l'école",
    body: "Les parents attendent la sortie des classes debout, en plein soleil.",
    ambitionNumber: 8,
    quartierCode: "QP062024",
    communeSlug: "lens",
    supportCount: 5,
    contributionCount: 2,
    createdAt: day(1),
  });
  const b = await make({
    title: "Un jardin partagé",
    body: "Un potager entre les écoles du quartier, entretenu avec les enfants.",
    ambitionNumber: 8,
    quartierCode: "QP062028",
    communeSlug: "lievin",
    status: "qualified",
    supportCount: 30,
    contributionCount: 10,
    createdAt: day(2),
  });
  const c = await make({
    title: "Aide aux devoirs à la médiathèque",
    body: "Des bénévoles pour accompagner les collégiens le mercredi.",
    ambitionNumber: 1,
    quartierCode: null,
    communeSlug: "avion",
    status: "under_review",
    origin: "labo_session",
    supportCount: 12,
    contributionCount: 4,
    createdAt: day(3),
  });
  // A quartier without a commune: it is in Lens, Vendin-le-Vieil and Loison-sous-Lens.
  const d = await make({
    title: "Un terrain de foot éclairé",
    body: "Pour jouer après le travail, l'hiver aussi.",
    ambitionNumber: 3,
    quartierCode: "QP062025",
    communeSlug: null,
    status: "decided",
    origin: "conseil_citoyen",
    originQuartierCode: "QP062025",
    supportCount: 40,
    contributionCount: 1,
    createdAt: day(4),
  });
  await db.update(proposals).set({ decision: "retained" }).where(eq(proposals.id, d.id));
  const e = await make({
    title: "Une navette vers l'hôpital",
    body: "Le bus ne passe qu'une fois par heure.",
    ambitionNumber: 4,
    quartierCode: "QP062019",
    communeSlug: "avion",
    status: "withdrawn",
    supportCount: 2,
    contributionCount: 0,
    createdAt: day(5),
  });
  const draft = await make({ title: "Brouillon : une école ouverte le samedi", ambitionNumber: 8, status: "draft", createdAt: day(6) });
  const hidden = await make({ title: "Propos injurieux sur l'école", ambitionNumber: 8, supportCount: 99, contributionCount: 99, createdAt: day(7) });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  return { a, b, c, d, e, draft, hidden };
}

type Named = Awaited<ReturnType<typeof dataset>>;
function namer(set: Named) {
  const names = new Map(Object.entries(set).map(([name, row]) => [row.id, name]));
  return async (search: ProposalSearch) => (await searchProposals(search)).items.map((item) => names.get(item.id) ?? item.id);
}

async function facets(filters: ProposalFilters) {
  const quartierCommunes = new Map([
    ["QP062024", ["lens"]],
    ["QP062025", ["lens", "vendin-le-vieil", "loison-sous-lens"]],
    ["QP062028", ["lievin"]],
    ["QP062019", ["avion"]],
  ]);
  return summarizeFacets(await countProposalFacets(filters), filters, quartierCommunes);
}

/** Follows "next" links from the first page; returns every page's ids. */
async function walk(search: ProposalSearch) {
  const pages: string[][] = [];
  let page = await searchProposals(search);
  pages.push(page.items.map((i) => i.id));
  while (page.next) {
    page = await searchProposals({ ...search, after: page.next });
    pages.push(page.items.map((i) => i.id));
    if (pages.length > 100) throw new Error("no end");
  }
  return pages;
}

describe("the public list", () => {
  test("only public proposals, newest first; drafts and hidden ones never", async () => {
    const set = await dataset();
    const names = namer(set);
    expect(await names({})).toEqual(["e", "d", "c", "b", "a"]);
    const page = await searchProposals({});
    expect(page).toMatchObject({ sort: "recent", previous: null, next: null, paged: false });
    expect(page.items[1]).toEqual({
      id: set.d.id,
      title: "Un terrain de foot éclairé",
      status: "decided",
      decision: "retained",
      origin: "conseil_citoyen",
      // The council that carries it is named on the card.
      councilName: "Conseil citoyen Grande Résidence",
      ambitionNumber: 3,
      ambitionTitle: "Lutter contre le non-recours, mieux repérer et aller-vers",
      quartierCode: "QP062025",
      quartierName: "Grande Résidence",
      communeSlug: null,
      communeName: null,
      supportCount: 40,
      contributionCount: 1,
      date: "2025-03-05T10:00:00.000000Z",
    });
    // Not even a search for their own words finds them.
    expect(await names({ q: "brouillon" })).toEqual([]);
    expect(await names({ q: "injurieux" })).toEqual([]);
  });

  test.each<[string, ProposalFilters, string[]]>([
    ["pilier 1 (ambitions 1 to 5)", { pilier: 1 }, ["e", "d", "c"]],
    ["pilier 2", { pilier: 2 }, ["b", "a"]],
    ["pilier 3", { pilier: 3 }, []],
    ["ambition 8", { ambition: 8 }, ["b", "a"]],
    ["ambition 8 wins over another pilier", { ambition: 8, pilier: 2 }, ["b", "a"]],
    ["quartier", { quartier: "QP062024" }, ["a"]],
    ["commune given, or a quartier in it", { commune: "lens" }, ["d", "a"]],
    ["commune of a quartier spanning several", { commune: "vendin-le-vieil" }, ["d"]],
    ["commune avion", { commune: "avion" }, ["e", "c"]],
    ["open for support", { status: "published" }, ["a"]],
    ["waiting for an answer", { status: "awaiting" }, ["c", "b"]],
    ["qualified", { status: "qualified" }, ["b"]],
    ["decided (with what is built or done)", { status: "decided" }, ["d"]],
    ["withdrawn", { status: "withdrawn" }, ["e"]],
    ["residents", { origin: "resident" }, ["e", "b", "a"]],
    ["a Labo meeting", { origin: "labo_session" }, ["c"]],
    ["a conseil citoyen", { origin: "conseil_citoyen" }, ["d"]],
    ["ambition and step", { ambition: 8, status: "awaiting" }, ["b"]],
    ["pilier and commune", { pilier: 1, commune: "avion" }, ["e", "c"]],
    ["search and quartier", { q: "écoles", quartier: "QP062028" }, ["b"]],
    ["everything at once", { q: "foot", pilier: 1, ambition: 3, quartier: "QP062025", commune: "lens", status: "decided", origin: "conseil_citoyen" }, ["d"]],
    ["filters that exclude each other", { ambition: 1, quartier: "QP062024" }, []],
  ])("filter: %s", async (_name, filters, expected) => {
    const names = namer(await dataset());
    expect(await names(filters)).toEqual(expected);
    expect((await facets(filters)).total).toBe(expected.length);
  });

  test("sorts: most supported, most discussed; relevance falls back to recent without words", async () => {
    const names = namer(await dataset());
    expect(await names({ sort: "supported" })).toEqual(["d", "b", "c", "a", "e"]);
    expect(await names({ sort: "discussed" })).toEqual(["b", "c", "a", "d", "e"]);
    expect(await names({ sort: "recent" })).toEqual(["e", "d", "c", "b", "a"]);
    expect(await names({ sort: "relevance" })).toEqual(["e", "d", "c", "b", "a"]);
    expect(await names({ sort: "supported", ambition: 8 })).toEqual(["b", "a"]);
  });

  test("ties are broken by id, the same way on every sort", async () => {
    const authorId = await author();
    const when = day(1);
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await insertProposal(db, { authorId, supportCount: 7, contributionCount: 3, createdAt: when }));
    const byIdDesc = rows.map((r) => r.id).sort().reverse();
    for (const sort of ["recent", "supported", "discussed"] as const) {
      expect((await searchProposals({ sort })).items.map((i) => i.id), sort).toEqual(byIdDesc);
    }
  });
});

describe("keyset pagination", () => {
  async function many(count: number, vary: (i: number) => Partial<ProposalFactoryInput>) {
    const authorId = await author();
    const rows = [];
    for (let i = 0; i < count; i++) rows.push(await insertProposal(db, { authorId, ...vary(i) }));
    return rows;
  }

  test("pages of 20, no duplicate, no gap, in the order of the whole list; ties on the sort value included", async () => {
    // Groups of three share a date, a support count and a contribution count.
    await many(45, (i) => ({ createdAt: day(Math.floor(i / 3)), supportCount: Math.floor(i / 3) % 5, contributionCount: i % 4 }));
    for (const sort of ["recent", "supported", "discussed"] as const) {
      const pages = await walk({ sort });
      expect(pages.map((p) => p.length), sort).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
      const all = pages.flat();
      expect(new Set(all).size).toBe(45);
      const whole = await db
        .select({ id: proposals.id })
        .from(proposals)
        .orderBy(
          sql`${sort === "recent" ? proposals.publishedAt : sort === "supported" ? proposals.supportCount : proposals.contributionCount} desc`,
          sql`${proposals.id} desc`,
        );
      expect(all, sort).toEqual(whole.map((r) => r.id));
    }
  });

  test("proposals published in the same millisecond are still told apart (microseconds)", async () => {
    const rows = await many(25, () => ({ createdAt: day(1) }));
    // PostgreSQL keeps microseconds; a JavaScript Date does not: the cursor must not lose them.
    for (const [i, row] of rows.entries()) {
      await db.execute(sql`update proposals set published_at = '2025-03-02 10:00:00.000000+00'::timestamptz + ${i % 7} * interval '1 microsecond' where id = ${row.id}`);
    }
    const pages = await walk({});
    expect(pages.map((p) => p.length)).toEqual([20, 5]);
    expect(new Set(pages.flat()).size).toBe(25);
  });

  test("stable when proposals are added: the next page continues where the last one ended", async () => {
    await many(30, (i) => ({ createdAt: day(i) }));
    const first = await searchProposals({});
    await many(3, (i) => ({ createdAt: day(100 + i) }));
    const second = await searchProposals({ after: first.next! });
    expect(second.items).toHaveLength(10);
    expect(second.items.some((item) => first.items.some((f) => f.id === item.id))).toBe(false);
    expect(second.items[0]!.date < first.items.at(-1)!.date).toBe(true);
    expect(second.next).toBeNull();
  });

  test("back with 'previous', to the same page; the first page has no 'previous'", async () => {
    await many(50, (i) => ({ createdAt: day(i), supportCount: i % 6 }));
    for (const sort of ["recent", "supported"] as const) {
      const one = await searchProposals({ sort });
      const two = await searchProposals({ sort, after: one.next! });
      const three = await searchProposals({ sort, after: two.next! });
      expect(three).toMatchObject({ next: null, paged: true });
      const backToTwo = await searchProposals({ sort, before: three.previous! });
      expect(backToTwo.items.map((i) => i.id)).toEqual(two.items.map((i) => i.id));
      expect(backToTwo).toMatchObject({ paged: true });
      const backToOne = await searchProposals({ sort, before: backToTwo.previous! });
      expect(backToOne.items.map((i) => i.id)).toEqual(one.items.map((i) => i.id));
      expect(backToOne).toMatchObject({ previous: null, paged: false });
    }
  });

  test("deep pages with a filter and a search", async () => {
    await many(44, (i) => ({ ambitionNumber: i % 2 ? 8 : 5, title: `Une école plus verte, numéro ${i}`, supportCount: i % 3 }));
    const filtered = await walk({ ambition: 8, sort: "supported" });
    expect(filtered.map((p) => p.length)).toEqual([20, 2]);
    const searched = await walk({ q: "écoles vertes" });
    expect(searched.map((p) => p.length)).toEqual([20, 20, 4]);
    expect(new Set(searched.flat()).size).toBe(44);
  });

  test("a page marker that is not one is ignored: the first page, never an error", async () => {
    const rows = await many(25, (i) => ({ createdAt: day(i) }));
    const first = (await searchProposals({})).items.map((i) => i.id);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const id = rows[0]!.id;
    const bad = [
      "garbage",
      "",
      b64({}),
      b64(["t", "2025-03-02T10:00:00.000000Z"]),
      b64(["s", "2025-03-02T10:00:00.000000Z", id]), // another sort's marker
      b64(["t", "2025-02-31T10:00:00.000000Z", id]),
      b64(["t", "'); drop table proposals; --", id]),
      b64(["t", "2025-03-02T10:00:00.000000Z", "'; select 1 --"]),
      b64(["t", 12, id]),
      "x".repeat(5000),
    ];
    for (const marker of bad) {
      expect((await searchProposals({ after: marker })).items.map((i) => i.id), marker.slice(0, 40)).toEqual(first);
      expect((await searchProposals({ before: marker })).items.map((i) => i.id)).toEqual(first);
    }
    // A well-formed marker for a proposal that does not exist is just a position in the list.
    const ghost = encodeCursor({ sort: "recent", value: "2025-03-10T12:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" });
    expect((await searchProposals({ after: ghost })).items).toHaveLength(10);
  });
});

describe("full-text search", () => {
  test("French stemming: 'écoles' finds 'école', 'jardins partagés' finds 'jardin partagé'", async () => {
    const names = namer(await dataset());
    expect(await names({ q: "écoles" })).toEqual(expect.arrayContaining(["a", "b"]));
    expect((await names({ q: "écoles" })).sort()).toEqual(["a", "b"]);
    expect(await names({ q: "jardins partagés" })).toEqual(["b"]);
    expect(await names({ q: "\"terrain de foot\"" })).toEqual(["d"]);
    expect(await names({ q: "école -bancs" })).toEqual(["b"]);
    expect(await names({ q: "bibliothèque" })).toEqual([]);
  });

  test("relevance: a word in the title counts more than in the text", async () => {
    const authorId = await author();
    const inBody = await insertProposal(db, { authorId, title: "Des poubelles", body: "Et aussi un composteur près du square.", createdAt: day(2) });
    const inTitle = await insertProposal(db, { authorId, title: "Un composteur collectif", body: "Pour les déchets de cuisine.", createdAt: day(1) });
    const page = await searchProposals({ q: "composteurs" });
    expect(page.sort).toBe("relevance");
    expect(page.items.map((i) => i.id)).toEqual([inTitle.id, inBody.id]);
    // Recent first when asked.
    expect((await searchProposals({ q: "composteurs", sort: "recent" })).items.map((i) => i.id)).toEqual([inBody.id, inTitle.id]);
  });

  test("relevance ties are broken by id; pages go forward and back without duplicates", async () => {
    const authorId = await author();
    for (let i = 0; i < 25; i++) await insertProposal(db, { authorId, title: "Un composteur", body: "Pour les déchets.", createdAt: day(i) });
    const pages = await walk({ q: "composteur" });
    expect(pages.map((p) => p.length)).toEqual([20, 5]);
    expect(pages.flat()).toEqual([...pages.flat()].sort().reverse());
    const one = await searchProposals({ q: "composteur" });
    const two = await searchProposals({ q: "composteur", after: one.next! });
    const back = await searchProposals({ q: "composteur", before: two.previous! });
    expect(back.items.map((i) => i.id)).toEqual(one.items.map((i) => i.id));
  });

  test("relevance ranks the most recent matches (a window); the others stay listed by date", async () => {
    const authorId = await author();
    const rows = Array.from({ length: RELEVANCE_WINDOW + 5 }, (_, i) => ({
      authorId,
      // The oldest is the best match, but outside the window.
      title: i === 0 ? "Composteur, composteur, composteur" : `Idée ${i}`,
      body: "Un composteur pour le quartier.",
      ambitionNumber: 8,
      status: "published" as const,
      publishedAt: new Date(start + i * 60_000),
    }));
    await db.insert(proposals).values(rows);
    const ranked = (await walk({ q: "composteur" })).flat();
    expect(ranked).toHaveLength(RELEVANCE_WINDOW);
    const [oldest] = await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.title, rows[0]!.title));
    expect(ranked).not.toContain(oldest!.id);
    const byDate = (await walk({ q: "composteur", sort: "recent" })).flat();
    expect(byDate).toHaveLength(RELEVANCE_WINDOW + 5);
    expect(byDate.at(-1)).toBe(oldest!.id);
    expect((await facets({ q: "composteur" })).total).toBe(RELEVANCE_WINDOW + 5);
  });

  test("results carry an excerpt with the matching words marked", async () => {
    await dataset();
    const [item] = (await searchProposals({ q: "potager" })).items;
    expect(item!.headline).toContain("\uE000potager\uE001");
    expect((await searchProposals({})).items[0]!.headline).toBeUndefined();
  });

  test("an excerpt says where the text goes on", () => {
    const body = "Les parents attendent la sortie des classes debout, en plein soleil, tous les jours.";
    expect(withEllipses("parents attendent la sortie des \uE000classes\uE001 debout", body)).toBe("… parents attendent la sortie des \uE000classes\uE001 debout …");
    expect(withEllipses("Les parents attendent", body)).toBe("Les parents attendent …");
    expect(withEllipses(body, body)).toBe(body);
  });

  test.each([
    ['"'],
    ['"bancs'],
    ["(bancs"],
    ["bancs)"],
    ["&|!:*"],
    ["bancs & | ! école:*"],
    ["'); drop table proposals; --"],
    ["1 OR 1=1"],
    ["\\"],
    ["%_"],
    ["<script>alert(1)</script>"],
    ["école ".repeat(200)],
    ["a".repeat(1000)],
    ["-"],
    ["or or or"],
    ["😀 bancs 🌳"],
    ["ب ن ك"],
  ])("hostile or odd input %j: an answer, never an error", async (q) => {
    await dataset();
    const page = await searchProposals({ q: q.slice(0, 200) });
    expect(Array.isArray(page.items)).toBe(true);
    const counts = await facets({ q: q.slice(0, 200) });
    expect(counts.total).toBe(page.items.length);
    expect(await proposalsCount()).toBe(7);
  });

  test("words that say nothing ('le', '!!!') are told apart from words that find nothing", async () => {
    expect(await queryHasWords("le")).toBe(false);
    expect(await queryHasWords("!!!")).toBe(false);
    expect(await queryHasWords("école")).toBe(true);
  });
});

async function proposalsCount() {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(proposals);
  return row!.n;
}

describe("counts per filter", () => {
  test("per ambition, quartier, commune, step and origin, without drafts or hidden ones", async () => {
    await dataset();
    expect(await facets({})).toEqual({
      total: 5,
      ambitions: { 1: 1, 3: 1, 4: 1, 8: 2 },
      quartiers: { QP062024: 1, QP062025: 1, QP062028: 1, QP062019: 1 },
      // d counts in each commune of its quartier; a once in Lens although both its quartier and commune are there.
      communes: { lens: 2, "vendin-le-vieil": 1, "loison-sous-lens": 1, lievin: 1, avion: 2 },
      statuses: { published: 1, qualified: 1, under_review: 1, decided: 1, withdrawn: 1 },
      origins: { resident: 3, labo_session: 1, conseil_citoyen: 1 },
    });
  });

  test("each filter's own counts ignore it (to show the other choices); the others apply", async () => {
    await dataset();
    const counts = await facets({ ambition: 8 });
    expect(counts.total).toBe(2);
    expect(counts.ambitions).toEqual({ 1: 1, 3: 1, 4: 1, 8: 2 });
    expect(counts.quartiers).toEqual({ QP062024: 1, QP062028: 1 });
    expect(counts.statuses).toEqual({ published: 1, qualified: 1 });
    expect(counts.origins).toEqual({ resident: 2 });

    const awaiting = await facets({ status: "awaiting", origin: "resident" });
    expect(awaiting.total).toBe(1);
    expect(awaiting.statuses).toEqual({ published: 1, qualified: 1, withdrawn: 1 });
    expect(awaiting.origins).toEqual({ resident: 1, labo_session: 1 });

    const place = await facets({ quartier: "QP062024", commune: "lens" });
    expect(place.total).toBe(1);
    expect(place.quartiers).toEqual({ QP062024: 1, QP062025: 1 });
    expect(place.communes).toEqual({ lens: 1 });

    const pilier = await facets({ pilier: 1, q: "foot" });
    expect(pilier.total).toBe(1);
    expect(pilier.ambitions).toEqual({ 3: 1 });
  });

  test("the counts for an ambition or quartier page", async () => {
    await dataset();
    expect(await countProposalsByStatus({ ambition: 8 })).toEqual({ total: 2, awaiting: 1 });
    expect(await countProposalsByStatus({ quartier: "QP062025" })).toEqual({ total: 1, awaiting: 0 });
    expect(await countProposalsByStatus({ ambition: 12 })).toEqual({ total: 0, awaiting: 0 });
  });
});

test("the latest proposals of an ambition or a quartier, never a draft or a hidden one", async () => {
  const set = await dataset();
  expect((await listLatestProposals({ ambition: 8 })).map((p) => p.id)).toEqual([set.b.id, set.a.id]);
  expect((await listLatestProposals({ quartier: "QP062024" })).map((p) => p.id)).toEqual([set.a.id]);
  const authorId = await author();
  for (let i = 0; i < 7; i++) await insertProposal(db, { authorId, ambitionNumber: 8, createdAt: day(10 + i) });
  expect(await listLatestProposals({ ambition: 8 })).toHaveLength(5);
});
