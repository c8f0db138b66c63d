import type { LaboSessionStatus } from "#db/schema/labo.ts";

/**
 * Whether people may still register for a session (pure: the page and the use case share it).
 * A draft is not public yet; a cancelled session and one that has started are closed.
 */
export type RegistrationAvailability = "open" | "draft" | "cancelled" | "past";

export function registrationAvailability(session: { status: LaboSessionStatus; startsAt: Date | string }, now = new Date()): RegistrationAvailability {
  if (session.status === "draft") return "draft";
  if (session.status === "cancelled") return "cancelled";
  if (session.status === "held" || session.status === "minutes_published" || new Date(session.startsAt).getTime() <= now.getTime()) return "past";
  return "open";
}

/** "jeudi 3 décembre 2026, 18:00 – 20:30" in the reader's language, Paris time. */
export function sessionWhen(session: { startsAt: Date | string; endsAt: Date | string | null }, locale: string) {
  const format = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const start = new Date(session.startsAt);
  return session.endsAt ? format.formatRange(start, new Date(session.endsAt)) : format.format(start);
}

/** The place in one line: name, then address. */
export function sessionPlace(session: { placeName: string; placeAddress: string | null }) {
  return session.placeAddress ? `${session.placeName}, ${session.placeAddress}` : session.placeName;
}
