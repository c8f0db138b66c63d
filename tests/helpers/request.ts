import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "#app/modules/auth/session.server.ts";

export const TEST_ORIGIN = "http://localhost:3000";

type Init = { cookie?: string; headers?: Record<string, string> };

/** Cookie header value for a signed-in user (a real session row). */
export async function sessionCookieFor(userId: string) {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0]!;
}

export function getRequest(path: string, init: Init = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(new URL(path, TEST_ORIGIN), { headers });
}

/** A form post as a browser sends it, from this site's origin. */
export function postRequest(path: string, form: Record<string, string | string[]>, init: Init = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  headers.set("Origin", TEST_ORIGIN);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(new URL(path, TEST_ORIGIN), { method: "POST", headers, body });
}

export function loaderArgs(request: Request, params: Record<string, string> = {}): LoaderFunctionArgs {
  return { request, params, context: { clientAddress: "127.0.0.1" } };
}

export function actionArgs(request: Request, params: Record<string, string> = {}): ActionFunctionArgs {
  return { request, params, context: { clientAddress: "127.0.0.1" } };
}

/** Loaders and actions throw Responses for redirects and errors; this returns either way. */
export async function settle(promise: Promise<unknown>): Promise<Response> {
  try {
    const result = await promise;
    if (result instanceof Response) return result;
    throw new Error("Expected a Response");
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
