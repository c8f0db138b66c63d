/**
 * What a prober sends, as fast-check arbitraries: values for one field or one query parameter, whole
 * form bodies in every content type a server may be sent, query strings and path segments. Values are
 * often the route's own valid sample with something hostile in or around it, so that requests get past
 * the first check and reach the deeper ones.
 */
import fc from "fast-check";
import { MAX_BODY_BYTES } from "#app/modules/security/request-guards.server.ts";

/** Field names a prober adds: prototype keys, array and object syntax, Remix's own parameters. */
const JUNK_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "intent[]", "a[b]", "a[]", "", " ", "_data", "index", "_js", "redirectTo", "%00", "é", "x".repeat(300)];

const UNICODE_EDGES = [
  "\u202eétnoS\u202c", // right-to-left override
  "\u200f\u200e\u061c", // RTL/LTR marks, Arabic letter mark
  "a\u200b\u200c\u200d\u2060\ufeffb", // zero-width characters
  "e\u0301\u0301\u0301\u0301\u0301\u0301", // a pile of combining accents
  "Z\u0351\u0358\u0359\u035a\u035b\u0300\u0301\u0302",
  "👩🏽‍🚒🏳️‍🌈🇫🇷",
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "a\ud83d", // half an emoji
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m\u007f\u0085",
  "\ufffd",
  "\uffff\ufffe",
  "\u2028\u2029",
  "ǅ ﬃ ẞ İ ı", // case mappings that change length
  "１２３", // full-width digits
  "٣٤", // Arabic-Indic digits
];

const MARKUP = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</textarea><b>gras</b>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "<!--",
  "&amp;&lt;&#0;",
  "[lien](javascript:alert(1)) https://exemple.org http://a.b/c?d=<e>",
];

const SQL = ["' OR '1'='1", "1; DROP TABLE users; --", "%' --", "'", '"', "\\", "$$", "E'\\x00'", "') union select null--", "::uuid", "a%_b"];

const NUMBERS = [
  "0",
  "-0",
  "-1",
  "1.5",
  "1e1",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "0x1F",
  "0b11",
  "+5",
  " 12 ",
  "00012",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "99999999999999999999999999999999",
  "1_000",
];

const SHAPES = [
  "00000000-0000-0000-0000-000000000000",
  "00000000-0000-4000-8000-000000000000",
  "2026-02-30",
  "9999-12-31",
  "0000-00-00",
  "25:61",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"a":1}',
  "../../etc/passwd",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "%2e%2e%2f",
  "on",
  "off",
];

/** One hostile value (10 kB at most: also fits in a URL). */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "\t\n\r", "\u00a0\u3000"),
  fc.constantFrom(...UNICODE_EDGES),
  fc.constantFrom(...MARKUP),
  fc.constantFrom(...SQL),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...SHAPES),
  fc.uuid(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: "binary", maxLength: 40 }), // any code unit, lone surrogates included
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom("x".repeat(10_000), "é".repeat(5_000), "😀".repeat(2_500), "a ".repeat(5_000), "\n".repeat(3_000)),
);

/** A value for a field whose valid sample is `sample`: often that sample, or the sample with something hostile around it. */
export function fieldValue(sample: string | undefined): fc.Arbitrary<string> {
  if (sample === undefined) return hostileValue;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(sample) },
    { weight: 4, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.tuple(hostileValue, fc.boolean()).map(([bad, before]) => (before ? bad + sample : sample + bad)) },
  );
}

/**
 * How a value travels in a URL-encoded body or a query string: properly encoded, or with raw bytes that
 * are not UTF-8 (an overlong "/", a truncated sequence, a UTF-8-encoded surrogate, 0xFF), a bare "%", "+".
 */
const RAW_PIECES = ["%C3%28", "%FF", "%C0%AF", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%00", "%", "%zz", "%2", "+", "%25", "%26", "%3D"];
export function encodedValue(value: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(encode(value)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...RAW_PIECES), fc.nat(3)).map(([raw, at]) => spliceAt(encode(value), raw, at)) },
  );
}

/** URL encoding as a browser does it (lone surrogates become U+FFFD; encodeURIComponent would throw). */
export function encode(value: string) {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function spliceAt(text: string, piece: string, at: number) {
  const i = at === 0 ? 0 : at === 1 ? text.length : Math.floor(text.length / 2);
  // Never inside a %XX escape: the piece would not be what it says.
  const safe = text.lastIndexOf("%", i) > i - 3 && text.lastIndexOf("%", i) !== -1 ? text.lastIndexOf("%", i) : i;
  return text.slice(0, safe) + piece + text.slice(safe);
}

export type Field = [name: string, value: string];

/**
 * The fields of a generated form: the sample's fields (each kept, made hostile, left out, or sent two or
 * three times), names the route reads, and a few unknown ones.
 */
export function formFields(samples: Record<string, string>[], readNames: string[]): fc.Arbitrary<Field[]> {
  const sampleArb = samples.length ? fc.constantFrom(...samples) : fc.constant<Record<string, string>>({});
  return fc
    .tuple(
      sampleArb.chain((sample) =>
        fc.tuple(
          ...Object.entries(sample).map(([name, value]) =>
            fc.oneof(
              { weight: 6, arbitrary: fieldValue(value).map((v): Field[] => [[name, v]]) },
              { weight: 1, arbitrary: fc.constant<Field[]>([]) },
              { weight: 1, arbitrary: fc.array(fieldValue(value), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v): Field => [name, v])) },
            ),
          ),
        ),
      ),
      fc.array(fc.tuple(fc.constantFrom(...(readNames.length ? readNames : ["q"])), hostileValue), { maxLength: 2 }),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...JUNK_NAMES), fc.string({ unit: "binary", maxLength: 12 })), hostileValue), { maxLength: 2 }),
    )
    .map(([sampled, read, junk]) => [...sampled.flat(), ...read, ...junk]);
}

