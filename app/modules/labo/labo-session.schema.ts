import { z } from "zod";
import { optionalText, requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { isDateInput, isTimeInput, parisToInstant } from "./paris-time.ts";

// Shared by the session form (client) and the actions (server). Messages are translation keys.
export const TITLE_MAX = 150;
export const SHORT_MAX = 150;
export const LONG_MAX = 3000;
export const INFO_MAX = 600;
export const CAPACITY_MAX = 2000;
export const CANCEL_REASON_MAX = 500;
/** Atelier rows the form can hold; it shows DEFAULT_ATELIER_ROWS and one more per "add an atelier". */
export const MAX_ATELIERS = 12;
export const DEFAULT_ATELIER_ROWS = 3;

const AMBITION = /^(?:[1-9]|1[0-2])$/;
const SLUG = /^[a-z0-9-]{1,100}$/;
const USER_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A group of checkboxes is always a list here (see proposal.schema.ts). */
function checkboxes<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []), z.array(item));
}

export const atelierField = (index: number, part: "Title" | "Question" | "Facilitator") => `atelier${index}${part}`;

const atelierFields = Object.fromEntries(
  Array.from({ length: MAX_ATELIERS }, (_, i) => [
    [atelierField(i, "Title"), singleLineText(optionalText(SHORT_MAX))],
    [atelierField(i, "Question"), optionalText(INFO_MAX)],
    [atelierField(i, "Facilitator"), singleLineText(optionalText(SHORT_MAX))],
  ]).flat(),
) as Record<string, z.ZodType<string | null, z.ZodTypeDef, unknown>>;

const sessionFields = {
  title: singleLineText(requiredText(TITLE_MAX).pipe(z.string().min(5, "labo:validation.titleTooShort"))),
  theme: singleLineText(optionalText(SHORT_MAX)),
  description: optionalText(LONG_MAX),
  ambitionNumbers: checkboxes(z.string())
    .refine((list) => list.every((value) => AMBITION.test(value)), "validation.invalid")
    .transform((list) => [...new Set(list.map(Number))]),
  communeSlug: z
    .string({ required_error: "labo:validation.communeRequired", invalid_type_error: "labo:validation.communeRequired" })
    .trim()
    .min(1, "labo:validation.communeRequired")
    .regex(SLUG, "labo:validation.unknownCommune"),
  placeName: singleLineText(requiredText(SHORT_MAX)),
  placeAddress: singleLineText(optionalText(INFO_MAX)),
  accessInfo: optionalText(INFO_MAX),
  accessibilityInfo: optionalText(INFO_MAX),
  date: z.string({ required_error: "labo:validation.dateRequired" }).trim().refine(isDateInput, "labo:validation.dateInvalid"),
  startTime: z.string({ required_error: "labo:validation.timeRequired" }).trim().refine(isTimeInput, "labo:validation.timeInvalid"),
  endTime: z.string({ required_error: "labo:validation.timeRequired" }).trim().refine(isTimeInput, "labo:validation.timeInvalid"),
  capacity: z
    .string({ required_error: "labo:validation.capacityRequired", invalid_type_error: "labo:validation.capacityRequired" })
    .trim()
    .min(1, "labo:validation.capacityRequired")
    .regex(/^\d+$/, "labo:validation.capacityNotNumber")
    .transform(Number)
    .refine((n) => n >= 1, "labo:validation.capacityTooSmall")
    .refine((n) => n <= CAPACITY_MAX, "labo:validation.capacityTooLarge"),
  animatorIds: checkboxes(z.string())
    .refine((list) => list.every((value) => USER_ID.test(value)), "validation.invalid")
    .transform((list) => [...new Set(list)]),
  ...atelierFields,
};

type RawSession = z.infer<z.ZodObject<typeof sessionFields>>;

/** One atelier row's value (the rows are flat fields, so the form works the same with and without JavaScript). */
function atelierValue(data: RawSession, index: number, part: "Title" | "Question" | "Facilitator") {
  return (data as Record<string, unknown>)[atelierField(index, part)] as string | null | undefined;
}

