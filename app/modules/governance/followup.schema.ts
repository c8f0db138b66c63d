import { z } from "zod";
import { optionalText, requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

// Shared by the follow-up forms (client) and the actions (server). Messages are translation keys.
export const BODY_IN_CHARGE_MAX = 200;
export const ACTION_TITLE_MAX = 200;
export const PORTEUR_MAX = 200;
export const FUNDER_NAME_MAX = 120;
export const MILESTONE_TITLE_MAX = 200;
export const FOLLOWUP_TEXT_MIN = 10;
export const FOLLOWUP_TEXT_MAX = 3000;
/** Euros, whole: a contrat de ville action is counted in euros in the programmation table. */
export const AMOUNT_MAX = 100_000_000;
/** Funders' share lines the form can hold; it shows the filled ones and one or two empty more. */
export const MAX_FUNDERS = 8;
export const DEFAULT_FUNDER_ROWS = 3;

/** "12 000", "12000 €", "12 000,00": whole euros. Empty is null; anything else is an error. */
export function parseEuros(raw: string): number | null | "invalid" {
  const flat = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "").replace(/[,.]00$/, "");
  if (!flat) return null;
  if (!/^\d{1,9}$/.test(flat)) return "invalid";
  return Number(flat);
}

const optionalEuros = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const amount = parseEuros(value ?? "");
    if (amount === "invalid") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "followup:validation.amountInvalid" });
      return z.NEVER;
    }
    if (amount !== null && amount > AMOUNT_MAX) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "followup:validation.amountTooLarge" });
      return z.NEVER;
    }
    return amount;
  });

/** The hidden `version` every form carries: the proposal's governance_version it was built from. */
const version = z
  .string({ required_error: "followup:validation.versionMissing", invalid_type_error: "followup:validation.versionMissing" })
  .regex(/^\d{1,9}$/, "followup:validation.versionMissing")
  .transform(Number);

export const funderField = (index: number, part: "Name" | "Amount") => `funder${index}${part}`;

const funderFields = Object.fromEntries(
  Array.from({ length: MAX_FUNDERS }, (_, i) => [
    [funderField(i, "Name"), optionalText(FUNDER_NAME_MAX)],
    [funderField(i, "Amount"), optionalEuros],
  ]).flat(),
) as Record<string, typeof optionalEuros | ReturnType<typeof optionalText>>;

const followupFields = {
  version,
  bodyInCharge: singleLineText(requiredText(BODY_IN_CHARGE_MAX)),
  actionTitle: singleLineText(optionalText(ACTION_TITLE_MAX)),
  porteur: singleLineText(optionalText(PORTEUR_MAX)),
  amountEur: optionalEuros,
  ...funderFields,
};

type RawFollowup = z.infer<z.ZodObject<typeof followupFields>>;

function funderLine(data: RawFollowup, index: number) {
  const record = data as Record<string, unknown>;
  return { name: record[funderField(index, "Name")] as string | null, amount: record[funderField(index, "Amount")] as number | null };
}

/**
 * The funded action is optional; once anything of it is typed, it needs its title, porteur and total, each
 * share line a name and an amount, and the shares cannot add up to more than the total.
 */
function fundingRules(data: RawFollowup, ctx: z.RefinementCtx) {
  let shares = 0;
  let anyShare = false;
  for (let i = 0; i < MAX_FUNDERS; i++) {
    const { name, amount } = funderLine(data, i);
    if (name === null && amount === null) continue;
    anyShare = true;
    if (name === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [funderField(i, "Name")], message: "followup:validation.funderNameRequired" });
    if (amount === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [funderField(i, "Amount")], message: "followup:validation.funderAmountRequired" });
    shares += amount ?? 0;
  }
  const anyAction = anyShare || data.actionTitle !== null || data.porteur !== null || data.amountEur !== null;
  if (!anyAction) return;
  if (data.actionTitle === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["actionTitle"], message: "followup:validation.actionTitleRequired" });
  if (data.porteur === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["porteur"], message: "followup:validation.porteurRequired" });
  if (data.amountEur === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amountEur"], message: "followup:validation.amountRequired" });
  else if (shares > data.amountEur) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["funders"], message: "followup:validation.sharesAboveTotal" });
}

export type FunderShareInput = { name: string; amountEur: number };
export type FundedActionInput = { title: string; porteur: string; amountEur: number; funders: FunderShareInput[] };

function toFollowupInput(data: RawFollowup) {
  const funders: FunderShareInput[] = [];
  for (let i = 0; i < MAX_FUNDERS; i++) {
    const { name, amount } = funderLine(data, i);
    if (name !== null && amount !== null) funders.push({ name, amountEur: amount });
  }
  const action: FundedActionInput | null = data.actionTitle && data.porteur && data.amountEur !== null ? { title: data.actionTitle, porteur: data.porteur, amountEur: data.amountEur, funders } : null;
  return { version: data.version, bodyInCharge: data.bodyInCharge, action };
}

export type FollowupInput = ReturnType<typeof toFollowupInput>;

/** `start` and `funding`: who is in charge, and the funded action that carries it, if any. */
export const FollowupSchema = z.object(followupFields).superRefine(fundingRules).transform(toFollowupInput);

/** A date typed in a date field (YYYY-MM-DD), a real day between 2000 and 2100. */
export function isDayInput(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A browser without a date picker gets a text field: "12/03/2027" is read as the 12th of March. */
export function normaliseDay(value: string) {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  return french ? `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}` : value.trim();
}

export const MilestoneSchema = z.object({
  version,
  title: singleLineText(requiredText(MILESTONE_TITLE_MAX)),
  dueOn: z
    .string({ required_error: "followup:validation.dueOnRequired", invalid_type_error: "followup:validation.dueOnRequired" })
    .trim()
    .min(1, "followup:validation.dueOnRequired")
    .transform(normaliseDay)
    .refine(isDayInput, "followup:validation.dueOnInvalid"),
});

export const ReachMilestoneSchema = z.object({
  version,
  milestoneId: z.string({ required_error: "validation.invalid" }).refine((value) => parseUuid(value) !== null, "validation.invalid"),
});

const residentText = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .min(FOLLOWUP_TEXT_MIN, "followup:validation.textTooShort")
  .max(FOLLOWUP_TEXT_MAX, "validation.tooLong");

/** `progress`: news in plain French. */
export const ProgressSchema = z.object({ version, text: residentText });
/** `done`: the last word to residents (its own field name: both forms are on one page). */
export const DoneSchema = z.object({ version, lastWord: residentText });

/** How many share lines to show: the filled ones and one empty more, at least DEFAULT_FUNDER_ROWS. */
export function funderRowCount(values: Record<string, string | string[]> | undefined) {
  let rows = DEFAULT_FUNDER_ROWS;
  for (let i = 0; i < MAX_FUNDERS; i++) {
    if (values?.[funderField(i, "Name")] || values?.[funderField(i, "Amount")]) rows = Math.max(rows, i + 2);
  }
  return Math.min(rows, MAX_FUNDERS);
}
