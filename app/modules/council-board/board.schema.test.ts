import { describe, expect, test } from "vitest";
import { boardSearch, COUNCIL_CODE, parseBoardFilters, sortSearch } from "./board.schema.ts";

const parse = (query: string) => parseBoardFilters(new URLSearchParams(query));

describe("the board's sort and filters in the address", () => {
  test("French words are read; without them, the longest waits first and everything shown", () => {
    expect(parse("")).toEqual({ sort: "attente", order: "desc", type: null, state: null });
    expect(parse("tri=echeance&type=interpellations&etat=en-retard")).toEqual({ sort: "echeance", order: "asc", type: "interpellations", state: "en-retard" });
    expect(parse("tri=titre&ordre=desc&type=suivies&etat=repondues")).toEqual({ sort: "titre", order: "desc", type: "suivies", state: "repondues" });
  });

  test("a bad value falls back to its default instead of failing: unknown words, NUL, broken bytes, repeated or empty parameters", () => {
    const fallback = { sort: "attente", order: "desc", type: null, state: null };
    expect(parse("tri=prix&ordre=haut&type=toutes&etat=perdu")).toEqual(fallback);
    expect(parse("tri=titre%00&type=portees%00&etat=%00")).toEqual(fallback);
    expect(parse("tri=%C3%28&ordre=%FF&type=%ED%A0%80")).toEqual(fallback);
    expect(parse("type=&etat=&tri=&ordre=")).toEqual(fallback);
    expect(parse("tri=TITRE&type=Portees")).toEqual(fallback);
    expect(parse("tri=titre&tri=statut")).toMatchObject({ sort: "titre" });
    expect(parse(`type=${"x".repeat(100_000)}`)).toEqual(fallback);
  });

  test("links keep the filters and leave the defaults out; a column header flips the order of the current sort only", () => {
    const filters = parse("type=portees&tri=echeance");
    expect(boardSearch(parse(""))).toBe("");
    expect(boardSearch(filters)).toBe("?tri=echeance&type=portees");
    expect(sortSearch(filters, "echeance")).toBe("?tri=echeance&ordre=desc&type=portees");
    expect(sortSearch(filters, "titre")).toBe("?tri=titre&type=portees");
    expect(sortSearch(parse(""), "attente")).toBe("?ordre=asc");
  });

  test("a council's code is QP and six digits", () => {
    expect(["QP062024", "QP059001"].every((c) => COUNCIL_CODE.test(c))).toBe(true);
    expect(["qp062024", "QP06202", "QP0620245", "QP062024 ", "../QP062024", "QP06202x"].some((c) => COUNCIL_CODE.test(c))).toBe(false);
  });
});
