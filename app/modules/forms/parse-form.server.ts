import { z } from "zod";
import { BROKEN_TEXT_MESSAGE, isBrokenText, markBrokenText } from "./text.ts";

export type FieldErrors = Record<string, string>;

/** Does the schema's output have a list field (checkboxes)? Then the values sent back hold lists too. */
type HasListField<T> = T extends Record<string, unknown> ? (true extends { [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? true : false }[keyof T] ? true : false) : false;
/** What was typed, sent back to the page: one string per field, or a list for multi-valued fields. */
export type FormValues<S extends z.ZodTypeAny = z.ZodTypeAny> = HasListField<z.infer<S>> extends true ? Record<string, string | string[]> : Record<string, string>;

export type ParsedForm<T, V = Record<string, string>> = { ok: true; data: T; values: V } | { ok: false; errors: FieldErrors; values: V };

/** Fields whose value is never sent back to the page. */
const SECRET = /password|token/i;
const MAX_FIELDS = 200;

/**
 * Reads a form post and validates it with the same zod schema as the client. Never throws: a body that
 * is not a form (wrong content type, malformed) yields a form-level error, answered with 400.
 */
export async function parseForm<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<ParsedForm<z.infer<S>, FormValues<S>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, errors: { form: "validation.invalidForm" }, values: {} as FormValues<S> };
  }
  return validateFormData(formData, schema);
}

/** Peels the wrappers zod puts around a field or a form (refinements, optional, default…). */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    if (current instanceof z.ZodEffects) current = current._def.schema;
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodCatch) current = current._def.innerType;
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else if (current instanceof z.ZodBranded) current = current._def.type;
    else break;
  }
  return current;
}

const knownFieldCache = new WeakMap<z.ZodTypeAny, Set<string> | null>();

/** The fields a form schema reads (every option's, for a union), or null when it is not made of fields. */
function knownFields(schema: z.ZodTypeAny): Set<string> | null {
  if (knownFieldCache.has(schema)) return knownFieldCache.get(schema)!;
  const form = unwrap(schema);
  const options: z.ZodTypeAny[] = form instanceof z.ZodUnion || form instanceof z.ZodDiscriminatedUnion ? [...form.options] : [form];
  const shapes = options.map(unwrap).map((option) => (option instanceof z.ZodObject ? Object.keys(option.shape) : null));
  const fields = shapes.every((keys) => keys !== null) ? new Set(shapes.flat() as string[]) : null;
  knownFieldCache.set(schema, fields);
  return fields;
}

const listFieldCache = new WeakMap<z.ZodTypeAny, Set<string>>();

/** The fields of a form schema that take several values (z.array), e.g. a group of checkboxes. */
export function listFields(schema: z.ZodTypeAny): Set<string> {
  let fields = listFieldCache.get(schema);
  if (!fields) {
    const form = unwrap(schema);
    const shape: Record<string, z.ZodTypeAny> = form instanceof z.ZodObject ? form.shape : {};
    fields = new Set(Object.entries(shape).flatMap(([key, field]) => (unwrap(field) instanceof z.ZodArray ? [key] : [])));
    listFieldCache.set(schema, fields);
  }
  return fields;
}

/**
 * A form field holds one value, except a field the schema declares as an array, or one whose name ends
 * in "[]" (stored without the brackets): every value sent under that name is kept, in order. A list
 * field with nothing checked is simply absent; its schema decides what that means.
 */
export function validateFormData<S extends z.ZodTypeAny>(formData: FormData, schema: S): ParsedForm<z.infer<S>, FormValues<S>> {
  const lists = listFields(schema);
  const known = knownFields(schema);
  const raw: Record<string, string | string[]> = {};
  const broken = new Set<string>();
  let count = 0;
  for (const [key, value] of formData) {
    if (++count > MAX_FIELDS) return { ok: false, errors: { form: "validation.invalidForm" }, values: {} as FormValues<S> };
    if (typeof value !== "string") continue; // files are handled by their own parsers
    // NUL, U+FFFD (invalid UTF-8 bytes, decoded) and half characters are refused below, for every field
    // the form reads (a field it does not know is dropped anyway: refusing the form for it would show no
    // message, since no page has that field); the value sent back shows each as U+FFFD, to retype.
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    if (isBrokenText(value) && (known === null || known.has(name))) broken.add(name);
    const clean = markBrokenText(value).normalize("NFC");
    const listKey = key.endsWith("[]") ? key.slice(0, -2) : lists.has(key) ? key : null;
    if (listKey === null) {
      raw[key] = clean;
    } else {
      const list = raw[listKey];
      raw[listKey] = Array.isArray(list) ? [...list, clean] : [clean];
    }
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET.test(key))) as FormValues<S>;
  const result = schema.safeParse(raw);
  if (result.success && broken.size === 0) return { ok: true, data: result.data, values };
  const errors: FieldErrors = Object.fromEntries([...broken].map((key) => [key, BROKEN_TEXT_MESSAGE]));
  if (result.success) return { ok: false, errors, values };
  for (const issue of result.error.issues) {
    // An error about one item of a list belongs to the list's field (that is where it is shown).
    const [first] = issue.path;
    const key = typeof first === "string" && (lists.has(first) || Array.isArray(raw[first])) ? first : issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}
