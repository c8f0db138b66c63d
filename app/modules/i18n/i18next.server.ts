import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { isProduction } from "#app/env.server.ts";
import { fallbackLng, i18nConfig, isLocale, supportedLngs, type Locale } from "./i18n.ts";
import { namespaces, resources } from "./resources.server.ts";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: isProduction,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    // The lng query parameter is not used: the switch is a form that sets the cookie.
    order: ["cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

export async function getLocale(request: Request): Promise<Locale> {
  const lng = await i18nServer.getLocale(request);
  return isLocale(lng) ? lng : fallbackLng;
}

/**
 * A translator for a given locale, for loaders, emails and server-side messages: a view of the shared
 * render instance of that locale, so it remembers its strings too.
 */
export async function getFixedT(locale: Locale, ns: string | string[] = "common"): Promise<TFunction> {
  return (await getRenderI18n(locale)).getFixedT(locale, ns);
}

/**
 * The instance that renders pages in a locale: one per locale, made once with every namespace (the
 * resources are in memory already), and shared by all requests. Nothing changes its language after
 * init, so sharing is safe; making one per request cost about a tenth of the server's time.
 */
const renderInstances = new Map<Locale, Promise<i18n>>();
export function getRenderI18n(locale: Locale): Promise<i18n> {
  let pending = renderInstances.get(locale);
  if (!pending) {
    const instance = createInstance();
    instance.use(initReactI18next);
    pending = instance.init({ ...i18nConfig, lng: locale, ns: namespaces, defaultNS: "common", resources }).then(() => memoizeTranslations(instance));
    renderInstances.set(locale, pending);
  }
  return pending;
}

const MEMO_LIMIT = 20_000;

/**
 * The same key with the same options always gives the same text (the resources never change while the
 * server runs), and a list page asks for a few hundred of them: remember the strings. Options that carry
 * residents' text (names, titles) make many keys, so the memory is emptied when it grows too large.
 */
function memoizeTranslations(instance: i18n): i18n {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const memo = new Map<string, string>();
  instance.t = ((key: unknown, options?: unknown) => {
    if (typeof key !== "string" || (options !== undefined && !isPlainOptions(options))) return translate(key, options);
    const memoKey = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const text = translate(key, options);
    if (typeof text === "string") {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(memoKey, text);
    }
    return text;
  }) as i18n["t"];
  return instance;
}

/** Options made only of strings, numbers, booleans and lists of them (what JSON keeps exactly). */
function isPlainOptions(options: unknown): boolean {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return false;
  return Object.values(options).every((value) => {
    if (value === undefined || value === null) return true;
    if (Array.isArray(value)) return value.every((item) => ["string", "number", "boolean"].includes(typeof item));
    return ["string", "number", "boolean"].includes(typeof value);
  });
}
