import { expect, test } from "@playwright/test";

test("documents carry a nonce-based CSP and the other security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("every inline script carries the nonce of its response", async ({ request }) => {
  // A page with a form hydrates (read-only pages ship no script at all).
  const response = await request.get("/connexion");
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("a post from another site is refused before reaching any route", async ({ request }) => {
  const response = await request.post("/resources/langue", { form: { locale: "en", redirectTo: "/" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a post that names the attacker's site in its Host header too is still refused", async ({ request }) => {
  const response = await request.post("/resources/langue", { form: { locale: "en", redirectTo: "/" }, headers: { Host: "evil.example", Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a post without Origin or Referer is refused", async ({ request }) => {
  const response = await request.fetch("/deconnexion", { method: "POST", headers: { Origin: "", Referer: "" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
});

test("a huge body is refused with 413, not a 500", async ({ baseURL, request }) => {
  const response = await request.post("/resources/langue", { data: "x".repeat(2 * 1024 * 1024), headers: { Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
  expect(response.status()).toBe(413);
});

test("the health check tells the engine", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});
