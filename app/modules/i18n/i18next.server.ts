import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { isProduction } from "#app/env.server.ts";
import { fallbackLng, i18nConfig, isLocale, supportedLngs, type Locale } from "./i18n.ts";
import { resources } from "./resources.server.ts";

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

/** A translator for a given locale, for emails and server-side messages. */
const translators = new Map<string, Promise<TFunction>>();
export function getFixedT(locale: Locale, ns: string | string[] = "common"): Promise<TFunction> {
  const key = `${locale}|${String(ns)}`;
  let pending = translators.get(key);
  if (!pending) {
    const instance = createInstance();
    pending = instance.init({ ...i18nConfig, lng: locale, ns, defaultNS: Array.isArray(ns) ? ns[0] : ns, resources }).then(() => instance.getFixedT(locale, ns));
    translators.set(key, pending);
  }
  return pending;
}

export async function createServerI18n(locale: Locale, ns: string[]) {
  const instance = createInstance();
  return { instance, init: () => instance.init({ ...i18nConfig, lng: locale, ns, resources }) };
}
