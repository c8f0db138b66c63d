/**
 * Dates and numbers are shown in the territory's time zone, formatted on the server so the browser renders
 * the same text. Intl formatters are costly to create (about 0.1 ms for a date format with a time zone,
 * 60 times more than formatting): they are made once per locale and options, then reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${locale} ${options ? JSON.stringify(options) : ""}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function collator(locale: string): Intl.Collator {
  const key = `c ${locale}`;
  let compare = formatters.get(key) as Intl.Collator | undefined;
  if (!compare) formatters.set(key, (compare = new Intl.Collator(locale)));
  return compare;
}

// The format of every contribution and timeline entry: kept per locale, without building a key each time.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(date: Date | string, locale: string) {
  let format = dateTimeFormats.get(locale);
  if (!format) dateTimeFormats.set(locale, (format = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" })));
  return format.format(new Date(date));
}
