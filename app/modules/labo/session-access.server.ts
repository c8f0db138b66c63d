import { json } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { requireUser, type AuthenticatedViewer } from "#app/modules/auth/auth.server.ts";
import { canRunLaboSession } from "#app/modules/auth/permissions.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import { laboSessionAnimators, laboSessions } from "#db/schema/index.ts";

export type LaboSessionRow = typeof laboSessions.$inferSelect;
export type RunnableSession = LaboSessionRow & { animatorIds: string[] };

/** The session with its animators' ids, or null for an unknown or malformed id. */
export async function findLaboSession(sessionId: string | undefined): Promise<RunnableSession | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const [session] = await db.select().from(laboSessions).where(eq(laboSessions.id, sessionId)).limit(1);
  if (!session) return null;
  const animators = await db.select({ userId: laboSessionAnimators.userId }).from(laboSessionAnimators).where(eq(laboSessionAnimators.sessionId, sessionId));
  return { ...session, animatorIds: animators.map((a) => a.userId) };
}

/**
 * Guard for the routes that run a session (console, registrants, minutes, edit): unknown → 404,
 * anonymous → sign-in page, signed in without the right → 403.
 */
export async function requireSessionRunner(request: Request, sessionId: string | undefined): Promise<{ viewer: AuthenticatedViewer; session: RunnableSession }> {
  const session = await findLaboSession(sessionId);
  if (!session) throw new Response(null, { status: 404 });
  const viewer = await requireUser(request);
  if (!canRunLaboSession(viewer, session)) throw json({ reason: "forbidden" }, { status: 403 });
  return { viewer, session };
}