export type Body = { contentType: string | null; body: string | FormData | Uint8Array<ArrayBuffer> | null; label: string };

function urlEncoded(fields: Field[]): fc.Arbitrary<string> {
  if (!fields.length) return fc.constant("");
  return fc.tuple(...fields.map(([name, value]) => fc.tuple(encodedValue(name), encodedValue(value)))).map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join("&"));
}

/** A form's fields as one body: a well-formed form most of the time, else every other way a body can come. */
export function formBody(fields: Field[]): fc.Arbitrary<Body> {
  const form = urlEncoded(fields);
  return fc.oneof(
    { weight: 12, arbitrary: form.map((body): Body => ({ contentType: "application/x-www-form-urlencoded", body, label: "form" })) },
    {
      weight: 2,
      arbitrary: fc.constant(fields).map((fs): Body => {
        const data = new FormData();
        for (const [name, value] of fs) data.append(name, value);
        data.append("upload", new Blob(["%PDF-1.4 \u0000\u00ff"], { type: "application/pdf" }), "../../fichier.pdf");
        return { contentType: null, body: data, label: "multipart" };
      }),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "application/json", body: JSON.stringify(Object.fromEntries(fields)), label: "json" }) },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "application/json", body: '{"intent": ["support"], "a": {"b": 1e309}, "__proto__": {"x": 1}', label: "broken json" }) },
    { weight: 1, arbitrary: form.map((body): Body => ({ contentType: "text/plain", body: body.replaceAll("&", "\n"), label: "text/plain" })) },
    { weight: 1, arbitrary: form.map((body): Body => ({ contentType: null, body, label: "no content type" })) },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "application/x-www-form-urlencoded", body: null, label: "no body" }) },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "multipart/form-data; boundary=xyz", body: "--xyz\r\nContent-Disposition: form-data; name=\"a\r\n\r\n--xy", label: "broken multipart" }) },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "multipart/form-data", body: "a=1", label: "multipart without boundary" }) },
    { weight: 1, arbitrary: form.map((body): Body => ({ contentType: "application/x-www-form-urlencoded; charset=latin1", body: new Uint8Array([...new TextEncoder().encode(body), 0xe9, 0xff, 0x00]), label: "latin-1 bytes" })) },
    // Past the body limit: the server answers 413 before any route.
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: "application/x-www-form-urlencoded", body: `body=${"x".repeat(MAX_BODY_BYTES)}`, label: "1 MB" }) },
  );
}

/** A query string: the parameters the route reads and the case's own, with hostile values, duplicated, and junk. */
export function queryString(names: string[], samples: Record<string, string>): fc.Arbitrary<string> {
  const known = [...new Set([...names, ...Object.keys(samples)])];
  const param = fc.tuple(known.length ? fc.constantFrom(...known) : fc.constant("q"), fc.boolean()).chain(([name, fromSample]) =>
    fc.tuple(encodedValue(name), fromSample ? fieldValue(samples[name]).chain(encodedValue) : hostileValue.chain(encodedValue)),
  );
  const junk = fc.tuple(fc.constantFrom(...JUNK_NAMES).chain(encodedValue), hostileValue.chain(encodedValue));
  return fc
    .tuple(fc.array(param, { minLength: 1, maxLength: 5 }), fc.array(junk, { maxLength: 2 }), fc.constantFrom("", "", "", "&index", "&_data=root", "&_data=routes%2Fnope", "&&", "&=", "#x"))
    .map(([params, junks, tail]) => [...params, ...junks].map(([n, v]) => `${n}=${v}`).join("&") + tail);
}

/** A path segment in place of a route parameter (an id, a code, a token). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileValue.filter((v) => v.length < 3000).map((v) => encode(v).replaceAll("+", "%20")),
  fc.constantFrom(...RAW_PIECES.filter((p) => p !== "+")),
  fc.constantFrom("%2F", "..", ".", "%2e%2e", "%5C", "0", "-1", "1e999", "ＱＰ062024"),
);

/** Headers a prober plays with (bytes as HTTP carries them): the language, and the cookies the app reads (session, flash, language). */
export const hostileHeaders = fc.record({
  acceptLanguage: fc.constantFrom(null, "fr", "en", "en-GB,en;q=0.9", "xx", "*", "fr;q=abc", "\u00e9\u00ff;q=1", "a".repeat(500)),
  extraCookie: fc.constantFrom(null, null, null, "lng=xx", "lng=%FF", "labo_flash=%E0%A4%A", "labo_flash=eyJ4IjoxfQ%3D%3D", "labo_session=" + "a".repeat(40), "labo_session=%00"),
});
