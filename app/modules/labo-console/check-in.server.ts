import { and, eq, ne, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { laboRegistrations } from "#db/schema/index.ts";

export type SessionClosed = { status: "cancelled" };

/** Sessions that are cancelled take no more check-ins, walk-ins or captures. */
export function isClosed(session: { status: string }) {
  return session.status === "cancelled";
}

/**
 * Marks a registered person present (or not, to undo a wrong tap). Checking in twice keeps the first
 * time. A waitlisted person who came is checked in too: on the day, everyone who came counts.
 */
export async function setCheckIn({
  session,
  registrationId,
  present,
}: {
  session: { id: string; status: string };
  registrationId: string;
  present: boolean;
}): Promise<{ status: "ok" } | { status: "not_found" } | SessionClosed> {
  if (isClosed(session)) return { status: "cancelled" };
  const rows = await db
    .update(laboRegistrations)
    .set({ checkedInAt: present ? sql`coalesce(${laboRegistrations.checkedInAt}, now())` : null })
    .where(and(eq(laboRegistrations.id, registrationId), eq(laboRegistrations.sessionId, session.id), ne(laboRegistrations.status, "cancelled")))
    .returning({ id: laboRegistrations.id });
  return rows.length ? { status: "ok" } : { status: "not_found" };
}

/**
 * Someone who came without registering: added present at once, whatever the capacity (nobody is sent
 * home from a rendez-vous du Labo). A first name is optional.
 */
export async function addWalkIn({
  session,
  name,
  newcomer,
}: {
  session: { id: string; status: string };
  name: string | null;
  newcomer: boolean;
}): Promise<{ status: "ok"; registrationId: string } | SessionClosed> {
  if (isClosed(session)) return { status: "cancelled" };
  const [row] = await db
    .insert(laboRegistrations)
    .values({ sessionId: session.id, name, source: "walk_in", status: "confirmed", isNewcomer: newcomer, checkedInAt: sql`now()` })
    .returning({ id: laboRegistrations.id });
  return { status: "ok", registrationId: row!.id };
}
