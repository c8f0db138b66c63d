import { and, eq, ne } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { emailPromoted, fillFreeSeatsInTx } from "./fill-free-seats.server.ts";
import { registrationAvailability } from "./registration-rules.ts";
import { hashCancelToken, isCancelTokenShaped } from "./registration-tokens.server.ts";

/** Who cancels: the holder of the link from the confirmation email, or the signed-in registrant. */
export type CancelBy = { token: string } | { sessionId: string; userId: string };

export type CancelResult =
  | { status: "cancelled"; registrationId: string; promoted: string[] }
  | { status: "alreadyCancelled" }
  | { status: "past" }
  | { status: "notFound" };

/**
 * Cancels a registration. When it held a seat, the oldest person on the waiting list gets it in the same
 * transaction (the session row is locked, as for registering) and is emailed once it is committed; with
 * nobody waiting, a full session is open again.
 */
export async function cancelRegistration(by: CancelBy, now = new Date()): Promise<CancelResult> {
  if ("token" in by && !isCancelTokenShaped(by.token)) return { status: "notFound" };
  const outcome = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: laboRegistrations.id, sessionId: laboRegistrations.sessionId })
      .from(laboRegistrations)
      .where(
        "token" in by
          ? eq(laboRegistrations.cancelTokenHash, hashCancelToken(by.token))
          : // At most one live registration per person and session (partial unique index).
            and(eq(laboRegistrations.sessionId, by.sessionId), eq(laboRegistrations.userId, by.userId), ne(laboRegistrations.status, "cancelled")),
      )
      .limit(1);
    if (!found) return { status: "notFound" as const };

    const [session] = await tx.select().from(laboSessions).where(eq(laboSessions.id, found.sessionId)).for("update");
    // Read again under the lock: a concurrent cancellation or promotion may have changed it.
    const [registration] = await tx.select().from(laboRegistrations).where(eq(laboRegistrations.id, found.id));
    if (!session || !registration) return { status: "notFound" as const };
    if (registration.status === "cancelled") return { status: "alreadyCancelled" as const };
    const availability = registrationAvailability(session, now);
    if (availability === "past") return { status: "past" as const };

    await tx.update(laboRegistrations).set({ status: "cancelled", cancelledAt: now }).where(eq(laboRegistrations.id, registration.id));
    // Only a freed seat calls the waiting list (someone leaving the list frees none).
    const promoted = registration.status === "confirmed" ? await fillFreeSeatsInTx(tx, session, now) : [];
    return { status: "cancelled" as const, registrationId: registration.id, promoted, session };
  });

  if (outcome.status !== "cancelled") return outcome;
  await emailPromoted(outcome.session, outcome.promoted);
  return { status: "cancelled", registrationId: outcome.registrationId, promoted: outcome.promoted };
}
