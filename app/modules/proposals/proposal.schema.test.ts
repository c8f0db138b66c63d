import { describe, expect, test } from "vitest";
import { NewProposalSchema, parseProposalId, ProposalSchema, ProposalUpdateSchema, WithdrawProposalSchema } from "./proposal.schema.ts";

const valid = {
  title: "  Des bancs à l'ombre devant l'école  ",
  body: "Les parents attendent la sortie des classes debout, en plein soleil.",
  ambitionNumber: "8",
  secondaryAmbitions: ["2", "4"],
  axes: ["transition_ecologique"],
  quartierCode: "QP062024",
  communeSlug: "lens",
  placeDescription: "Rue de la Gare",
};

function errorsOf(input: Record<string, unknown>, schema: typeof ProposalSchema | typeof NewProposalSchema = ProposalSchema) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]).reverse());
}

describe("ProposalSchema", () => {
  test("a complete proposal: trimmed, numbers and lists typed", () => {
    expect(ProposalSchema.parse(valid)).toEqual({
      title: "Des bancs à l'ombre devant l'école",
      body: valid.body,
      ambitionNumber: 8,
      secondaryAmbitions: [2, 4],
      axes: ["transition_ecologique"],
      quartierCode: "QP062024",
      communeSlug: "lens",
      placeDescription: "Rue de la Gare",
    });
  });

  test("the optional fields may be left out or empty", () => {
    expect(ProposalSchema.parse({ title: valid.title, body: valid.body, ambitionNumber: "1", communeSlug: "avion", quartierCode: "", placeDescription: "  " })).toMatchObject({
      secondaryAmbitions: [],
      axes: [],
      quartierCode: null,
      communeSlug: "avion",
      placeDescription: null,
    });
  });

  test("checkboxes as react-hook-form gives them (false when none, a string for one) and as parseForm does", () => {
    expect(ProposalSchema.parse({ ...valid, secondaryAmbitions: false, axes: "participation_habitants" })).toMatchObject({ secondaryAmbitions: [], axes: ["participation_habitants"] });
    expect(ProposalSchema.parse({ ...valid, secondaryAmbitions: ["3", "3"] })).toMatchObject({ secondaryAmbitions: [3] });
  });

  test("title: 10 to 150 characters after trimming", () => {
    expect(errorsOf({ ...valid, title: "" })).toMatchObject({ title: "validation.required" });
    expect(errorsOf({ ...valid, title: "   Bancs      " })).toMatchObject({ title: "proposals:validation.titleTooShort" });
    expect(errorsOf({ ...valid, title: "x".repeat(151) })).toMatchObject({ title: "proposals:validation.titleTooLong" });
    expect(errorsOf({ ...valid, title: "x".repeat(10_000) })).toMatchObject({ title: "proposals:validation.titleTooLong" });
    expect(errorsOf({ ...valid, title: "x".repeat(150) })).toEqual({});
  });

  test("body: 30 to 5000 characters", () => {
    expect(errorsOf({ ...valid, body: undefined })).toMatchObject({ body: "validation.required" });
    expect(errorsOf({ ...valid, body: "Trop court." })).toMatchObject({ body: "proposals:validation.bodyTooShort" });
    expect(errorsOf({ ...valid, body: "x".repeat(5001) })).toMatchObject({ body: "proposals:validation.bodyTooLong" });
  });

  test("main ambition: required, a number from 1 to 12 written plainly", () => {
    expect(errorsOf({ ...valid, ambitionNumber: undefined })).toMatchObject({ ambitionNumber: "proposals:validation.ambitionRequired" });
    expect(errorsOf({ ...valid, ambitionNumber: null })).toMatchObject({ ambitionNumber: "proposals:validation.ambitionRequired" });
    expect(errorsOf({ ...valid, ambitionNumber: "" })).toMatchObject({ ambitionNumber: "proposals:validation.ambitionRequired" });
    for (const bad of ["0", "13", "08", "1e1", "8 ", "-1", "huit"]) expect(errorsOf({ ...valid, ambitionNumber: bad }), bad).toMatchObject({ ambitionNumber: "validation.invalid" });
  });

  test("secondary ambitions: at most 3, valid numbers, never the main one", () => {
    expect(errorsOf({ ...valid, secondaryAmbitions: ["1", "2", "3", "4"] })).toMatchObject({ secondaryAmbitions: "proposals:validation.tooManySecondaryAmbitions" });
    expect(errorsOf({ ...valid, secondaryAmbitions: ["1", "13"] })).toMatchObject({ secondaryAmbitions: "validation.invalid" });
    expect(errorsOf({ ...valid, secondaryAmbitions: ["8"] })).toMatchObject({ secondaryAmbitions: "proposals:validation.secondaryIsMain" });
  });

  test("axes: keys of the referential's form", () => {
    expect(errorsOf({ ...valid, axes: ["'; drop table proposals; --"] })).toMatchObject({ axes: "validation.invalid" });
  });

  test("a quartier or a commune, at least one", () => {
    expect(errorsOf({ ...valid, quartierCode: "", communeSlug: "" })).toMatchObject({ quartierCode: "proposals:validation.placeRequired" });
    expect(errorsOf({ ...valid, communeSlug: "" })).toEqual({});
    expect(errorsOf({ ...valid, quartierCode: "" })).toEqual({});
    expect(errorsOf({ ...valid, communeSlug: "<script>" })).toMatchObject({ communeSlug: "validation.invalid" });
  });

  test("place description: 300 characters at most", () => {
    expect(errorsOf({ ...valid, placeDescription: "x".repeat(301) })).toMatchObject({ placeDescription: "proposals:validation.placeTooLong" });
  });
});

