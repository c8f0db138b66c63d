import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { users } from "#db/schema/index.ts";
import { findUserByEmail } from "./account-queries.server.ts";
import { inspectAuthToken, issueAuthToken, revokeAuthTokens, redeemAuthToken } from "./auth-tokens.server.ts";
import { hashPassword } from "./password.server.ts";

/** Emails a link to choose a new password if the address has an account; says nothing either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) return;
  const url = await issueAuthToken(db, user.id, "password_reset");
  await queueEmail({ to: user.email, locale: user.locale, template: "password-reset", data: { displayName: user.displayName, url } });
}

export type ResetPasswordResult = { status: "ok"; userId: string; locale: string } | { status: "invalid" | "expired" | "used" };

/**
 * Sets the new password with the token in one transaction, and makes every other emailed link (reset or
 * sign-in) stop working. The caller then ends every session and starts a new one.
 */
export async function resetPassword(token: unknown, password: string): Promise<ResetPasswordResult> {
  // Hashing costs ~50 ms of CPU: only for a token that may work.
  const before = await inspectAuthToken("password_reset", token);
  if (before.status !== "valid") return { status: before.status };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const check = await redeemAuthToken(tx, "password_reset", token);
    if (check.status !== "valid") return { status: check.status };
    const [user] = await tx
      .update(users)
      // The link came by email: the address is proven.
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(eq(users.id, check.userId))
      .returning({ id: users.id, locale: users.locale });
    await revokeAuthTokens(tx, check.userId, "password_reset");
    await revokeAuthTokens(tx, check.userId, "magic_link");
    return { status: "ok", userId: user!.id, locale: user!.locale };
  });
}
