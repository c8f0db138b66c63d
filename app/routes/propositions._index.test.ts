import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { handle, loader } from "./propositions._index.tsx";

const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 10));

function load(query = "", init: Parameters<typeof getRequest>[1] = {}) {
  return settle(loader(loaderArgs(getRequest(`/propositions${query}`, init))));
}

async function someProposals() {
  const author = (await insertUser(db, { password: null })).id;
  const bancs = await insertProposal(db, { authorId: author, title: "Des bancs à l'ombre", ambitionNumber: 8, quartierCode: "QP062024", communeSlug: "lens", createdAt: day(1) });
  const jardin = await insertProposal(db, { authorId: author, title: "Un jardin partagé", body: "Près des écoles.", ambitionNumber: 8, quartierCode: "QP062028", communeSlug: "lievin", status: "qualified", createdAt: day(2) });
  const devoirs = await insertProposal(db, { authorId: author, title: "Aide aux devoirs", ambitionNumber: 1, quartierCode: null, communeSlug: "avion", origin: "labo_session", createdAt: day(3) });
  const draft = await insertProposal(db, { authorId: author, title: "Brouillon de bancs", status: "draft", createdAt: day(4) });
  const hidden = await insertProposal(db, { authorId: author, title: "Bancs masqués", createdAt: day(5) });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  return { bancs, jardin, devoirs, draft, hidden };
}

describe("/propositions", () => {
  test("a read-only page: no JavaScript shipped", () => {
    expect(handle).toMatchObject({ hydrate: false, i18n: ["finding"] });
  });

  test("anyone sees the public proposals, their count, the counts per filter and the choices", async () => {
    const set = await someProposals();
    const response = await load();
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Propositions");
    expect(data.page.items.map((i: { id: string }) => i.id)).toEqual([set.devoirs.id, set.jardin.id, set.bancs.id]);
    expect(data.facets).toMatchObject({ total: 3, ambitions: { 1: 1, 8: 2 }, statuses: { published: 2, qualified: 1 }, origins: { resident: 2, labo_session: 1 } });
    expect(data.facets.communes).toEqual({ lens: 1, lievin: 1, avion: 1 });
    expect(data.options.piliers).toHaveLength(3);
    expect(data.options.quartiers).toHaveLength(21);
    expect(data.options.communes).toHaveLength(36);
    expect(data).toMatchObject({ filtered: false, noWords: false, ignored: [], relevanceEnd: null });
    // Signed in, the same list.
    const user = await insertUser(db, { password: null });
    const signedIn = await (await load("", { cookie: await sessionCookieFor(user.id) })).json();
    expect(signedIn.page.items).toHaveLength(3);
  });

  test("a search: the title says it, the matching words are marked, drafts and hidden ones stay out", async () => {
    const set = await someProposals();
    const data = await (await load("?q=bancs")).json();
    expect(data.title).toBe("Propositions — « bancs »");
    expect(data.page.sort).toBe("relevance");
    // The title match first, then one whose text speaks of benches (the factory's text).
    expect(data.page.items.map((i: { id: string }) => i.id)).toEqual([set.bancs.id, set.devoirs.id]);
    expect(data.page.items[1].headline).toContain("\uE000bancs\uE001");
    expect(data.facets.total).toBe(2);
    const english = await (await load("?q=bancs", { headers: { "Accept-Language": "en" } })).json();
    expect(english.title).toBe("Proposals — “bancs”");
  });

  test("filters from the address, combined; the same counts", async () => {
    const set = await someProposals();
    const data = await (await load("?ambition=8&statut=en-attente")).json();
    expect(data.search).toEqual({ ambition: 8, status: "awaiting" });
    expect(data.page.items.map((i: { id: string }) => i.id)).toEqual([set.jardin.id]);
    expect(data.facets.total).toBe(1);
    expect(data.filtered).toBe(true);
    const place = await (await load("?commune=lens&tri=soutenues")).json();
    expect(place.page).toMatchObject({ sort: "supported" });
    expect(place.page.items.map((i: { id: string }) => i.id)).toEqual([set.bancs.id]);
  });

  test("the form's empty fields: sent to the short, shareable address", async () => {
    const response = await load("?q=bancs&pilier=&ambition=8&quartier=&commune=&statut=&origine=&tri=recentes");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/propositions?q=bancs&ambition=8&tri=recentes");
    const all = await load("?q=&pilier=&ambition=&quartier=&commune=&statut=&origine=");
    expect(all.headers.get("Location")).toBe("/propositions");
  });

  test("what the address asks and is not understood is said, in words, and the rest applies", async () => {
    await someProposals();
    const response = await load("?ambition=99&statut=toutes&quartier=QP999999&q=jardin&tri=hasard");
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.ignored).toEqual(["étape", "tri", "ambition", "quartier"]);
    expect(data.search).toEqual({ q: "jardin" });
    expect(data.page.items).toHaveLength(1);
  });

  test("words that say nothing are told apart from words that find nothing", async () => {
    await someProposals();
    expect(await (await load("?q=le")).json()).toMatchObject({ noWords: true, facets: { total: 0 } });
    expect(await (await load("?q=piscine")).json()).toMatchObject({ noWords: false, facets: { total: 0 } });
  });

  test("pages: 'next' leads to the rest, and back to the start", async () => {
    const author = (await insertUser(db, { password: null })).id;
    for (let i = 0; i < 23; i++) await insertProposal(db, { authorId: author, createdAt: day(i) });
    const first = await (await load("?ambition=8")).json();
    expect(first.page).toMatchObject({ previous: null, paged: false });
    expect(first.page.items).toHaveLength(20);
    const second = await (await load(`?ambition=8&apres=${first.page.next}`)).json();
    expect(second.page).toMatchObject({ next: null, paged: true });
    expect(second.page.items).toHaveLength(3);
    const back = await (await load(`?ambition=8&avant=${second.page.previous}`)).json();
    expect(back.page.items).toEqual(first.page.items);
  });

  test.each([
    "?q=%00",
    "?q=%27%29%3B%20drop%20table%20proposals%3B%20--",
    "?q=%22%28%28%28%20%26%7C%21%3A*",
    `?q=${"%C3%A9cole%20".repeat(400)}`,
    "?q=%E0%A4%A",
    "?q=%F0%9F%98%80",
    "?apres=garbage",
    "?avant=%%%",
    `?apres=${"A".repeat(2000)}&q=${"a".repeat(1000)}`,
    "?ambition=1e1&pilier=-1&quartier=%3Cscript%3E&commune=..%2F..",
    "?tri[]=soutenues&statut[$ne]=x",
    "?q=bancs&q=jardin&ambition=8&ambition=3",
    "?origine=conseils-citoyens&statut=retirees&tri=discutees",
  ])("any address answers, never an error: %#", async (query) => {
    await someProposals();
    const response = await load(query);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(Array.isArray(data.page.items)).toBe(true);
  });
});
