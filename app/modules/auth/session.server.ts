// The only file that imports lucia (deprecated upstream): replacing it later touches this file alone.
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { db } from "#app/db.server.ts";
import { isProduction } from "#app/env.server.ts";
import { sessions, users } from "#db/schema/index.ts";

const lucia = new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "labo_session",
    // A persistent cookie; the database expiry (rolled forward on use) is what counts.
    expires: false,
    attributes: { secure: isProduction, sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    displayName: attributes.displayName,
    locale: attributes.locale,
    emailVerified: attributes.emailVerifiedAt !== null,
    // Account state every request needs for can(viewer, "participation.write") and the page banners.
    charterVersion: attributes.charterVersion,
    suspendedUntil: attributes.suspendedUntil,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      displayName: string;
      locale: string;
      emailVerifiedAt: Date | null;
      charterVersion: number | null;
      suspendedUntil: Date | null;
    };
  }
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  emailVerified: boolean;
  charterVersion: number | null;
  suspendedUntil: Date | null;
};

export async function readSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { user } = await lucia.validateSession(sessionId);
  return user;
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: string) {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends the request's session (if any) and returns the Set-Cookie header value that clears the cookie. */
export async function endSession(request: Request) {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** After a password reset every other device is signed out. */
export async function endAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
}
