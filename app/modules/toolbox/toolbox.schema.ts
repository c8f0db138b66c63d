/**
 * The toolbox entry forms: one zod schema per kind, shared by the page (react-hook-form) and the action
 * (parseForm). Each kind reads only the fields it shows; a field of another kind sent anyway is dropped.
 * Pure (no database): messages are translation keys ("toolbox:…" or the common namespace's).
 */
import { z } from "zod";
import { optionalText, requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { TOOLBOX_KINDS, type ToolboxKind } from "#db/schema/toolbox.ts";

export { TOOLBOX_KINDS, type ToolboxKind };

export const TITLE_MAX = 150;
export const SUMMARY_MAX = 2000;
export const LONG_MAX = 3000;
export const SHORT_MAX = 300;
export const STEPS_MAX = 4000;
export const DURATION_MAX = 1440;
/** At most this many checked boxes of one group (there are 12 ambitions and about 40 communes). */
const MAX_CHOICES = 60;

export const TOOLBOX_INTENTS = ["save_draft", "publish", "unpublish"] as const;
export type ToolboxIntent = (typeof TOOLBOX_INTENTS)[number];

export function isToolboxKind(value: unknown): value is ToolboxKind {
  return typeof value === "string" && (TOOLBOX_KINDS as readonly string[]).includes(value);
}

const AMBITION = /^(?:[1-9]|1[0-2])$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const QUARTIER_CODE = /^QP\d{6}$/;

/** A group of checkboxes is always a list (none checked: absent from the post, so an empty list). */
function checkboxes<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []), z.array(item).max(MAX_CHOICES, "validation.invalid"));
}

/** Optional text stored as "" when left empty (the columns are not null). */
const text = (max: number) => optionalText(max).transform((value) => value ?? "");
const line = (max: number) => singleLineText(text(max));

const ambitionNumbers = checkboxes(z.string())
  .refine((list) => list.every((value) => AMBITION.test(value)), "toolbox:validation.unknownAmbition")
  .transform((list) => [...new Set(list.map(Number))].sort((a, b) => a - b));

const communeSlugs = checkboxes(z.string())
  .refine((list) => list.every((value) => value.length <= 60 && SLUG.test(value)), "toolbox:validation.unknownCommune")
  .transform((list) => [...new Set(list)].sort());

const quartierCode = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || QUARTIER_CODE.test(value), "toolbox:validation.unknownQuartier")
  .transform((value) => value || null);

const durationMinutes = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || /^\d{1,4}$/.test(value), "toolbox:validation.durationInvalid")
  .transform((value) => (value ? Number(value) : null))
  .refine((value) => value === null || (value >= 1 && value <= DURATION_MAX), "toolbox:validation.durationInvalid");

/** Which button was pressed; a post without one (a hand-made request) only saves a draft. */
const intent = z.enum(TOOLBOX_INTENTS).optional();

const common = {
  intent,
  title: singleLineText(requiredText(TITLE_MAX)),
  summary: requiredText(SUMMARY_MAX),
  ambitionNumbers,
};

export const ExperienceSchema = z.object({
  ...common,
  place: line(SHORT_MAX),
  quartierCode,
  communeSlugs,
  people: text(LONG_MAX),
  whatWorked: requiredText(LONG_MAX),
  whatDidNot: text(LONG_MAX),
  organisation: line(SHORT_MAX),
  publicContact: text(SHORT_MAX),
});

export const MethodSchema = z.object({
  ...common,
  audience: line(SHORT_MAX),
  durationMinutes,
  material: text(LONG_MAX),
  steps: requiredText(STEPS_MAX),
});

export const ActorSchema = z.object({
  ...common,
  themes: line(SHORT_MAX),
  actions: requiredText(LONG_MAX),
  quartierCode,
  communeSlugs,
  publicContact: text(SHORT_MAX),
});

export const TOOLBOX_SCHEMAS = { experience: ExperienceSchema, method: MethodSchema, actor: ActorSchema } as const;
export type ToolboxSchema = (typeof TOOLBOX_SCHEMAS)[ToolboxKind];

export function toolboxSchemaFor(kind: ToolboxKind) {
  return TOOLBOX_SCHEMAS[kind];
}

/** The fields each kind's form shows, in order (the error summary's order, and what an edit form starts with). */
export const TOOLBOX_FIELDS = {
  experience: ["title", "summary", "place", "quartierCode", "communeSlugs", "people", "whatWorked", "whatDidNot", "ambitionNumbers", "organisation", "publicContact"],
  method: ["title", "summary", "audience", "durationMinutes", "material", "steps", "ambitionNumbers"],
  actor: ["title", "summary", "themes", "actions", "quartierCode", "communeSlugs", "ambitionNumbers", "publicContact"],
} as const satisfies Record<ToolboxKind, readonly string[]>;

type Parsed = z.infer<ToolboxSchema>;

/** Every column an entry holds; the kind's form fills its own, the others stay empty. */
export type ToolboxEntryInput = {
  title: string;
  summary: string;
  place: string;
  people: string;
  whatWorked: string;
  whatDidNot: string;
  organisation: string;
  publicContact: string;
  steps: string;
  durationMinutes: number | null;
  material: string;
  audience: string;
  themes: string;
  actions: string;
  quartierCode: string | null;
  ambitionNumbers: number[];
  communeSlugs: string[];
};

const EMPTY: ToolboxEntryInput = {
  title: "",
  summary: "",
  place: "",
  people: "",
  whatWorked: "",
  whatDidNot: "",
  organisation: "",
  publicContact: "",
  steps: "",
  durationMinutes: null,
  material: "",
  audience: "",
  themes: "",
  actions: "",
  quartierCode: null,
  ambitionNumbers: [],
  communeSlugs: [],
};

/** The parsed form as the entry's columns: the other kinds' fields are emptied. */
export function toEntryInput(data: Parsed): ToolboxEntryInput {
  const { intent: _intent, ...fields } = data;
  return { ...EMPTY, ...fields };
}

/** Steps are typed one per line: the numbered list shows the non-empty lines. */
export function splitSteps(steps: string): string[] {
  return steps
    .split(/\r?\n/)
    .map((step) => step.replace(/^\s*(?:\d+\s*[.)-]|[-•*])\s*/, "").trim())
    .filter(Boolean);
}
