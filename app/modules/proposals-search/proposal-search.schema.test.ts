import { describe, expect, test } from "vitest";
import { PROPOSAL_STATUSES } from "#db/schema/proposals.ts";
import { PUBLIC_STATUSES } from "#app/modules/proposals/proposal-status.ts";
import {
  cleanQuery,
  effectiveSort,
  MAX_QUERY_LENGTH,
  parseProposalSearch,
  resolveSearch,
  searchHref,
  STATUS_FILTERS,
  type SearchReferential,
} from "./proposal-search.schema.ts";

const parse = (query: string) => parseProposalSearch(new URLSearchParams(query));

describe("reading the list's address", () => {
  test("French names and values become the search", () => {
    expect(parse("q=bancs&pilier=2&ambition=8&quartier=qp062024&commune=lens&statut=en-attente&origine=conseils-citoyens&tri=soutenues")).toEqual({
      search: { q: "bancs", pilier: 2, ambition: 8, quartier: "QP062024", commune: "lens", status: "awaiting", origin: "conseil_citoyen", sort: "supported" },
      ignored: [],
    });
  });

  test("empty fields (a select left on 'all') are not filters; the page markers pass through", () => {
    expect(parse("q=&pilier=&ambition=&quartier=&commune=&statut=&origine=&tri=recentes&apres=abc_-1")).toEqual({ search: { sort: "recent", after: "abc_-1" }, ignored: [] });
  });

  test("values not understood are ignored one by one and named; the others still apply", () => {
    const { search, ignored } = parse("q=bancs&pilier=4x&ambition=03&quartier=../etc&commune=Lens!&statut=published&origine=tous&tri=hasard&apres=%27%3B&avant=a%20b");
    expect(search).toEqual({ q: "bancs" });
    expect(ignored).toEqual(["pilier", "ambition", "quartier", "commune", "statut", "origine", "tri", "apres", "avant"]);
  });

  test.each(["1e1", "+3", "3.0", "-1", "0", "1000", " 3", "３"])("ambition %j is not a number of the referential", (value) => {
    const { search, ignored } = parse(`ambition=${encodeURIComponent(value)}`);
    expect(search.ambition).toBeUndefined();
    if (value.trim()) expect(ignored).toEqual(["ambition"]);
  });

  test("only the first of a repeated parameter counts; unknown parameters are ignored quietly", () => {
    expect(parse("ambition=3&ambition=4&utm_source=x&page=2").search).toEqual({ ambition: 3 });
  });

  test("relevance without words falls back to the default; one page marker at a time", () => {
    expect(parse("tri=pertinence").search).toEqual({});
    expect(parse("apres=a&avant=b").search).toEqual({ after: "a" });
    expect(effectiveSort({})).toBe("recent");
    expect(effectiveSort({ q: "bancs" })).toBe("relevance");
    expect(effectiveSort({ q: "bancs", sort: "supported" })).toBe("supported");
    expect(effectiveSort({ sort: "relevance" })).toBe("recent");
  });

  test("search words are cleaned and cut, never refused", () => {
    expect(cleanQuery("  des   bancs\n\tà l'ombre ")).toBe("des bancs à l'ombre");
    expect(cleanQuery("a\u0000b\u001fc")).toBe("a b c");
    expect(cleanQuery("\uD800école\uDFFF")).toBe("\uFFFDécole\uFFFD");
    expect(cleanQuery("e\u0301cole")).toBe("école");
    expect(cleanQuery("x".repeat(1000))).toHaveLength(MAX_QUERY_LENGTH);
    expect([...cleanQuery("😀".repeat(300))]).toHaveLength(MAX_QUERY_LENGTH);
    expect(parse(`q=${"mot ".repeat(400)}`).search.q!.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parse("q=%00%00").search).toEqual({});
  });
});

describe("checking against the referential", () => {
  const referential: SearchReferential = {
    piliers: [1, 2, 3],
    ambitions: [
      { number: 3, pilierNumber: 1 },
      { number: 8, pilierNumber: 2 },
    ],
    quartiers: ["QP062024"],
    communes: ["lens"],
  };

  test("unknown places and ambitions are dropped and named", () => {
    const { search, ignored } = resolveSearch(parse("pilier=9&ambition=99&quartier=QP999999&commune=paris&q=x"), referential);
    expect(search).toEqual({ q: "x" });
    expect(ignored).toEqual(["pilier", "ambition", "quartier", "commune"]);
  });

  test("an ambition is more precise than a pilier: the pilier goes", () => {
    expect(resolveSearch(parse("pilier=1&ambition=8"), referential).search).toEqual({ ambition: 8 });
    expect(resolveSearch(parse("pilier=1&quartier=QP062024&commune=lens"), referential)).toEqual({ search: { pilier: 1, quartier: "QP062024", commune: "lens" }, ignored: [] });
  });
});

describe("writing the list's address", () => {
  test("French names, in a fixed order; a change goes back to the first page", () => {
    const search = { q: "bancs à l'ombre", ambition: 8, status: "decided", origin: "labo_session", sort: "discussed", after: "abc" } as const;
    expect(searchHref(search)).toBe("/propositions?q=bancs+%C3%A0+l%27ombre&ambition=8&statut=decidees&origine=labo&tri=discutees");
    expect(searchHref(search, { ambition: undefined })).toBe("/propositions?q=bancs+%C3%A0+l%27ombre&statut=decidees&origine=labo&tri=discutees");
    expect(searchHref(search, { after: "def" })).toContain("apres=def");
    expect(searchHref({})).toBe("/propositions");
    expect(searchHref({ sort: "relevance" })).toBe("/propositions");
  });

  test("what is written reads back the same", () => {
    const search = { q: "jardin \"partagé\" -béton", pilier: 1, quartier: "QP062024", commune: "lens", status: "awaiting", origin: "conseil_citoyen", sort: "supported" } as const;
    expect(parse(searchHref(search).split("?")[1]!)).toEqual({ search, ignored: [] });
  });
});

test("the status groups cover each public status; drafts are never a choice", () => {
  const covered = new Set(Object.values(STATUS_FILTERS).flat());
  expect([...covered].sort()).toEqual([...PUBLIC_STATUSES].sort());
  // The public condition of the queries and of the counting index is "not a draft": it must stay that.
  expect(PROPOSAL_STATUSES.filter((s) => !PUBLIC_STATUSES.includes(s))).toEqual(["draft"]);
});
