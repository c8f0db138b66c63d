/** Checks that run before any route: a refusal is `{ status, message }`, acceptance is null. */
export type Refusal = { status: number; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Forms here carry text only; uploads, when they come, get their own limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

function hostOf(value: string | undefined) {
  if (!value) return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

/**
 * CSRF defence in depth (Remix checks UI routes itself; resource routes are ours): a state-changing
 * request must come from a page of this site, as told by Origin or, failing that, Referer.
 */
export function checkRequestOrigin(input: { method: string; origin?: string; referer?: string; host?: string; appUrl: string }): Refusal | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  const source = hostOf(input.origin) ?? hostOf(input.referer);
  const allowed = new Set([input.host, hostOf(input.appUrl)].filter(Boolean));
  if (source && allowed.has(source)) return null;
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
