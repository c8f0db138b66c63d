/**
 * « il y a 3 minutes », « hier », « il y a 2 semaines »; past a month, the date itself. Computed on the
 * server with the page, so the browser shows the same words it was sent. Pure.
 */
import { dateFormat } from "#app/components/dates.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string) {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  return format;
}

export function relativeTime(date: Date, now: Date, locale: string): string {
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  const format = relativeFormat(locale);
  if (elapsed < MINUTE) return format.format(0, "second");
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return format.format(-Math.floor(elapsed / DAY), "day");
  if (elapsed < 30 * DAY) return format.format(-Math.floor(elapsed / (7 * DAY)), "week");
  return dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);
}
