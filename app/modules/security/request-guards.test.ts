import { describe, expect, test } from "vitest";
import { checkRequestBody, checkRequestOrigin, checkRequestPath, MAX_BODY_BYTES, requestGuards, trustedOrigins } from "./request-guards.server.ts";

const trusted = trustedOrigins({ appUrl: "https://labo.example.org", port: 3000, production: true });

describe("checkRequestOrigin", () => {
  test("lets reads through whatever their origin", () => {
    expect(checkRequestOrigin({ method: "GET", origin: "https://evil.example", trusted })).toBeNull();
  });
  test("accepts a post from this site", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "https://labo.example.org", trusted })).toBeNull();
  });
  test("refuses a post from another site, or from nowhere", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "https://evil.example", trusted })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "DELETE", trusted })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "POST", origin: "null", trusted })?.status).toBe(403);
  });
  test("compares scheme and port too: the same host over plain HTTP or on another port is another site", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "http://labo.example.org", trusted })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "POST", origin: "https://labo.example.org:8443", trusted })?.status).toBe(403);
  });
  test("falls back on the Referer when Origin is absent", () => {
    expect(checkRequestOrigin({ method: "POST", referer: "https://labo.example.org/connexion", trusted })).toBeNull();
    expect(checkRequestOrigin({ method: "POST", referer: "https://evil.example/labo.example.org", trusted })?.status).toBe(403);
  });
});

describe("checkRequestPath", () => {
  test("a path that begins with a backslash, raw or encoded, names no page: 404 before routing", () => {
    for (const path of ["/%5C", "/%5c@", "/%5C%5Cevil.example", "/\\evil.example"]) expect(checkRequestPath(path), path).toEqual({ status: 404, message: expect.any(String) });
    for (const path of ["/", "/propositions", "/propositions/%5Cx", "/a%5C"]) expect(checkRequestPath(path), path).toBeNull();
  });
});

describe("trustedOrigins", () => {
  test("in production, only the public address: never a loopback name", () => {
    expect([...trusted]).toEqual(["https://labo.example.org"]);
    const local = trustedOrigins({ appUrl: "http://localhost:3210", port: 3210, production: true });
    expect([...local]).toEqual(["http://localhost:3210"]);
  });
  test("in development, the public address and its loopback names on the same port", () => {
    const origins = trustedOrigins({ appUrl: "http://localhost:3000", port: 3000, production: false });
    expect([...origins].sort()).toEqual(["http://127.0.0.1:3000", "http://[::1]:3000", "http://localhost:3000"]);
    expect(checkRequestOrigin({ method: "POST", origin: "http://127.0.0.1:3000", trusted: origins })).toBeNull();
    expect(checkRequestOrigin({ method: "POST", origin: "http://[::1]:3000", trusted: origins })).toBeNull();
    expect(checkRequestOrigin({ method: "POST", origin: "http://127.0.0.1:4000", trusted: origins })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "POST", origin: "http://192.168.1.20:3000", trusted: origins })?.status).toBe(403);
  });
});

describe("checkRequestBody", () => {
  test("refuses bodies over the limit with 413", () => {
    expect(checkRequestBody({ method: "POST", contentLength: String(MAX_BODY_BYTES + 1) })?.status).toBe(413);
    expect(checkRequestBody({ method: "POST", contentLength: "120" })).toBeNull();
  });
  test("refuses a nonsense length and chunked bodies", () => {
    expect(checkRequestBody({ method: "POST", contentLength: "abc" })?.status).toBe(400);
    expect(checkRequestBody({ method: "POST", transferEncoding: "chunked" })?.status).toBe(411);
  });
});

describe("requestGuards (the middleware before every route)", () => {
  function run(headers: Record<string, string>, method = "POST") {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const answer: { status?: number; passed: boolean } = { passed: false };
    const res = { status: (code: number) => ((answer.status = code), { type: () => ({ send: () => undefined }) }) };
    requestGuards(trusted)({ method, get: (name) => lower[name.toLowerCase()] }, res, () => (answer.passed = true));
    return answer;
  }
  test("a post whose Host header names the attacker's site is still refused: Host is never trusted", () => {
    expect(run({ Host: "evil.example", Origin: "https://evil.example" })).toEqual({ status: 403, passed: false });
    expect(run({ Host: "evil.example", Referer: "https://evil.example/page" })).toEqual({ status: 403, passed: false });
  });
  test("a post from the public address goes through; reads always do", () => {
    expect(run({ Host: "labo.example.org", Origin: "https://labo.example.org", "Content-Length": "10" })).toEqual({ passed: true });
    expect(run({ Host: "evil.example", Origin: "https://evil.example" }, "GET")).toEqual({ passed: true });
  });
  test("a mail client's one-click unsubscribe (RFC 8058: no Origin, no cookie) reaches its page, and only that page", () => {
    const oneClick = (path: string, method = "POST") => {
      const answer: { status?: number; passed: boolean } = { passed: false };
      const res = { status: (code: number) => ((answer.status = code), { type: () => ({ send: () => undefined }) }) };
      const headers: Record<string, string> = { "content-length": "26" };
      requestGuards(trusted)({ method, path, get: (name) => headers[name.toLowerCase()] }, res, () => (answer.passed = true));
      return answer;
    };
    expect(oneClick("/notifications/desabonnement")).toEqual({ passed: true });
    expect(oneClick("/notifications")).toEqual({ status: 403, passed: false });
    expect(oneClick("/notifications/desabonnement/autre")).toEqual({ status: 403, passed: false });
    expect(oneClick("/compte/notifications")).toEqual({ status: 403, passed: false });
    expect(oneClick("/notifications/desabonnement", "DELETE")).toEqual({ status: 403, passed: false });
  });
});
