import { createHash, randomBytes } from "node:crypto";

// 32 random bytes in base64url: 43 characters. Only the SHA-256 is stored, as for the sign-in links.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newCancelToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashCancelToken(token) };
}

export function hashCancelToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function isCancelTokenShaped(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}
