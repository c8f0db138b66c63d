import { describe, expect, test } from "vitest";
import { ActorSchema, ExperienceSchema, MethodSchema, splitSteps, toEntryInput, TITLE_MAX } from "./toolbox.schema.ts";

const experience = {
  title: "  Un jardin partagé à la cité 12-14 ",
  summary: "Des bacs de culture au pied des immeubles.",
  whatWorked: "Les enfants arrosent.",
  ambitionNumbers: ["8", "2", "8"],
  communeSlugs: "lens",
  quartierCode: "QP062024",
  organisation: "Centre social",
  publicContact: "contact@exemple.org",
  steps: "should be dropped",
};

describe("experience schema", () => {
  test("a complete fiche parses; a single box is a list; duplicates go; another kind's fields are dropped", () => {
    const parsed = ExperienceSchema.parse(experience);
    expect(parsed).toMatchObject({ title: "Un jardin partagé à la cité 12-14", ambitionNumbers: [2, 8], communeSlugs: ["lens"], quartierCode: "QP062024", whatDidNot: "" });
    expect(toEntryInput(parsed).steps).toBe("");
  });

  test.each([
    ["no title", { title: "  " }, "title", "validation.required"],
    ["a title too long", { title: "a".repeat(TITLE_MAX + 1) }, "title", "validation.tooLong"],
    ["nothing on what worked", { whatWorked: "" }, "whatWorked", "validation.required"],
    ["ambition 13", { ambitionNumbers: ["13"] }, "ambitionNumbers", "toolbox:validation.unknownAmbition"],
    ["a made-up quartier code", { quartierCode: "Lens centre" }, "quartierCode", "toolbox:validation.unknownQuartier"],
    ["a commune that is not a slug", { communeSlugs: ["Lens Centre"] }, "communeSlugs", "toolbox:validation.unknownCommune"],
  ])("%s is refused on its field", (_name, change, field, message) => {
    const result = ExperienceSchema.safeParse({ ...experience, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });

  test("an empty quartier is none", () => {
    expect(ExperienceSchema.parse({ ...experience, quartierCode: "" }).quartierCode).toBeNull();
  });
});

describe("method schema", () => {
  const method = { title: "Le porteur de parole", summary: "Une question sur un panneau.", steps: "Choisir la question\nInstaller le panneau", durationMinutes: "90" };

  test("the duration is a number of minutes; steps are required", () => {
    expect(MethodSchema.parse(method).durationMinutes).toBe(90);
    expect(MethodSchema.parse({ ...method, durationMinutes: "" }).durationMinutes).toBeNull();
    expect(MethodSchema.safeParse({ ...method, steps: "" }).success).toBe(false);
  });

  test.each(["0", "1441", "une heure", "1e2", "-5"])("duration %s is refused", (durationMinutes) => {
    const result = MethodSchema.safeParse({ ...method, durationMinutes });
    expect(result.error?.issues[0]?.message).toBe("toolbox:validation.durationInvalid");
  });

  test("the steps are the non-empty lines, without the numbers or dashes typed before them", () => {
    expect(splitSteps("1. Choisir la question\n\n- Installer le panneau\r\n  2) Noter les réponses  ")).toEqual(["Choisir la question", "Installer le panneau", "Noter les réponses"]);
  });
});

describe("actor schema", () => {
  test("an actor needs what they carry; a place typed on several lines becomes one line", () => {
    const actor = { title: "Régie de quartier\nLens", summary: "Une régie.", actions: "Entretien des espaces verts." };
    expect(ActorSchema.parse(actor).title).toBe("Régie de quartier Lens");
    expect(ActorSchema.safeParse({ ...actor, actions: "" }).success).toBe(false);
  });
});
