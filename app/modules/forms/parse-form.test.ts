import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseForm } from "./parse-form.server.ts";

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

  test("strips NUL bytes and survives invalid UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("name=Na"), 0xff, 0xfe, ...new TextEncoder().encode("%00dia&password=longenough")]);
    const result = await parseForm(post(bytes, "application/x-www-form-urlencoded"), Schema);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.name).not.toContain("\u0000");
  });
});
