import { describe, expect, test } from "vitest";
import { checkRequestBody, checkRequestOrigin, MAX_BODY_BYTES } from "./request-guards.server.ts";

const appUrl = "https://labo.example.org";

describe("checkRequestOrigin", () => {
  test("lets reads through whatever their origin", () => {
    expect(checkRequestOrigin({ method: "GET", origin: "https://evil.example", host: "labo.example.org", appUrl })).toBeNull();
  });
  test("accepts a post from this site", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "https://labo.example.org", host: "labo.example.org", appUrl })).toBeNull();
  });
  test("refuses a post from another site, or from nowhere", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "https://evil.example", host: "labo.example.org", appUrl })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "DELETE", host: "labo.example.org", appUrl })?.status).toBe(403);
    expect(checkRequestOrigin({ method: "POST", origin: "null", host: "labo.example.org", appUrl })?.status).toBe(403);
  });
  test("falls back on the Referer when Origin is absent", () => {
    expect(checkRequestOrigin({ method: "POST", referer: "https://labo.example.org/connexion", host: "labo.example.org", appUrl })).toBeNull();
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
