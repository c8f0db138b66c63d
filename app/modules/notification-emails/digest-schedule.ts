/**
 * When digests leave: every day at 07:00 Paris time, and on Mondays at 07:00 for the weekly one, whatever
 * the server's time zone and across summer time. Pure.
 */
import { instantToParis, parisToInstant } from "#app/modules/labo/paris-time.ts";

export type DigestRhythm = "daily" | "weekly";

const HOUR = "07:00";
const MONDAY = 1;

function addDays(date: string, days: number) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const at = (date: string) => parisToInstant(date, HOUR)!;

/** The last slot at or before `now`: its instant, and its Paris date (which names the digest). */
export function latestDigestSlot(rhythm: DigestRhythm, now: Date): { at: Date; date: string } {
  let date = instantToParis(now).date;
  if (at(date) > now) date = addDays(date, -1);
  if (rhythm === "weekly") date = addDays(date, -((weekday(date) - MONDAY + 7) % 7));
  return { at: at(date), date };
}

/** The first slot after `now`: when the job runs next. */
export function nextDigestSlot(rhythm: DigestRhythm, now: Date): Date {
  return at(addDays(latestDigestSlot(rhythm, now).date, rhythm === "daily" ? 1 : 7));
}
