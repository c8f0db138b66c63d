import { eq, isNull, and } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { users } from "#db/schema/index.ts";
import { findUserById } from "./account-queries.server.ts";
import { issueAuthToken, redeemAuthToken } from "./auth-tokens.server.ts";

/** A new verification link, asked for from the account page. */
export async function resendVerificationEmail(userId: string): Promise<{ status: "sent" } | { status: "already_verified" }> {
  const user = await findUserById(userId);
  if (!user || user.emailVerifiedAt) return { status: "already_verified" };
  const url = await issueAuthToken(db, user.id, "email_verification");
  await queueEmail({ to: user.email, locale: user.locale, template: "verify-email", data: { displayName: user.displayName, url } });
  return { status: "sent" };
}

export type VerifyEmailResult = { status: "verified" | "already_verified" | "invalid" | "expired" | "used" };

/**
 * Marks the address verified. A link already used by someone whose address is verified (a second click,
 * or a mail scanner that opened it first) still reads as a success.
 */
export async function verifyEmail(token: unknown): Promise<VerifyEmailResult> {
  return db.transaction(async (tx) => {
    const check = await redeemAuthToken(tx, "email_verification", token);
    if (check.status === "invalid") return { status: "invalid" };
    const [user] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, check.userId)).limit(1);
    if (check.status !== "valid") return { status: user?.verifiedAt ? "already_verified" : check.status };
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, check.userId), isNull(users.emailVerifiedAt)));
    return { status: "verified" };
  });
}
