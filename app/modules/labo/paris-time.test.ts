import { describe, expect, test } from "vitest";
import { instantToParis, isDateInput, parisToInstant } from "./paris-time.ts";

describe("Paris time", () => {
  test("winter is UTC+1, summer UTC+2", () => {
    expect(parisToInstant("2026-12-03", "18:30")?.toISOString()).toBe("2026-12-03T17:30:00.000Z");
    expect(parisToInstant("2026-07-04", "18:30")?.toISOString()).toBe("2026-07-04T16:30:00.000Z");
  });

  test("round-trips through the form's inputs, across the change to summer time", () => {
    for (const [date, time] of [
      ["2027-03-28", "01:30"],
      ["2027-03-28", "03:30"],
      ["2026-10-25", "18:00"],
    ] as const) {
      expect(instantToParis(parisToInstant(date, time)!)).toEqual({ date, time });
    }
  });

  test("malformed or impossible dates and times give null", () => {
    expect(parisToInstant("2026-02-30", "10:00")).toBeNull();
    expect(parisToInstant("03/12/2026", "10:00")).toBeNull();
    expect(parisToInstant("2026-12-03", "25:00")).toBeNull();
    expect(isDateInput("2026-13-01")).toBe(false);
  });
});
