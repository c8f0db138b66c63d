import { describe, expect, test } from "vitest";
import { listenAddresses, parseEnv, seedsDemo } from "./env.server.ts";

// Production needs a secret for the links that need no sign-in (see the last test).
const PRODUCTION = { NODE_ENV: "production", APP_SECRET: "a-production-secret-of-at-least-32-characters" } as const;

describe("a default start (no NODE_ENV) serves this machine only", () => {
  test("outside production the server listens on 127.0.0.1 and ::1, and nowhere else", () => {
    expect(listenAddresses(parseEnv({}))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(parseEnv({ NODE_ENV: "development" }))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(parseEnv({ NODE_ENV: "development", HOST: "localhost" }))).toEqual(["127.0.0.1", "::1"]);
    expect(listenAddresses(parseEnv({ NODE_ENV: "development", HOST: "127.0.0.1" }))).toEqual(["127.0.0.1"]);
  });

  test("outside production, a HOST that other machines can reach is refused at start, with the reason", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20", "labo.example.org"]) {
      expect(() => parseEnv({ HOST }), HOST).toThrow(/HOST: .* NODE_ENV=production/);
      expect(() => parseEnv({ NODE_ENV: "test", HOST }), HOST).toThrow(/mailbox \(\/dev\/boite-mail\) is open to anyone/);
    }
  });

  test("the demo accounts are seeded outside production, never by default in production", () => {
    expect(seedsDemo(parseEnv({}))).toBe(true);
    expect(seedsDemo(parseEnv(PRODUCTION))).toBe(false);
    expect(seedsDemo(parseEnv({ ...PRODUCTION, SEED_DEMO: "false" }))).toBe(false);
  });
});

describe("production serves other machines", () => {
  test("on every interface, or on the HOST given", () => {
    expect(listenAddresses(parseEnv(PRODUCTION))).toBeNull();
    expect(listenAddresses(parseEnv({ ...PRODUCTION, HOST: "0.0.0.0" }))).toEqual(["0.0.0.0"]);
    expect(listenAddresses(parseEnv({ ...PRODUCTION, HOST: "[::1]" }))).toEqual(["::1"]);
  });

  test("demo accounts (a public password) only on a server that listens on loopback", () => {
    expect(() => parseEnv({ ...PRODUCTION, SEED_DEMO: "true" })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ ...PRODUCTION, SEED_DEMO: "true", HOST: "0.0.0.0" })).toThrow(/SEED_DEMO/);
    const local = parseEnv({ ...PRODUCTION, SEED_DEMO: "true", HOST: "localhost" });
    expect(seedsDemo(local)).toBe(true);
    expect(listenAddresses(local)).toEqual(["127.0.0.1", "::1"]);
  });
});

describe("the secret that signs unsubscribe links", () => {
  test("production refuses to start without APP_SECRET, or with a short one, and says why", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/APP_SECRET: required in production/);
    expect(() => parseEnv({ ...PRODUCTION, APP_SECRET: "short" })).toThrow(/APP_SECRET: .*at least 32 characters/);
    expect(parseEnv(PRODUCTION).APP_SECRET).toBe(PRODUCTION.APP_SECRET);
  });

  test("outside production it may be left out (a fixed development value is used)", () => {
    expect(parseEnv({}).APP_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).APP_SECRET).toBeUndefined();
  });
});
