/** Checks that run before any route: a refusal is `{ status, message }`, acceptance is null. */
export type Refusal = { status: number; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Forms here carry text only; uploads, when they come, get their own limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

function originOf(value: string | undefined) {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Outside production the server listens on loopback only, where the same page has three names. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The origins a state-changing request may come from: the configured public address (APP_URL) and,
 * outside production, its loopback equivalents on the same port and on the server's own port. Never the
 * request's Host header: the client sets it, so an attacker's page with `Host: evil.example` would
 * otherwise vouch for itself.
 */
export function trustedOrigins({ appUrl, port, production }: { appUrl: string; port: number; production: boolean }): ReadonlySet<string> {
  const app = new URL(appUrl);
  const origins = new Set([app.origin]);
  if (!production) {
    const ports = new Set([app.port || (app.protocol === "https:" ? "443" : "80"), String(port)]);
    for (const host of LOOPBACK_HOSTS) for (const p of ports) origins.add(new URL(`${app.protocol}//${host}:${p}`).origin);
  }
  return origins;
}

/**
 * The one path a post may come from elsewhere: the unsubscribe link of notification emails, which mail
 * clients post to themselves (RFC 8058 one-click: no cookie, no Origin). Its signed query is the
 * authority, and all it can do is stop that person's emails.
 */
const ORIGIN_FREE_POST_PATHS = new Set(["/notifications/desabonnement"]);

/**
 * CSRF defence in depth (Remix checks UI routes itself; resource routes are ours): a state-changing
 * request must come from a page of this site, as told by Origin or, failing that, Referer, compared
 * with the trusted origins (scheme, host and port).
 */
export function checkRequestOrigin(input: { method: string; path?: string; origin?: string; referer?: string; trusted: ReadonlySet<string> }): Refusal | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  if (input.method.toUpperCase() === "POST" && input.path !== undefined && ORIGIN_FREE_POST_PATHS.has(input.path)) return null;
  const source = originOf(input.origin) ?? originOf(input.referer);
  if (source && input.trusted.has(source)) return null;
  return { status: 403, message: "Requête refusée : elle ne vient pas de ce site. / Request refused: it does not come from this site." };
}

export function checkRequestBody(input: { method: string; contentLength?: string; transferEncoding?: string }): Refusal | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  if (input.contentLength === undefined) {
    if (input.transferEncoding) return { status: 411, message: "Longueur requise. / Length required." };
    return null;
  }
  const length = Number(input.contentLength);
  if (!Number.isFinite(length) || length < 0) return { status: 400, message: "Requête invalide. / Bad request." };
  if (length > MAX_BODY_BYTES) return { status: 413, message: "Contenu trop volumineux. / Content too large." };
  return null;
}

type GuardedRequest = { method: string; path?: string; get(name: string): string | undefined };
type GuardedResponse = { status(code: number): { type(t: string): { send(body: string): unknown } } };

/**
 * The Express middleware that runs both checks before any route (app/server.ts). The trusted origins are
 * fixed at start, from the configuration: nothing the request says about itself (Host) is trusted.
 */
/**
 * A path that begins with a backslash (`/%5C…`, `/\…`) names no page; the router reads "/\" as "//", the
 * start of another host, and cannot render it. It is refused before routing (found by the fuzz suite).
 */
export function checkRequestPath(path: string): Refusal | null {
  return /^\/(?:\\|%5c)/i.test(path) ? { status: 404, message: "Page introuvable. / Page not found." } : null;
}

export function requestGuards(trusted: ReadonlySet<string>) {
  return (req: GuardedRequest, res: GuardedResponse, next: () => void) => {
    const refusal =
      checkRequestPath(req.path ?? "/") ??
      checkRequestOrigin({ method: req.method, path: req.path, origin: req.get("origin"), referer: req.get("referer"), trusted }) ??
      checkRequestBody({ method: req.method, contentLength: req.get("content-length"), transferEncoding: req.get("transfer-encoding") });
    if (refusal) {
      res.status(refusal.status).type("text/plain; charset=utf-8").send(refusal.message);
      return;
    }
    next();
  };
}