describe("NewProposalSchema", () => {
  test("knows which button was pressed; anything else is no choice (kept as a draft by the use case's caller)", () => {
    expect(NewProposalSchema.parse({ ...valid, intent: "publish" }).intent).toBe("publish");
    expect(NewProposalSchema.parse({ ...valid, intent: "draft" }).intent).toBe("draft");
    expect(NewProposalSchema.parse({ ...valid, intent: "delete" }).intent).toBeUndefined();
    expect(NewProposalSchema.parse(valid).intent).toBeUndefined();
  });
});

describe("author actions", () => {
  test("an update: 10 to 2000 characters", () => {
    expect(ProposalUpdateSchema.safeParse({ text: "  Court  " }).success).toBe(false);
    expect(ProposalUpdateSchema.parse({ text: "  La mairie a répondu : les bancs arrivent en mai.  " })).toEqual({ text: "La mairie a répondu : les bancs arrivent en mai." });
    expect(ProposalUpdateSchema.safeParse({ text: "x".repeat(2001) }).success).toBe(false);
  });

  test("a withdrawal reason is optional, 500 characters at most", () => {
    expect(WithdrawProposalSchema.parse({})).toEqual({ reason: null });
    expect(WithdrawProposalSchema.parse({ reason: "  " })).toEqual({ reason: null });
    expect(WithdrawProposalSchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
  });
});

test("proposal ids are UUIDs; anything else is not one", () => {
  expect(parseProposalId("A4EF35F9-6651-4BF3-B073-49E04A9C0CD4")).toBe("a4ef35f9-6651-4bf3-b073-49e04a9c0cd4");
  for (const bad of [undefined, "", "12", "nouvelle", "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4x", "../etc/passwd", "' or 1=1 --"]) expect(parseProposalId(bad)).toBeNull();
});

test("a title pasted with line breaks comes out as one line", () => {
  const parsed = ProposalSchema.safeParse({ ...valid, title: "Des bancs\r\nà l'ombre\n  devant l'école" });
  expect(parsed.success && parsed.data.title).toBe("Des bancs à l'ombre devant l'école");
});
