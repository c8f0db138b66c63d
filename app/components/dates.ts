/**
 * Dates and numbers are shown in the territory's time zone, formatted on the server so the browser renders
 * the same text. Intl formatters are costly to create (about 0.1 ms for a date format with a time zone,
 * 60 times more than formatting): they are made once per locale and options, then reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function numberFormat(locale: string): Intl.NumberFormat {
  const key = `n ${locale}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale)));
  return format;
}

export function formatDateTime(date: Date | string, locale: string) {
  return dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(date));
}
