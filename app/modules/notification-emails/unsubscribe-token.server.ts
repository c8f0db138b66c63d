import { createHmac, timingSafeEqual } from "node:crypto";
import { appSecret, appUrl } from "#app/env.server.ts";
import type { NotificationCategory, NotificationFrequency } from "#db/schema/notifications.ts";
import { CATEGORIES } from "./notification-preferences.ts";

/**
 * What one unsubscribe link stops: a category (the link of a single notice's email), or a whole digest
 * (every category the person has on that rhythm: a digest mixes several, and a mail client's one-click
 * button must stop the message it is shown on).
 */
export const UNSUBSCRIBE_SCOPES = [...CATEGORIES, "daily_digest", "weekly_digest"] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

export const digestScope = (rhythm: "daily" | "weekly"): UnsubscribeScope => (rhythm === "daily" ? "daily_digest" : "weekly_digest");
/** The rhythm a digest scope stops, or null for a category. */
export const scopeRhythm = (scope: UnsubscribeScope): Extract<NotificationFrequency, "daily" | "weekly"> | null =>
  scope === "daily_digest" ? "daily" : scope === "weekly_digest" ? "weekly" : null;
export const isCategoryScope = (scope: UnsubscribeScope): scope is NotificationCategory => scopeRhythm(scope) === null;

export const UNSUBSCRIBE_PATH = "/notifications/desabonnement";

// 32 bytes of HMAC-SHA256 in base64url, no padding.
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
// User ids are lucia's (letters and digits) or uuids; anything else is not one of ours.
const USER_ID = /^[A-Za-z0-9-]{1,64}$/;

function signature(userId: string, scope: UnsubscribeScope) {
  // The purpose is part of the signed text, so this secret's signatures mean nothing elsewhere; the
  // separator cannot occur in an id or a scope, so no other (user, scope) pair signs the same text.
  return createHmac("sha256", appSecret).update(`unsubscribe\n${userId}\n${scope}`).digest("base64url");
}

/** The link's query: who (u), what (c) and the signature over both (s). */
export function unsubscribeQuery(userId: string, scope: UnsubscribeScope) {
  return new URLSearchParams({ u: userId, c: scope, s: signature(userId, scope) }).toString();
}

export function unsubscribeUrl(userId: string, scope: UnsubscribeScope) {
  return `${appUrl}${UNSUBSCRIBE_PATH}?${unsubscribeQuery(userId, scope)}`;
}

/** RFC 2369 and RFC 8058: mail clients show their own button, which posts `List-Unsubscribe=One-Click` to the URL. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export type VerifiedUnsubscribe = { ok: true; userId: string; scope: UnsubscribeScope } | { ok: false };

/**
 * Checks a link's parameters: well formed, and signed for exactly this person and this scope. The
 * comparison takes the same time wherever the signatures differ.
 */
export function verifyUnsubscribe(params: { u?: string | null; c?: string | null; s?: string | null }): VerifiedUnsubscribe {
  const { u, c, s } = params;
  if (!u || !c || !s || !USER_ID.test(u) || !SIGNATURE.test(s) || !(UNSUBSCRIBE_SCOPES as readonly string[]).includes(c)) return { ok: false };
  const scope = c as UnsubscribeScope;
  // The text is compared, not the decoded bytes: base64url's last character carries two unused bits, so
  // several spellings decode alike, and a link that was altered must not pass.
  const expected = Buffer.from(signature(u, scope), "ascii");
  const given = Buffer.from(s, "ascii");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
  return { ok: true, userId: u, scope };
}
