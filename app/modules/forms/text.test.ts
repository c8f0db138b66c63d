import { describe, expect, test } from "vitest";
import { isBrokenText, searchText, singleLine } from "./text.ts";

describe("isBrokenText", () => {
  test("NUL, the replacement character and half characters are broken; every real character is fine", () => {
    for (const text of ["a\u0000b", "\uFFFD\uFFFD", "x\uD800", "\uDC00y", "\uDC00\uD800"]) expect(isBrokenText(text), JSON.stringify(text)).toBe(true);
    for (const text of ["", "Liévin — « ça va »", "👩🏽‍🌾", "ligne 1\r\nligne 2", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]) expect(isBrokenText(text), text).toBe(false);
  });
});

test("singleLine: line breaks, tabs, control characters and runs of spaces become one space", () => {
  expect(singleLine(" Rendez-vous\r\ndu\tLabo\u0000 \u000b à  Avion \n")).toBe("Rendez-vous du Labo à Avion");
});

test("searchText: any search word can be read, cut at the length given", () => {
  expect(searchText("\u0000", 100)).toBe("");
  expect(searchText("a\u0000b", 100)).toBe("a b");
  expect(searchText("x\uD800", 100)).toBe("x\uFFFD");
  expect(searchText("jardin  partagé\n", 100)).toBe("jardin partagé");
  expect(searchText("é".repeat(300), 100)).toBe("é".repeat(100));
});
