import { expect, test } from "vitest";
import { relativeTime } from "./relative-time.ts";

test("recent notices say how long ago, older ones their date", () => {
  const now = new Date("2027-03-15T12:00:00Z");
  const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms), now, "fr");
  expect(ago(10_000)).toBe("maintenant");
  expect(ago(3 * 60_000)).toBe("il y a 3 minutes");
  expect(ago(2 * 3600_000)).toBe("il y a 2 heures");
  expect(ago(26 * 3600_000)).toBe("hier");
  expect(ago(15 * 86_400_000)).toBe("il y a 2 semaines");
  expect(ago(60 * 86_400_000)).toBe("14 janvier 2027");
  expect(relativeTime(new Date(now.getTime() - 3 * 60_000), now, "en")).toBe("3 minutes ago");
  // A clock a little ahead of the database's: never « dans 2 secondes ».
  expect(ago(-2000)).toBe("maintenant");
});
