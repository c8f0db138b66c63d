import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { rateLimits } from "#db/schema/index.ts";
import { check, consume, RATE_LIMITS } from "./rate-limit.server.ts";

describe("rate limits", () => {
  test("an account is refused once its points are used, with the wait in seconds", async () => {
    const { points, duration } = RATE_LIMITS.signUp.account;
    for (let i = 0; i < points; i++) expect(await consume("signUp", { account: "nadia@example.org" })).toEqual({ ok: true });
    const refused = await consume("signUp", { account: "nadia@example.org" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(duration);
    }
    // Another account from the same place is not affected, nor the same name in another limit.
    expect(await consume("signUp", { account: "karim@example.org" })).toEqual({ ok: true });
    expect(await consume("magicLink", { account: "nadia@example.org" })).toEqual({ ok: true });
  });

  test("the account key ignores case and spaces", async () => {
    for (let i = 0; i < RATE_LIMITS.magicLink.account.points; i++) await consume("magicLink", { account: "Nadia@Example.org" });
    expect((await consume("magicLink", { account: " nadia@example.org" })).ok).toBe(false);
  });

  test("a client address is limited across accounts", async () => {
    const { points } = RATE_LIMITS.signUp.address;
    for (let i = 0; i < points; i++) expect((await consume("signUp", { account: `p${i}@example.org`, address: "203.0.113.9" })).ok).toBe(true);
    expect((await consume("signUp", { account: "new@example.org", address: "203.0.113.9" })).ok).toBe(false);
    expect((await consume("signUp", { account: "new2@example.org", address: "203.0.113.10" })).ok).toBe(true);
  });

  test("check reads without counting", async () => {
    const keys = { account: "claire@example.org", address: "198.51.100.1" };
    for (let i = 0; i < 10; i++) expect(await check("signInFailure", keys)).toEqual({ ok: true });
    for (let i = 0; i < RATE_LIMITS.signInFailure.account.points; i++) await consume("signInFailure", keys);
    expect((await check("signInFailure", keys)).ok).toBe(false);
    expect((await check("signInFailure", { account: "other@example.org", address: "198.51.100.1" })).ok).toBe(true);
  });

  test("a window that has passed starts again from zero", async () => {
    for (let i = 0; i < RATE_LIMITS.passwordReset.account.points + 1; i++) await consume("passwordReset", { account: "julien@example.org" });
    expect((await check("passwordReset", { account: "julien@example.org" })).ok).toBe(false);
    await db.update(rateLimits).set({ expire: sql`now() - interval '1 second'` });
    expect(await check("passwordReset", { account: "julien@example.org" })).toEqual({ ok: true });
    expect(await consume("passwordReset", { account: "julien@example.org" })).toEqual({ ok: true });
  });

  test("keys are stored hashed: no email or address in clear", async () => {
    await consume("signUp", { account: "sylvie@example.org", address: "192.0.2.44" });
    const rows = await db.select().from(rateLimits);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.key).not.toContain("sylvie");
      expect(row.key).not.toContain("192.0.2.44");
    }
  });

  test("empty keys are skipped", async () => {
    expect(await consume("signUp", { account: null, address: undefined })).toEqual({ ok: true });
    expect(await db.select().from(rateLimits)).toHaveLength(0);
  });
});
