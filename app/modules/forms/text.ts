/**
 * Text as it reaches us in forms and URLs, checked once for every field (parse-form.server.ts) and every
 * search word. Pure: shared by server and browser.
 *
 * - NUL: PostgreSQL refuses it in text (« invalid byte sequence for encoding UTF8 »).
 * - U+FFFD: what invalid UTF-8 bytes become once decoded; a person who types never sends it.
 * - Lone surrogates: half a character, which no encoder can write.
 */
import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const BROKEN = /\u0000|\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Does the text hold a NUL, a replacement character (invalid bytes) or half a character? */
export function isBrokenText(value: string) {
  return BROKEN.test(value);
}

/** The text with each NUL and half character shown as U+FFFD (to send a refused value back to the form). */
export function markBrokenText(value: string) {
  return value.replace(LONE_SURROGATE, "\uFFFD").replaceAll("\u0000", "\uFFFD");
}

/** The message of a field refused for it (common namespace). */
export const BROKEN_TEXT_MESSAGE = "validation.brokenText";

/** A required text field: trimmed, not empty, at most `max` characters (messages of the common namespace). */
export function requiredText(max: number) {
  return z.string({ required_error: "validation.required", invalid_type_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
}

/** An optional text field: trimmed, at most `max` characters; left empty, it is null. */
export function optionalText(max: number, tooLong = "validation.tooLong") {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));
}

/** A single-line field: line breaks, tabs and runs of spaces become one space; no space at either end. */
export function singleLine(value: string) {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
}

/** A single-line field (an <input>): whatever is pasted into it, line breaks included, comes out as one line. */
export function singleLineText<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? singleLine(value) : value), schema);
}

/**
 * Search words from a URL, which any page must read without failing: half characters become U+FFFD,
 * control characters (NUL included) spaces, spaces are collapsed, and the text is cut at `max` characters.
 */
export function searchText(raw: string, max: number) {
  const text = singleLine(raw.replace(LONE_SURROGATE, "\uFFFD").normalize("NFC"));
  return [...text].slice(0, max).join("").trim();
}
