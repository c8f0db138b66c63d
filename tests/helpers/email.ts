import { asc, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { authTokens, emailOutbox } from "#db/schema/index.ts";
import { localeCookie } from "#app/modules/i18n/i18next.server.ts";
import { popFlash } from "#app/modules/platform/flash.server.ts";
import { TEST_ORIGIN } from "./request.ts";

/** The messages sent to an address, oldest first. */
export function emailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).orderBy(asc(emailOutbox.createdAt));
}

/** The site link (path and query) in a message's plain text that starts with `path`. */
export function linkIn(message: { text: string }, path: string) {
  const match = message.text.match(/https?:\/\/[^\s]+/g)?.find((url) => new URL(url).pathname === path);
  if (!match) throw new Error(`No link to ${path} in:\n${message.text}`);
  const url = new URL(match);
  if (url.origin !== TEST_ORIGIN) throw new Error(`Link to another site: ${match}`);
  return url.pathname + url.search;
}

/** The last link to `path` emailed to `to`. */
export async function lastLinkTo(to: string, path: string) {
  const messages = await emailsTo(to);
  const last = messages.at(-1);
  if (!last) throw new Error(`No email to ${to}`);
  return linkIn(last, path);
}

/** Makes every emailed link expire, as if their time had passed. */
export async function expireAllTokens() {
  await db.update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) });
}

/** The cookies a response sets, by name. */
export function setCookies(response: Response) {
  return Object.fromEntries(
    response.headers.getSetCookie().map((c) => {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      return [pair!.slice(0, i), pair!.slice(i + 1)];
    }),
  );
}

/** A Cookie header that carries the session a response started. */
export function sessionFrom(response: Response) {
  const session = setCookies(response).labo_session;
  if (!session) throw new Error("No session cookie in the response");
  return `labo_session=${session}`;
}

/** The language a response sets in the locale cookie, if any. */
export async function localeSetBy(response: Response): Promise<string | null> {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("lng="));
  return cookie ? localeCookie.parse(cookie.split(";")[0]!) : null;
}

/** The flash message key a response sets for the next page, if any. */
export async function flashSetBy(response: Response): Promise<string | null> {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("labo_flash="));
  if (!cookie) return null;
  const { message } = await popFlash(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } }));
  return message;
}
