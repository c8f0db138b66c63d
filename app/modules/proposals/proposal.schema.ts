import { z } from "zod";
import { singleLineText } from "#app/modules/forms/text.ts";
import { HONEYPOT_FIELD, honeypotField } from "#app/modules/forms/honeypot.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

// Shared by the forms (client) and the actions (server). Messages are translation keys.
export const TITLE_MIN = 10;
export const TITLE_MAX = 150;
export const BODY_MIN = 30;
export const BODY_MAX = 5000;
export const PLACE_MAX = 300;
export const SECONDARY_AMBITIONS_MAX = 3;
export const UPDATE_MIN = 10;
export const UPDATE_MAX = 2000;
export const WITHDRAW_REASON_MAX = 500;

const AMBITION = /^(?:[1-9]|1[0-2])$/;
const AXIS_KEY = /^[a-z][a-z0-9_]{0,59}$/;
const CHOICE = /^[A-Za-z0-9-]{1,100}$/;

/**
 * A group of checkboxes: a list on the server (parseForm), a list or `false` from react-hook-form
 * when nothing is checked, a single string from a hand-made request. Always a list here.
 */
function checkboxes<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []), z.array(item));
}

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .min(min, tooShort)
    .max(max, tooLong);

/** "" (nothing chosen) becomes null; anything else must look like an id (the server checks it exists). */
const optionalChoice = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || CHOICE.test(value), "validation.invalid")
  .transform((value) => (value ? value : null));

const proposalFields = {
  title: singleLineText(text(TITLE_MIN, TITLE_MAX, "proposals:validation.titleTooShort", "proposals:validation.titleTooLong")),
  body: text(BODY_MIN, BODY_MAX, "proposals:validation.bodyTooShort", "proposals:validation.bodyTooLong"),
  ambitionNumber: z
    .string({ required_error: "proposals:validation.ambitionRequired", invalid_type_error: "proposals:validation.ambitionRequired" })
    .min(1, "proposals:validation.ambitionRequired")
    .regex(AMBITION, "validation.invalid")
    .transform(Number),
  secondaryAmbitions: checkboxes(z.string())
    .refine((list) => list.every((value) => AMBITION.test(value)), "validation.invalid")
    .transform((list) => [...new Set(list.map(Number))])
    .refine((list) => list.length <= SECONDARY_AMBITIONS_MAX, "proposals:validation.tooManySecondaryAmbitions"),
  axes: checkboxes(z.string())
    .refine((list) => list.every((value) => AXIS_KEY.test(value)), "validation.invalid")
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length <= 10, "validation.invalid"),
  quartierCode: optionalChoice,
  communeSlug: optionalChoice,
  placeDescription: z
    .string()
    .trim()
    .max(PLACE_MAX, "proposals:validation.placeTooLong")
    .optional()
    .transform((value) => (value ? value : null)),
};

type ProposalShape = z.infer<z.ZodObject<typeof proposalFields>>;

/** The rules between fields: a place is needed, and the main ambition is not also a secondary one. */
function crossFieldRules(data: ProposalShape, ctx: z.RefinementCtx) {
  if (!data.quartierCode && !data.communeSlug) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quartierCode"], message: "proposals:validation.placeRequired" });
  }
  if (data.secondaryAmbitions.includes(data.ambitionNumber)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["secondaryAmbitions"], message: "proposals:validation.secondaryIsMain" });
  }
}

/** Editing a proposal: the same fields as creating one. */
export const ProposalSchema = z.object(proposalFields).superRefine(crossFieldRules);
export type ProposalInput = z.infer<typeof ProposalSchema>;

/**
 * Creating one: which of the two buttons was pressed. A form sent without it (an old page, a script) is
 * kept as a draft: publishing is always a deliberate act.
 */
export const NewProposalSchema = z
  .object({ ...proposalFields, intent: z.enum(["draft", "publish"]).optional().catch(undefined), [HONEYPOT_FIELD]: honeypotField })
  .superRefine(crossFieldRules);

/** The author's actions on the proposal page (told apart by the `intent` field, read by the route). */
export const PROPOSAL_PAGE_INTENTS = ["publish", "withdraw", "update"] as const;
export type ProposalPageIntent = (typeof PROPOSAL_PAGE_INTENTS)[number];

export const WithdrawProposalSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(WITHDRAW_REASON_MAX, "proposals:validation.reasonTooLong")
    .optional()
    .transform((value) => (value ? value : null)),
});

export const ProposalUpdateSchema = z.object({
  text: text(UPDATE_MIN, UPDATE_MAX, "proposals:validation.updateTooShort", "proposals:validation.updateTooLong"),
});

/** Proposal ids are UUIDs: anything else is "not found" before any query runs. */
export const parseProposalId = (raw: string | undefined): string | null => parseUuid(raw);
