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
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};
