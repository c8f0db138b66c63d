import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { authTokens } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { inspectAuthToken, issueAuthToken, TOKEN_LIFETIME_MS, redeemAuthToken } from "./auth-tokens.server.ts";

function tokenOf(link: string) {
  return new URL(link).searchParams.get("token")!;
}

describe("one-time tokens", () => {
  test("a link carries 32 random bytes; only their SHA-256 is stored, with the purpose's lifetime", async () => {
    const user = await insertUser(db);
    const before = Date.now();
    const link = await issueAuthToken(db, user.id, "magic_link");
    expect(link).toMatch(/^http:\/\/localhost:3000\/connexion\/lien\/verifier\?token=[\w-]{43}$/);
    const token = tokenOf(link);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await db.select().from(authTokens);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(token);
    const lifetime = row!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(TOKEN_LIFETIME_MS.magic_link - 5_000);
    expect(lifetime).toBeLessThanOrEqual(TOKEN_LIFETIME_MS.magic_link + 1_000);
    expect(TOKEN_LIFETIME_MS).toEqual({ email_verification: 48 * 3600_000, magic_link: 20 * 60_000, password_reset: 3600_000 });
  });

  test("two links are never the same", async () => {
    const user = await insertUser(db);
    const links = await Promise.all(Array.from({ length: 20 }, () => issueAuthToken(db, user.id, "password_reset")));
    expect(new Set(links.map(tokenOf)).size).toBe(20);
  });

  test("used once: the second use reports it; inspecting does not use it", async () => {
    const user = await insertUser(db);
    const token = tokenOf(await issueAuthToken(db, user.id, "password_reset"));
    expect(await inspectAuthToken("password_reset", token)).toEqual({ status: "valid", userId: user.id });
    expect(await inspectAuthToken("password_reset", token)).toEqual({ status: "valid", userId: user.id });
    expect(await redeemAuthToken(db, "password_reset", token)).toEqual({ status: "valid", userId: user.id });
    expect(await redeemAuthToken(db, "password_reset", token)).toEqual({ status: "used", userId: user.id });
  });

  test("two uses at the same moment: exactly one succeeds", async () => {
    const user = await insertUser(db);
    const token = tokenOf(await issueAuthToken(db, user.id, "magic_link"));
    const results = await Promise.all(Array.from({ length: 5 }, () => redeemAuthToken(db, "magic_link", token)));
    expect(results.filter((r) => r.status === "valid")).toHaveLength(1);
  });

  test("a token is only good for its own purpose", async () => {
    const user = await insertUser(db);
    const token = tokenOf(await issueAuthToken(db, user.id, "email_verification"));
    expect(await redeemAuthToken(db, "password_reset", token)).toEqual({ status: "invalid" });
    expect(await redeemAuthToken(db, "email_verification", token)).toMatchObject({ status: "valid" });
  });

  test("anything that is not a token is invalid without a query", async () => {
    for (const value of [null, undefined, 42, "", "short", "x".repeat(10_000), "a".repeat(42) + "!"]) {
      expect(await inspectAuthToken("magic_link", value)).toEqual({ status: "invalid" });
      expect(await redeemAuthToken(db, "magic_link", value)).toEqual({ status: "invalid" });
    }
  });
});
