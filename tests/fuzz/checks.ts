/**
 * What every fuzzed request is held to: the rows of every table (a refused request writes nothing), and
 * the message a refused request carries (a translation key that exists, shown in the person's language).
 */
import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { KNOWN_ERROR_STATUSES } from "#app/components/route-error-boundary.tsx";
import { resources } from "#app/modules/i18n/resources.server.ts";
import type { RouteOutcome } from "./app-server.ts";

type Rows = { name: string; n: number | string }[];

/** A count(*) per table, in one query. */
export async function tableCounts(): Promise<Map<string, number>> {
  const listed = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as unknown as { rows: { tablename: string }[] } | { tablename: string }[];
  const tables = (Array.isArray(listed) ? listed : listed.rows).map((r) => r.tablename);
  const query = tables.map((t) => `select '${t}' as name, count(*) as n from "${t}"`).join(" union all ");
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: Rows } | Rows;
  return new Map((Array.isArray(result) ? result : result.rows).map((r) => [r.name, Number(r.n)]));
}

export function countChanges(before: Map<string, number>, after: Map<string, number>) {
  const changes: string[] = [];
  for (const [table, n] of after) if (before.get(table) !== n) changes.push(`${table}: ${before.get(table) ?? 0} → ${n}`);
  return changes;
}

// ---------------------------------------------------------------------------------------------------
// Messages

type Tree = { [key: string]: string | Tree };
const KEY = /^(?:([a-zA-Z]+):)?([a-zA-Z][\w-]*(?:\.[\w-]+)+)$/;
const MESSAGE_FIELDS = new Set(["error", "errors", "message", "messages", "formError"]);

function lookup(tree: Tree | undefined, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** The text of a key in a locale, searched in `ns:` or the route's namespaces (plural keys count). */
export function translate(key: string, locale: string, namespaces: string[]): string | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, ns, path] = match;
  for (const candidate of ns ? [ns] : namespaces) {
    const tree = resources[locale]?.[candidate] as Tree | undefined;
    const text = lookup(tree, path!) ?? lookup(tree, `${path}_other`) ?? lookup(tree, `${path}_one`);
    if (text) return text;
  }
  return undefined;
}

/** The message keys of an answer's data: strings under error-like fields (never what was typed). */
export function messageKeys(data: unknown, under = false): string[] {
  if (typeof data === "string") return under ? [data] : [];
  if (Array.isArray(data)) return data.flatMap((item) => messageKeys(item, under));
  if (data && typeof data === "object") return Object.entries(data).flatMap(([k, v]) => (k === "values" ? [] : messageKeys(v, under || MESSAGE_FIELDS.has(k))));
  return [];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decodeEntities(html: string) {
  return html.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code] ?? all;
  });
}

/** The longest run of a translation that interpolation leaves as it is. */
function fixedPart(text: string) {
  return text
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>/)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0]!;
}

const topLevelKeys = new Set(Object.values(resources).flatMap((byNs) => Object.values(byNs).flatMap((tree) => Object.keys(tree as object))));

/** Words of the page's text that are translation keys left untranslated ("validation.invalidForm"). */
function rawKeysShown(html: string) {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  const text = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]+>/g, " ");
  return [...text.matchAll(/(?<![\w.@/:-])(?:[a-zA-Z]+:)?([a-z][a-zA-Z]+)(?:\.[a-zA-Z][\w]*)+(?![\w.@/-])/g)].filter((m) => topLevelKeys.has(m[1]!)).map((m) => m[0]);
}

/** The data a recorded action or loader answered with, when it answered a 4xx with a JSON body. */
async function refusalData(outcomes: RouteOutcome[]) {
  const data: unknown[] = [];
  for (const { result } of outcomes) {
    if (!(result instanceof Response) || result.status < 400) continue;
    if (!(result.headers.get("Content-Type") ?? "").includes("json")) continue;
    data.push(await result.clone().json());
  }
  return data;
}

/**
 * Why a 4xx answer fails the person, or null when it tells them in their language (the one of <html lang>):
 * - an error page (a thrown 4xx) with its translated title;
 * - a page: no raw translation key in it; a page its loader refused has a heading of its own; otherwise the
 *   refusal's message keys all exist, and one of them is on the page, or an alert the page raised instead;
 * - data (a fetcher's answer): every message key exists. Guard refusals are plain bilingual text.
 */
export async function missingMessage({
  response,
  body,
  outcomes,
  namespacesOf,
}: {
  response: Response;
  body: string;
  outcomes: RouteOutcome[];
  namespacesOf: (routeId: string) => string[];
}): Promise<string | null> {
  const type = response.headers.get("Content-Type") ?? "";
  const locale = /<html lang="(\w+)"/.exec(body)?.[1] ?? "fr";
  const refusals = await refusalData(outcomes);
  const keysOf = (data: unknown[]) => data.flatMap((d) => messageKeys(d));
  const namespaces = [...new Set(outcomes.flatMap((o) => namespacesOf(o.routeId)))];
  const unknownKeys = (keys: string[]) => keys.filter((k) => KEY.test(k) && !translate(k, locale, namespaces.length ? namespaces : ["common"]));

  if (type.startsWith("text/plain")) return body.trim() ? null : "an empty plain-text refusal";
  if (type.includes("json")) {
    const missing = unknownKeys(keysOf([JSON.parse(body || "null")]));
    return missing.length ? `untranslated keys in the data: ${missing.join(", ")}` : null;
  }
  if (!type.startsWith("text/html")) return null; // a resource route's own answer (no page to show a message on)

  const text = decodeEntities(body);
  if (body.includes('class="error-page"')) {
    const status = (KNOWN_ERROR_STATUSES as readonly number[]).includes(response.status) ? response.status : 400;
    const title = translate(`errors.${status}.title`, locale, ["common"])!;
    return text.includes(title) ? null : `the error page lacks its title « ${title} »`;
  }
  const raw = rawKeysShown(text);
  if (raw.length) return `raw translation keys on the page: ${raw.join(", ")}`;
  // A page its loader answered with a 4xx (an expired link, a session not open) says why in its own words.
  if (outcomes.some((o) => o.kind === "loader" && o.result instanceof Response && o.result.status < 500)) {
    return /<h1[^>]*>[\s\S]*?\S[\s\S]*?<\/h1>/.test(text) ? null : `a ${response.status} page without a heading`;
  }
  const keys = keysOf(refusals);
  if (!keys.length) return `a ${response.status} page with no message in the refusal's data`;
  const missing = unknownKeys(keys);
  if (missing.length) return `untranslated keys: ${missing.join(", ")}`;
  const shown = keys.filter((k) => KEY.test(k)).map((k) => translate(k, locale, namespaces)!);
  // The refusal's own message, or an alert the page raised instead (the form it was about is gone).
  if (shown.some((t) => text.includes(fixedPart(t))) || /<main[\s\S]*role="alert"[\s\S]*<\/main>/.test(body)) return null;
  return `no message of the refusal is on the page: ${shown.map((t) => `« ${t} »`).join(", ")}`;
}
