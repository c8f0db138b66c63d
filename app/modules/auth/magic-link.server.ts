import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { users } from "#db/schema/index.ts";
import { findUserByEmail } from "./account-queries.server.ts";
import { issueAuthToken, redeemAuthToken } from "./auth-tokens.server.ts";

/** Emails a one-time sign-in link if the address has an account; says nothing either way. */
export async function requestMagicLink(email: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) return;
  const url = await issueAuthToken(db, user.id, "magic_link");
  await queueEmail({ to: user.email, locale: user.locale, template: "magic-link", data: { displayName: user.displayName, url } });
}

export type MagicLinkResult = { status: "ok"; userId: string; locale: string } | { status: "invalid" | "expired" | "used" };

/** Uses the link: the person proved they read the mailbox, so the address counts as verified too. */
export async function signInWithMagicLink(token: unknown): Promise<MagicLinkResult> {
  return db.transaction(async (tx) => {
    const check = await redeemAuthToken(tx, "magic_link", token);
    if (check.status !== "valid") return { status: check.status };
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, check.userId))
      .returning({ id: users.id, locale: users.locale });
    return { status: "ok", userId: user!.id, locale: user!.locale };
  });
}

