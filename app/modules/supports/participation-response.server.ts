import { json, redirect } from "@remix-run/node";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";

/**
 * The answers of the support and follow resource routes. Their forms serve a fetcher (JavaScript: data,
 * refusals as data with their status, so the button rolls back and says why) and a plain post (no
 * JavaScript: back to the proposal page with a message), see app/components/js-marker.tsx.
 */

/** Anonymous visitors sign in, then come back to the proposal (not to the resource route). */
export function signInToParticipate(proposalId: string) {
  return redirect(`/connexion?${new URLSearchParams({ redirectTo: proposalPath(proposalId) })}`);
}

/** The form could not be read, or its intent is unknown (a tampered or broken form). */
export function badForm() {
  return json({ error: "supports:errors.invalid" }, { status: 400 });
}

export async function refuse({
  withJs,
  proposalId,
  status,
  message,
  headers,
}: {
  withJs: boolean;
  proposalId: string;
  status: 403 | 404 | 409 | 429;
  message: string;
  headers?: Record<string, string>;
}) {
  if (withJs) return json({ error: message }, { status, headers });
  // Not found, or too many requests: the route's error page says so with its status (and Retry-After), as a
  // redirect would not; the routes export the shared ErrorBoundary for it.
  if (status === 404 || status === 429) throw new Response(null, { status, headers });
  return redirectWithFlash(proposalPath(proposalId), message);
}
