import { and, count, eq, ne } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions, users } from "#db/schema/index.ts";
import { hashCancelToken, isCancelTokenShaped } from "./registration-tokens.server.ts";

/** Seats taken and people waiting (counts only: no one's name). */
export async function registrationCounts(sessionId: string) {
  const rows = await db
    .select({ status: laboRegistrations.status, n: count() })
    .from(laboRegistrations)
    .where(and(eq(laboRegistrations.sessionId, sessionId), ne(laboRegistrations.status, "cancelled")))
    .groupBy(laboRegistrations.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { confirmed: of("confirmed"), waitlisted: of("waitlisted") };
}

/** The signed-in person's live registration for the session, if any. */
export async function findUserRegistration(sessionId: string, userId: string) {
  const [row] = await db
    .select({ id: laboRegistrations.id, status: laboRegistrations.status })
    .from(laboRegistrations)
    .where(and(eq(laboRegistrations.sessionId, sessionId), eq(laboRegistrations.userId, userId), ne(laboRegistrations.status, "cancelled")))
    .limit(1);
  return row ?? null;
}

/** What the cancel link points at: the registration (shown only to the link's holder) and its session. */
export async function findRegistrationByCancelToken(token: unknown) {
  if (!isCancelTokenShaped(token)) return null;
  const [row] = await db
    .select({
      registration: { id: laboRegistrations.id, status: laboRegistrations.status, name: laboRegistrations.name, accountName: users.displayName },
      session: laboSessions,
    })
    .from(laboRegistrations)
    .innerJoin(laboSessions, eq(laboSessions.id, laboRegistrations.sessionId))
    .leftJoin(users, eq(users.id, laboRegistrations.userId))
    .where(eq(laboRegistrations.cancelTokenHash, hashCancelToken(token)))
    .limit(1);
  return row ?? null;
}
