import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { authTokens, type TokenPurpose } from "#db/schema/index.ts";

const MINUTE = 60_000;
/** How long each kind of link works. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  email_verification: 48 * 60 * MINUTE,
  magic_link: 20 * MINUTE,
  password_reset: 60 * MINUTE,
};

/** Where each kind of link leads. */
const TOKEN_PATH: Record<TokenPurpose, string> = {
  email_verification: "/verification",
  magic_link: "/connexion/lien/verifier",
  password_reset: "/mot-de-passe/nouveau",
};

// 32 random bytes in base64url: 43 characters from this alphabet.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time token (only its hash is stored) and returns the link to email. */
export async function issueAuthToken(tx: Db, userId: string, purpose: TokenPurpose) {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(authTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) });
  return `${appUrl}${TOKEN_PATH[purpose]}?${new URLSearchParams({ token })}`;
}

export type TokenCheck = { status: "valid"; userId: string } | { status: "invalid" } | { status: "expired"; userId: string } | { status: "used"; userId: string };

/** What a token is worth, without using it (to show a form before the post that uses it). */
export async function inspectAuthToken(purpose: TokenPurpose, token: unknown, tx: Db = db): Promise<TokenCheck> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const [row] = await tx
    .select({ userId: authTokens.userId, expiresAt: authTokens.expiresAt, usedAt: authTokens.usedAt })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, purpose)))
    .limit(1);
  if (!row) return { status: "invalid" };
  if (row.usedAt) return { status: "used", userId: row.userId };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired", userId: row.userId };
  return { status: "valid", userId: row.userId };
}

/**
 * Uses a token: one conditional update, so two clicks at the same moment cannot both succeed. Run it in
 * the transaction of what the token allows, so a failure there leaves the token unused.
 */
export async function redeemAuthToken(tx: Db, purpose: TokenPurpose, token: unknown): Promise<TokenCheck> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .returning({ userId: authTokens.userId });
  if (row) return { status: "valid", userId: row.userId };
  return inspectAuthToken(purpose, token, tx);
}

/** After a password reset, the other links of that kind still waiting in the mailbox stop working. */
export async function revokeAuthTokens(tx: Db, userId: string, purpose: TokenPurpose) {
  await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
}
