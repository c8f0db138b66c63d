import { describe, expect, test } from "vitest";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { atelierRowCount, LaboSessionSchema, parseAgendaFilters } from "./labo-session.schema.ts";
import { instantToParis } from "./paris-time.ts";

const nextWeek = instantToParis(new Date(Date.now() + 7 * 24 * 3600_000)).date;

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const valid = {
  title: "Se déplacer sans voiture",
  communeSlug: "avion",
  placeName: "Salle des fêtes",
  date: nextWeek,
  startTime: "18:00",
  endTime: "20:30",
  capacity: "40",
  ambitionNumbers: ["4", "9"],
  atelier0Title: "Bus et horaires",
  atelier0Question: "Qu'est-ce qui vous empêche de prendre le bus ?",
  atelier0Facilitator: "Karim",
  atelier1Title: "",
  atelier1Question: "",
  intent: "announce",
};

describe("LaboSessionSchema", () => {
  test("a valid form gives the session in Paris time, its ambitions and the filled ateliers only", () => {
    const parsed = validateFormData(form(valid), LaboSessionSchema);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.intent).toBe("announce");
    expect(instantToParis(parsed.data.input.startsAt)).toEqual({ date: nextWeek, time: "18:00" });
    expect(parsed.data.input.endsAt.getTime() - parsed.data.input.startsAt.getTime()).toBe(2.5 * 3600_000);
    expect(parsed.data.input.ambitionNumbers).toEqual([4, 9]);
    expect(parsed.data.input.capacity).toBe(40);
    expect(parsed.data.input.ateliers).toEqual([{ title: "Bus et horaires", question: "Qu'est-ce qui vous empêche de prendre le bus ?", facilitatorName: "Karim" }]);
  });

  test("without a button, it stays a draft", () => {
    const { intent: _intent, ...rest } = valid;
    const parsed = validateFormData(form(rest), LaboSessionSchema);
    expect(parsed.ok && parsed.data.intent).toBe("draft");
  });

  test.each([
    ["a date in the past", { date: "2020-01-15" }, "date", "labo:validation.dateInPast"],
    ["an end before the start", { startTime: "18:00", endTime: "17:00" }, "endTime", "labo:validation.endBeforeStart"],
    ["an end equal to the start", { startTime: "18:00", endTime: "18:00" }, "endTime", "labo:validation.endBeforeStart"],
    ["capacity 0", { capacity: "0" }, "capacity", "labo:validation.capacityTooSmall"],
    ["capacity not a number", { capacity: "quarante" }, "capacity", "labo:validation.capacityNotNumber"],
    ["capacity negative", { capacity: "-5" }, "capacity", "labo:validation.capacityNotNumber"],
    ["no capacity", { capacity: "" }, "capacity", "labo:validation.capacityRequired"],
    ["no commune", { communeSlug: "" }, "communeSlug", "labo:validation.communeRequired"],
    ["a malformed commune", { communeSlug: "Nulle Part!" }, "communeSlug", "labo:validation.unknownCommune"],
    ["an impossible date", { date: "2026-02-30" }, "date", "labo:validation.dateInvalid"],
    ["an atelier without its question", { atelier0Question: "" }, "atelier0Question", "labo:validation.atelierQuestionRequired"],
    ["an atelier with only a facilitator", { atelier1Facilitator: "Amandine" }, "atelier1Title", "labo:validation.atelierTitleRequired"],
    ["an unknown ambition number", { ambitionNumbers: ["13"] }, "ambitionNumbers", "validation.invalid"],
  ])("refuses %s with a clear message on the field", (_name, change, field, message) => {
    const parsed = validateFormData(form({ ...valid, ...change }), LaboSessionSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[field]).toBe(message);
    // Nothing typed is lost.
    expect(parsed.values.title).toBe(valid.title);
  });
});

describe("atelierRowCount", () => {
  test("three rows at least, as many as asked, never fewer than the rows holding text", () => {
    expect(atelierRowCount({})).toBe(3);
    expect(atelierRowCount({}, "5")).toBe(5);
    expect(atelierRowCount({ atelier6Title: "Jeunes" }, "2")).toBe(7);
    expect(atelierRowCount({}, "999")).toBe(12);
  });
});

describe("parseAgendaFilters", () => {
  test("keeps a commune and an ambition that look right, ignores the rest", () => {
    expect(parseAgendaFilters(new URLSearchParams("commune=avion&ambition=4"))).toEqual({ communeSlug: "avion", ambitionNumber: 4 });
    expect(parseAgendaFilters(new URLSearchParams("commune=%27;drop&ambition=44"))).toEqual({ communeSlug: null, ambitionNumber: null });
  });
});
