import { createCookie, redirect } from "@remix-run/node";
import { isProduction } from "#app/env.server.ts";

// The flash carries only a translation key (checked on read), so it needs no signing secret.
const flashCookie = createCookie("labo_flash", { path: "/", httpOnly: true, sameSite: "lax", secure: isProduction, maxAge: 60 });
const KEY = /^(?:[a-zA-Z-]+:)?[a-zA-Z][\w.]{0,80}$/;

export async function popFlash(request: Request): Promise<{ message: string | null; headers: HeadersInit }> {
  const value = await flashCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string") return { message: null, headers: {} };
  return {
    message: KEY.test(value) ? value : null,
    headers: { "Set-Cookie": await flashCookie.serialize("", { maxAge: 0 }) },
  };
}

/** Redirects and shows a translated confirmation on the next page (a translation key, "ns:key" for another namespace than common). */
export async function redirectWithFlash(url: string, messageKey: string, init: { headers?: [string, string][] } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie.serialize(messageKey));
  return redirect(url, { headers });
}