export type AtelierInput = { title: string; question: string; facilitatorName: string | null };

/** The rules between fields: the date is ahead, the end after the start, each atelier has a title and a question. */
function crossFieldRules(data: RawSession, ctx: z.RefinementCtx) {
  const startsAt = parisToInstant(data.date, data.startTime);
  const endsAt = parisToInstant(data.date, data.endTime);
  if (startsAt && startsAt.getTime() <= Date.now()) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["date"], message: "labo:validation.dateInPast" });
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endTime"], message: "labo:validation.endBeforeStart" });
  for (let i = 0; i < MAX_ATELIERS; i++) {
    const title = atelierValue(data, i, "Title");
    const question = atelierValue(data, i, "Question");
    const facilitator = atelierValue(data, i, "Facilitator");
    if (!title && !question && !facilitator) continue;
    if (!title) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [atelierField(i, "Title")], message: "labo:validation.atelierTitleRequired" });
    if (!question) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [atelierField(i, "Question")], message: "labo:validation.atelierQuestionRequired" });
  }
}

function toInput(data: RawSession) {
  const ateliers: AtelierInput[] = [];
  for (let i = 0; i < MAX_ATELIERS; i++) {
    const title = atelierValue(data, i, "Title");
    const question = atelierValue(data, i, "Question");
    if (title && question) ateliers.push({ title, question, facilitatorName: atelierValue(data, i, "Facilitator") ?? null });
  }
  return {
    title: data.title,
    theme: data.theme,
    description: data.description,
    ambitionNumbers: data.ambitionNumbers,
    communeSlug: data.communeSlug,
    placeName: data.placeName,
    placeAddress: data.placeAddress,
    accessInfo: data.accessInfo,
    accessibilityInfo: data.accessibilityInfo,
    startsAt: parisToInstant(data.date, data.startTime)!,
    endsAt: parisToInstant(data.date, data.endTime)!,
    capacity: data.capacity,
    animatorIds: data.animatorIds,
    ateliers,
  };
}

export type LaboSessionInput = ReturnType<typeof toInput>;

/**
 * The session form. `intent` says which button was pressed: save as a draft, announce (or keep
 * announced), or add an atelier row (the form comes back, nothing saved). A form sent without it is
 * kept as a draft: announcing is always a deliberate act.
 */
export const LaboSessionSchema = z
  .object({ ...sessionFields, intent: z.enum(["draft", "announce"]).optional().catch(undefined) })
  .superRefine(crossFieldRules)
  .transform((data) => ({ intent: data.intent ?? "draft", input: toInput(data) }));

export const CancelLaboSessionSchema = z.object({
  reason: requiredText(CANCEL_REASON_MAX),
});

/** How many atelier rows to show: the rows asked for, at least those holding something. */
export function atelierRowCount(values: Record<string, string | string[]> | undefined, asked?: string | null) {
  let rows = Math.max(DEFAULT_ATELIER_ROWS, Number.parseInt(asked ?? "", 10) || 0);
  for (let i = 0; i < MAX_ATELIERS; i++) {
    if (values?.[atelierField(i, "Title")] || values?.[atelierField(i, "Question")] || values?.[atelierField(i, "Facilitator")]) rows = Math.max(rows, i + 1);
  }
  return Math.min(rows, MAX_ATELIERS);
}

/** Session ids are UUIDs: anything else is "not found" before any query runs. */
export const parseLaboSessionId = (raw: string | undefined): string | null => parseUuid(raw);

/** The public agenda's filters, read from the URL; anything unexpected is ignored. */
export function parseAgendaFilters(params: URLSearchParams) {
  const commune = params.get("commune") ?? "";
  const ambition = params.get("ambition") ?? "";
  return {
    communeSlug: SLUG.test(commune) ? commune : null,
    ambitionNumber: AMBITION.test(ambition) ? Number(ambition) : null,
  };
}
