import { createEvent } from "ics";
import { appUrl } from "#app/env.server.ts";
import type { EmailAttachment } from "#app/modules/email/send-email.server.ts";
import type { laboSessions } from "#db/schema/index.ts";
import { sessionPlace } from "./registration-rules.ts";

type CalendarSession = Pick<typeof laboSessions.$inferSelect, "id" | "title" | "description" | "placeName" | "placeAddress" | "accessInfo" | "startsAt" | "endsAt" | "updatedAt">;

const DEFAULT_LENGTH_MS = 2.5 * 3600_000;

/**
 * The session as a calendar event (.ics, RFC 5545), attached to the emails. The UID is the session's, and
 * the sequence grows with each edit, so a calendar that imported it updates the event instead of adding one.
 */
export function sessionIcs(session: CalendarSession): string {
  const start = session.startsAt.getTime();
  const end = session.endsAt?.getTime() ?? start + DEFAULT_LENGTH_MS;
  const url = `${appUrl}/labo/${session.id}`;
  const description = [session.description, session.accessInfo, url].filter(Boolean).join("\n\n");
  const { error, value } = createEvent({
    productId: "labo-participation/labo",
    uid: `labo-session-${session.id}@labo-participation`,
    sequence: Math.floor(session.updatedAt.getTime() / 1000),
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end,
    endInputType: "utc",
    endOutputType: "utc",
    title: session.title,
    description,
    location: sessionPlace(session),
    url,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  // Only malformed input makes the library fail, and every field here comes from a validated row.
  if (error || !value) throw error ?? new Error("Calendar event could not be built");
  return value;
}

export function sessionIcsAttachment(session: CalendarSession): EmailAttachment {
  return { filename: "rendez-vous-du-labo.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: Buffer.from(sessionIcs(session), "utf8").toString("base64") };
}
