// The only file that imports lucia (deprecated upstream): replacing it later touches this file alone.
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { eq, sql, type Placeholder } from "drizzle-orm";
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "#app/db.server.ts";
import { preparedByShape } from "#app/modules/platform/prepared-queries.server.ts";
import { isProduction } from "#app/env.server.ts";
import { councilMembers, roleGrants, sessions, users } from "#db/schema/index.ts";
import type { RoleGrant } from "./permissions.ts";

function sessionUserQuery(sessionId: Placeholder) {
  return db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      charterVersion: users.charterVersion,
      suspendedUntil: users.suspendedUntil,
      // The grants, then one `council_member` role per council the person currently sits on (scoped to it).
      roles: sql<RoleGrant[]>`coalesce((select json_agg(g) from (
        select json_build_object('role', ${roleGrants.role}, 'communeSlug', ${roleGrants.communeSlug}, 'quartierCode', ${roleGrants.quartierCode}) as g
          from ${roleGrants} where ${roleGrants.userId} = ${users.id} and ${roleGrants.role} <> 'council_member'
        union all
        select json_build_object('role', 'council_member', 'communeSlug', null, 'quartierCode', null, 'councilCode', ${councilMembers.councilCode})
          from ${councilMembers} where ${councilMembers.userId} = ${users.id} and ${councilMembers.leftAt} is null
      ) grants), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
}

// Every signed-in request runs it: built once (see prepared-queries.server.ts).
const sessionUserRuns = preparedByShape<Awaited<ReturnType<typeof sessionUserQuery>>[number]>("session_user");

/**
 * The session lookup brings the user's role grants along (a correlated subquery), so a signed-in request
 * reads its viewer in one statement. Nothing is cached: a grant or a revocation counts from the next request.
 */
class ViewerAdapter extends DrizzlePostgreSQLAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const [row] = await sessionUserRuns("", () => sessionUserQuery(sql.placeholder("sessionId"))).execute({ sessionId });
    if (!row) return [null, null];
    const { sessionId: id, userId, expiresAt, ...attributes } = row;
    return [
      { id, userId, expiresAt, attributes: {} },
      { id: userId, attributes },
    ];
  }
}

const lucia = new Lucia(new ViewerAdapter(db, sessions, users), {
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
    roles: attributes.roles,
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
      roles: RoleGrant[];
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
  /** The role grants, read with the session on every request. */
  roles: RoleGrant[];
};

// Lucia's ids are 40 base32 characters; tools and benchmarks make hex ones. Nothing else is looked up.
const SESSION_ID = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * The session id in the request's Cookie header, read here rather than by lucia: lucia decodes every
 * cookie of the header and throws on one that is not valid percent-encoding (`lng=%FF`), which made any
 * page a 500 for whoever sent it; and a value of another shape (a NUL) never reaches the database.
 */
function readSessionId(request: Request): string | null {
  for (const item of (request.headers.get("Cookie") ?? "").split(";")) {
    const at = item.indexOf("=");
    if (at === -1 || item.slice(0, at).trim() !== lucia.sessionCookieName) continue;
    const value = item.slice(at + 1).trim();
    return SESSION_ID.test(value) ? value : null;
  }
  return null;
}

export async function readSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = readSessionId(request);
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
  const sessionId = readSessionId(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** After a password reset every other device is signed out. */
export async function endAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
}
