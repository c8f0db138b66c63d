import { and, asc, count, eq, inArray } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { emailableRecipients, sendPromotionEmail } from "./registration-emails.server.ts";
import { registrationAvailability } from "./registration-rules.ts";

type SessionRow = typeof laboSessions.$inferSelect;

/**
 * Inside a transaction that holds the session row's lock: gives the free seats to the waiting list, oldest
 * first, and keeps the session's `full` / `announced` status in step. Returns the promoted registrations.
 */
export async function fillFreeSeatsInTx(tx: Db, session: SessionRow, now: Date): Promise<string[]> {
  if (registrationAvailability(session, now) !== "open") return [];
  const [{ confirmed } = { confirmed: 0 }] = await tx
    .select({ confirmed: count() })
    .from(laboRegistrations)
    .where(and(eq(laboRegistrations.sessionId, session.id), eq(laboRegistrations.status, "confirmed")));
  const free = session.capacity === null ? Number.MAX_SAFE_INTEGER : session.capacity - confirmed;
  const next =
    free > 0
      ? await tx
          .select({ id: laboRegistrations.id })
          .from(laboRegistrations)
          .where(and(eq(laboRegistrations.sessionId, session.id), eq(laboRegistrations.status, "waitlisted")))
          .orderBy(asc(laboRegistrations.createdAt), asc(laboRegistrations.id))
          .limit(Math.min(free, 10_000))
      : [];
  const promoted = next.map((r) => r.id);
  if (promoted.length) await tx.update(laboRegistrations).set({ status: "confirmed", promotedAt: now }).where(inArray(laboRegistrations.id, promoted));
  const status = session.capacity !== null && confirmed + promoted.length >= session.capacity ? "full" : "announced";
  if (status !== session.status) await tx.update(laboSessions).set({ status }).where(eq(laboSessions.id, session.id));
  return promoted;
}

export async function emailPromoted(session: SessionRow, registrationIds: string[]) {
  if (!registrationIds.length) return;
  for (const recipient of await emailableRecipients({ sessionId: session.id, registrationIds })) await sendPromotionEmail(session, recipient);
}

/**
 * After a session's capacity changed (its edit use case calls this once committed): seats added go to the
 * waiting list, who are emailed; the session is `full` or `announced` as its seats say. Fewer seats never
 * take a confirmed seat away.
 */
export async function fillFreeSeats(sessionId: string, now = new Date()): Promise<{ promoted: number }> {
  const outcome = await db.transaction(async (tx) => {
    const [session] = await tx.select().from(laboSessions).where(eq(laboSessions.id, sessionId)).for("update");
    if (!session) return null;
    return { session, promoted: await fillFreeSeatsInTx(tx, session, now) };
  });
  if (!outcome) return { promoted: 0 };
  await emailPromoted(outcome.session, outcome.promoted);
  return { promoted: outcome.promoted.length };
}
