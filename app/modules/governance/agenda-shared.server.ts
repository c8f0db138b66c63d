/**
 * What the agenda, decision, publication and correction use cases share: the meeting row locked for
 * the transaction (so building the agenda, recording decisions and publishing never interleave), the
 * item checked to belong to it, and the meeting named in words for an author's email.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { dateFormat } from "#app/components/dates.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { agendaItems, governanceMeetings } from "#db/schema/index.ts";

export type LockedMeeting = typeof governanceMeetings.$inferSelect;
export type LockedItem = typeof agendaItems.$inferSelect;

export async function lockMeeting(tx: Db, meetingId: string): Promise<LockedMeeting | null> {
  const [meeting] = await tx.select().from(governanceMeetings).where(eq(governanceMeetings.id, meetingId)).for("update");
  return meeting ?? null;
}

/** The item, if it is on this meeting's agenda (an item of another meeting is "not found" here). */
export async function findItem(tx: Db, meetingId: string, itemId: string): Promise<LockedItem | null> {
  const [item] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  return item ?? null;
}

/** The date of a meeting, as residents read it: "12 mars 2027" / "March 12, 2027" (Paris time). */
export function meetingDate(startsAt: Date, locale: string) {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(startsAt);
}

/**
 * The meeting as the step email says it ("Le {{meeting}} a pris une décision"): "comité de pilotage du
 * 12 mars 2027" in French, "steering committee meeting of March 12, 2027" in English.
 */
export async function meetingLabel(meeting: { bodyKey: string; title: string; startsAt: Date }, locale: "fr" | "en") {
  const t = await getFixedT(locale, "copil");
  const known = meeting.bodyKey === "copil" || meeting.bodyKey === "gtp";
  return t(`meetingLabel.${known ? meeting.bodyKey : "other"}`, { date: meetingDate(meeting.startsAt, locale), title: meeting.title });
}
