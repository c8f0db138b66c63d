export const supportedLngs = ["fr", "en"] as const;
export type Locale = (typeof supportedLngs)[number];
export const fallbackLng: Locale = "fr";
export const defaultNS = "common";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLngs as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  // A component of a feature namespace shows messages of the common one too (a form refused as unreadable,
  // "validation.invalidForm"), rather than the raw key.
  fallbackNS: defaultNS,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  // The server loads every namespace a page needs before rendering; the client suspends (entry.client).
  react: { useSuspense: false },
};
