import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseForm, validateFormData } from "./parse-form.server.ts";
import { singleLineText } from "./text.ts";

const Schema = z.object({ name: z.string().trim().min(2, "validation.tooShort"), password: z.string().min(8, "validation.tooShort") });

function post(body: BodyInit, contentType: string) {
  return new Request("http://localhost/x", { method: "POST", body, headers: { "Content-Type": contentType } });
}

describe("parseForm", () => {
  test("returns the typed data when valid", async () => {
    const result = await parseForm(post("name=Nadia&password=longenough", "application/x-www-form-urlencoded"), Schema);
    expect(result).toMatchObject({ ok: true, data: { name: "Nadia", password: "longenough" } });
  });

  test("returns each error by field and keeps what was typed, except secrets", async () => {
    const result = await parseForm(post("name=N&password=short", "application/x-www-form-urlencoded"), Schema);
    expect(result).toEqual({ ok: false, errors: { name: "validation.tooShort", password: "validation.tooShort" }, values: { name: "N" } });
  });

  test("a body that is not a form is a form error, not an exception", async () => {
    const result = await parseForm(post(JSON.stringify({ name: "x" }), "application/json"), Schema);
    expect(result).toMatchObject({ ok: false, errors: { form: "validation.invalidForm" } });
  });

  test("keeps every value of a list field (a schema array, or a name ending in []), in order", async () => {
    const ListSchema = z.object({
      name: z.string(),
      colours: z.array(z.enum(["red", "blue", "green"], { errorMap: () => ({ message: "validation.invalid" }) })).max(2, "validation.tooLong"),
      tags: z.array(z.string()).optional(),
      single: z.string().optional(),
    });
    const valid = await parseForm(post("name=A&colours=red&colours=blue&tags[]=x&tags[]=y&single=1&single=2", "application/x-www-form-urlencoded"), ListSchema);
    expect(valid).toEqual({
      ok: true,
      data: { name: "A", colours: ["red", "blue"], tags: ["x", "y"], single: "2" },
      values: { name: "A", colours: ["red", "blue"], tags: ["x", "y"], single: "2" },
    });
    // One checked box is still a list; none checked is absent (the schema says whether that is allowed).
    expect(await parseForm(post("name=A&colours=green", "application/x-www-form-urlencoded"), ListSchema)).toMatchObject({ ok: true, data: { colours: ["green"] } });
    expect(await parseForm(post("name=A", "application/x-www-form-urlencoded"), ListSchema)).toMatchObject({ ok: false, errors: { colours: "Required" } });
    // Errors about the list or one of its items are the list field's, and the values come back as lists.
    const tooMany = await parseForm(post("name=A&colours=red&colours=blue&colours=green", "application/x-www-form-urlencoded"), ListSchema);
    expect(tooMany).toEqual({ ok: false, errors: { colours: "validation.tooLong" }, values: { name: "A", colours: ["red", "blue", "green"] } });
    const badItem = await parseForm(post("name=A&colours=red&colours=purple", "application/x-www-form-urlencoded"), ListSchema);
    expect(badItem).toMatchObject({ ok: false, errors: { colours: "validation.invalid" } });
  });

  test("refuses invalid UTF-8 (U+FFFD once decoded) and NUL in any field, with a translated message, and shows them as U+FFFD", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("name=Na"), 0xff, 0xfe, ...new TextEncoder().encode("dia&password=longenough")]);
    expect(await parseForm(post(bytes, "application/x-www-form-urlencoded"), Schema)).toEqual({ ok: false, errors: { name: "validation.brokenText" }, values: { name: "Na\uFFFD\uFFFDdia" } });
    expect(await parseForm(post("name=Na%00dia&password=longenough", "application/x-www-form-urlencoded"), Schema)).toEqual({ ok: false, errors: { name: "validation.brokenText" }, values: { name: "Na\uFFFDdia" } });
    // The two-character contribution of the report: two replacement characters, nothing else.
    expect(await parseForm(post("name=%EF%BF%BD%EF%BF%BD&password=longenough", "application/x-www-form-urlencoded"), Schema)).toMatchObject({ ok: false, errors: { name: "validation.brokenText" } });
    // A secret is refused the same way, and still never sent back.
    expect(await parseForm(post("name=Nadia&password=longenough%00", "application/x-www-form-urlencoded"), Schema)).toEqual({ ok: false, errors: { password: "validation.brokenText" }, values: { name: "Nadia" } });
  });

  test("broken text in a field the form does not read is dropped with it, not refused: no page could say where it is", () => {
    const form = new FormData();
    form.set("name", "Nadia");
    form.set("password", "longenough");
    form.set("quartier", "QP\u0000");
    form.set("\uD800", "x");
    expect(validateFormData(form, Schema)).toMatchObject({ ok: true, data: { name: "Nadia", password: "longenough" } });
    const Either = z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), name: z.string() }), z.object({ kind: z.literal("b"), note: z.string() })]);
    const either = new FormData();
    either.set("kind", "a");
    either.set("name", "Nadia");
    either.set("note", "\uD800");
    expect(validateFormData(either, Either)).toMatchObject({ ok: false, errors: { note: "validation.brokenText" } });
  });

  test("refuses half a character (a lone surrogate) too, and keeps the other errors", () => {
    const form = new FormData();
    form.set("name", "N\uD800");
    form.set("password", "short");
    expect(validateFormData(form, Schema)).toEqual({ ok: false, errors: { name: "validation.brokenText", password: "validation.tooShort" }, values: { name: "N\uFFFD" } });
    const fine = new FormData();
    fine.set("name", "Nadia 👩🏽‍🌾 à Liévin");
    fine.set("password", "longenough");
    expect(validateFormData(fine, Schema)).toMatchObject({ ok: true, data: { name: "Nadia 👩🏽‍🌾 à Liévin" } });
  });

  test("a single-line field comes out as one line, whatever was pasted into it", () => {
    const Titled = z.object({ title: singleLineText(z.string().trim().min(5, "validation.tooShort")), body: z.string() });
    const form = new FormData();
    form.set("title", "  Atelier\r\njardin\tpartagé \n ");
    form.set("body", "Ligne 1\r\nLigne 2");
    expect(validateFormData(form, Titled)).toMatchObject({ ok: true, data: { title: "Atelier jardin partagé", body: "Ligne 1\r\nLigne 2" } });
  });
});
