import { describe, expect, test } from "vitest";
import {
  contributionsUrl,
  cutDraft,
  DRAFT_MAX_ENCODED,
  errorRedirectUrl,
  MAX_PAGE,
  parseContributionsView,
  parseFormId,
  readReturnedFormState,
  viewSearch,
} from "./contribution-params.ts";
import { BODY_MAX, NewContributionSchema, EditContributionSchema } from "./contribution.schema.ts";

const ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

describe("the view in the URL", () => {
  test("tri and page, with anything odd falling back to the default", () => {
    const read = (search: string) => parseContributionsView(new URLSearchParams(search));
    expect(read("")).toEqual({ sort: "date", page: 1 });
    expect(read("tri=utiles&page=3")).toEqual({ sort: "useful", page: 3 });
    for (const odd of ["tri=useful", "tri=<script>", "page=0", "page=-1", "page=1e3", "page=02", "page=abc", "page=99999", "page=2.5"]) {
      expect(read(odd), odd).toEqual({ sort: "date", page: 1 });
    }
    expect(read("page=9999")).toEqual({ sort: "date", page: MAX_PAGE });
  });

  test("addresses leave the defaults out", () => {
    expect(viewSearch({ sort: "date", page: 1 })).toBe("");
    expect(viewSearch({ sort: "useful", page: 2 })).toBe("?tri=utiles&page=2");
    expect(contributionsUrl(ID, { sort: "useful" })).toBe(`/propositions/${ID}?tri=utiles#contributions`);
  });
});

describe("the no-JavaScript error contract", () => {
  test("what a failed post puts in the address is what the section reads back", () => {
    const url = errorRedirectUrl({ proposalId: ID, view: { sort: "useful", page: 2 }, form: `reply-${ID}`, error: "duplicate", body: "Mon avis, avec des accents é è & ?", stance: "for" });
    const parsed = new URL(url, "http://localhost");
    expect(parsed.pathname).toBe(`/propositions/${ID}`);
    expect(parsed.hash).toBe(`#repondre-${ID}`);
    expect(parseContributionsView(parsed.searchParams)).toEqual({ sort: "useful", page: 2 });
    expect(readReturnedFormState(parsed.searchParams)).toEqual({
      form: `reply-${ID}`,
      error: "duplicate",
      errors: { body: "contributions:errors.duplicate" },
      values: { body: "Mon avis, avec des accents é è & ?", stance: "for" },
      cut: false,
    });
  });

  test("unknown error keys, forms and stances are ignored", () => {
    expect(readReturnedFormState(new URLSearchParams("contribution_error=__proto__"))).toBeNull();
    expect(readReturnedFormState(new URLSearchParams("contribution_error=toString"))).toBeNull();
    expect(readReturnedFormState(new URLSearchParams("contribution_error=<b>x</b>"))).toBeNull();
    const state = readReturnedFormState(new URLSearchParams("contribution_error=closed&contribution_form=evil&stance=<x>"));
    expect(state).toMatchObject({ form: "new", errors: { form: "contributions:errors.closed" }, values: { body: "", stance: "" } });
    expect(parseFormId("edit-../../x")).toBeNull();
    expect(parseFormId(`item-${ID}`)).toBe(`item-${ID}`);
  });

  test("long drafts are cut so the address stays short, multi-byte characters included", () => {
    for (const char of ["a", "é", "€", "😀", " "]) {
      const { draft, cut } = cutDraft(char.repeat(10_000));
      expect(cut).toBe(true);
      expect(encodeURIComponent(draft).length).toBeLessThanOrEqual(DRAFT_MAX_ENCODED);
      expect(Array.from(draft).length).toBeLessThanOrEqual(BODY_MAX);
      expect(Array.from(draft).every((c) => c === char)).toBe(true);
    }
    expect(cutDraft("Un texte normal.")).toEqual({ draft: "Un texte normal.", cut: false });
  });
});

describe("the contribution schema", () => {
  test("trims, counts a line break once, and treats an empty stance and parent as none", () => {
    const text = `${"a".repeat(1499)}\r\n${"b".repeat(1500)}`;
    const parsed = NewContributionSchema.safeParse({ body: `  ${text}  `, stance: "", parentId: "" });
    expect(parsed.success && parsed.data).toEqual({ body: text.replace("\r\n", "\n"), stance: null, parentId: null });
  });

  test("refuses empty, too short, too long, unknown stances and malformed parents, with keys of the contract", () => {
    const issues = (input: Record<string, unknown>) => {
      const result = NewContributionSchema.safeParse(input);
      // The first message of each field, as parseForm and the client resolver keep it.
      return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({})).toEqual({ body: "contributions:errors.bodyRequired" });
    expect(issues({ body: "  " })).toEqual({ body: "contributions:errors.bodyRequired" });
    expect(issues({ body: "x" })).toEqual({ body: "contributions:errors.bodyTooShort" });
    expect(issues({ body: "x".repeat(BODY_MAX + 1) })).toEqual({ body: "contributions:errors.bodyTooLong" });
    expect(issues({ body: "ok ok", stance: "pour" })).toEqual({ stance: "contributions:errors.stanceInvalid" });
    expect(issues({ body: "ok ok", parentId: "1; drop table" })).toEqual({ parentId: "contributions:errors.parentUnavailable" });
    expect(EditContributionSchema.safeParse({ body: "Corrigé.", stance: "testimony" }).success).toBe(true);
  });
});
