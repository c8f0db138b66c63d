import { eq } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { charterAcceptances, users } from "#db/schema/index.ts";
import { CHARTER_VERSION } from "./charter-version.ts";

type Executor = Pick<Db, "update" | "insert">;

/**
 * Records that a person accepted the charter in force: on the account (what the viewer reads on every
 * request) and in charter_acceptances (every version ever accepted, with when). Runs inside the caller's
 * transaction when given one (sign-up), else in its own.
 */
export async function acceptCharter(userId: string, executor?: Executor): Promise<void> {
  const write = async (tx: Executor) => {
    const now = new Date();
    await tx.update(users).set({ charterVersion: CHARTER_VERSION, charterAcceptedAt: now }).where(eq(users.id, userId));
    await tx.insert(charterAcceptances).values({ userId, version: CHARTER_VERSION, acceptedAt: now }).onConflictDoNothing();
  };
  if (executor) await write(executor);
  else await db.transaction(write);
}

/** Where a person goes once signed in: where they were going, unless the charter changed since they last accepted it. */
export async function pathAfterSignIn(userId: string, redirectTo: string): Promise<string> {
  const [row] = await db.select({ charterVersion: users.charterVersion }).from(users).where(eq(users.id, userId)).limit(1);
  if ((row?.charterVersion ?? 0) >= CHARTER_VERSION) return redirectTo;
  return `/charte/accepter?${new URLSearchParams({ redirectTo })}`;
}
