import { json, redirect } from "@remix-run/node";
import { isBrokenText } from "#app/modules/forms/text.ts";
import { can, type Permission, type Scope } from "./permissions.ts";
import { readSessionUser, type SessionUser } from "./session.server.ts";

/** The signed-in person with their role grants (read with the session, in one statement). */
export type AuthenticatedViewer = SessionUser;

// Root and route loaders of one request ask for the viewer; read the session once per request.
const cache = new WeakMap<Request, Promise<AuthenticatedViewer | null>>();

export function getViewer(request: Request): Promise<AuthenticatedViewer | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = readSessionUser(request);
    cache.set(request, pending);
  }
  return pending;
}

function signInRedirect(request: Request) {
  const { pathname, search } = new URL(request.url);
  return redirect(`/connexion?${new URLSearchParams({ redirectTo: pathname + search })}`);
}

export async function requireUser(request: Request): Promise<AuthenticatedViewer> {
  const viewer = await getViewer(request);
  if (!viewer) throw signInRedirect(request);
  return viewer;
}

/** Anonymous → sign-in page; signed in without the permission → 403. */
export async function requirePermission(request: Request, permission: Permission, scope?: Scope): Promise<AuthenticatedViewer> {
  const viewer = await requireUser(request);
  if (!can(viewer, permission, scope)) throw json({ reason: "forbidden" }, { status: 403 });
  return viewer;
}

export async function requireAnonymous(request: Request) {
  if (await getViewer(request)) throw redirect("/compte");
}

/**
 * Only same-site paths: an attacker must not turn sign-in into an open redirect. A Location header carries
 * bytes, so every character outside printable ASCII is percent-encoded: an accent or an emoji no longer
 * makes the redirect throw (a 500), and a tab or line break, which browsers strip from URLs ("/\t/evil.example"
 * is "//evil.example" to them), stays in the path.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || isBrokenText(value)) return fallback;
  return value.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}
