import { isProduction } from "#app/env.server.ts";

// In development the live-reload socket of `remix dev` must be reachable.
const devConnect = isProduction ? "" : " ws://localhost:* http://localhost:*";

export function contentSecurityPolicy(nonce: string | null) {
  return [
    "default-src 'self'",
    // Only Remix's own inline scripts run, and they carry the per-request nonce.
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devConnect}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers every response carries; documents also get the CSP with their nonce. */
export function applySecurityHeaders(headers: Headers, nonce: string | null) {
  if (nonce !== null) headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (isProduction) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

type RouteHeaders = { actionHeaders: Record<string, Headers>; loaderHeaders: Record<string, Headers> };

/**
 * Remix builds a page's headers from the routes' `headers` exports and, for a route without one, keeps
 * only its Set-Cookie: the Retry-After that an action put on its 429 reached fetchers, but not the page a
 * form posted without JavaScript gets. The document carries it here, for every route at once.
 */
export function carryRetryAfter(headers: Headers, context: RouteHeaders) {
  for (const byRoute of [context.actionHeaders, context.loaderHeaders]) {
    for (const routeHeaders of Object.values(byRoute)) {
      const retryAfter = routeHeaders.get("Retry-After");
      if (retryAfter) return headers.set("Retry-After", retryAfter);
    }
  }
}
