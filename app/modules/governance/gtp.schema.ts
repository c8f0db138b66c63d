/**
 * The GTP's forms (groupe technique partenarial: the partners' technicians who instruct qualified
 * proposals), shared by the pages (client) and the actions (server), and the queue's filters. Messages are
 * translation keys. The lists repeat db/schema (the browser must not load the schema modules); `satisfies`
 * and the check below keep them equal.
 */
import { z } from "zod";
import { singleLineText } from "#app/modules/forms/text.ts";
import type { CostRange, Feasibility } from "#db/schema/governance.ts";
import type { AnswerKind, ProposalOrigin } from "#db/schema/proposals.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

export const FEASIBILITY_CHOICES = ["feasible", "conditional", "not_feasible"] as const satisfies readonly Feasibility[];
export const COST_CHOICES = ["none", "under_10k", "10k_100k", "over_100k"] as const satisfies readonly CostRange[];
/** The direct answers (a COPIL decision is recorded by the COPIL's relevé, not here). */
export const DIRECT_ANSWERS = ["already_done", "in_progress_elsewhere", "outside_contract"] as const satisfies readonly AnswerKind[];
export const ORIGINS = ["resident", "labo_session", "conseil_citoyen", "actor_network"] as const satisfies readonly ProposalOrigin[];
// Fails to compile when the database gains a value these lists lack.
export const gtpListsAreComplete: [Feasibility, CostRange, ProposalOrigin] extends [(typeof FEASIBILITY_CHOICES)[number], (typeof COST_CHOICES)[number], (typeof ORIGINS)[number]] ? true : never = true;

export const TEXT_MAX = 4000;
export const NOTE_MAX = 2000;
export const PARTNER_NAME_MAX = 120;
export const PARTNER_DESCRIPTION_MAX = 500;

const text = (max: number) => z.string().trim().max(max, "gtp:validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, "gtp:validation.tooLong"));
const uuid = (message: string) => z.string({ required_error: message, invalid_type_error: message }).transform((v, ctx) => parseUuid(v.trim()) ?? (ctx.addIssue({ code: "custom", message }), z.NEVER));

/** The proposal's governance version the form was built from: another coordinator's step changes it. */
const version = z.coerce.number({ invalid_type_error: "gtp:validation.version" }).int("gtp:validation.version").min(0, "gtp:validation.version");

export const AssignSchema = z.object({
  version,
  partnerId: uuid("gtp:validation.partnerRequired"),
});
export type AssignInput = z.infer<typeof AssignSchema>;

export const AnalysisSchema = z.object({
  version,
  feasibility: z.enum(FEASIBILITY_CHOICES, { errorMap: () => ({ message: "gtp:validation.feasibilityRequired" }) }),
  costRange: z.enum(COST_CHOICES, { errorMap: () => ({ message: "gtp:validation.costRequired" }) }),
  existingMeans: optionalText(TEXT_MAX),
  publicAnalysis: text(TEXT_MAX).min(1, "gtp:validation.publicAnalysisRequired"),
  internalNotes: optionalText(TEXT_MAX),
});
export type AnalysisInput = z.infer<typeof AnalysisSchema>;

export const PutForwardSchema = z.object({
  version,
  meetingId: uuid("gtp:validation.meetingRequired"),
  details: optionalText(NOTE_MAX),
});
export type PutForwardInput = z.infer<typeof PutForwardSchema>;

export const AnswerSchema = z
  .object({
    version,
    answerKind: z.enum(DIRECT_ANSWERS, { errorMap: () => ({ message: "gtp:validation.answerKindRequired" }) }),
    answerText: text(TEXT_MAX).min(1, "gtp:validation.answerTextRequired"),
    competentBody: singleLineText(optionalText(200)),
  })
  .superRefine((value, ctx) => {
    // "Outside the contract" is only an answer when it says who can act instead.
    if (value.answerKind === "outside_contract" && !value.competentBody) ctx.addIssue({ code: "custom", path: ["competentBody"], message: "gtp:validation.competentBodyRequired" });
  });
export type AnswerInput = z.infer<typeof AnswerSchema>;

/** A proposal's id, or its address as copied from the browser (…/propositions/<id>). */
export function parseProposalReference(value: string): string | null {
  const match = value.trim().match(/^(?:(?:https?:\/\/[^/\s]+)?\/propositions\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:[?#]\S*)?$/i);
  return match ? parseUuid(match[1]) : null;
}

export const MergeSchema = z.object({
  version,
  target: z.string({ required_error: "gtp:validation.targetInvalid", invalid_type_error: "gtp:validation.targetInvalid" }).transform((v, ctx) => parseProposalReference(v) ?? (ctx.addIssue({ code: "custom", message: "gtp:validation.targetInvalid" }), z.NEVER)),
  reason: text(NOTE_MAX).min(1, "gtp:validation.reasonRequired"),
});
export type MergeInput = z.infer<typeof MergeSchema>;

export const PartnerSchema = z.object({
  name: singleLineText(text(PARTNER_NAME_MAX).min(2, "gtp:validation.partnerNameRequired")),
  description: optionalText(PARTNER_DESCRIPTION_MAX),
});
export type PartnerInput = z.infer<typeof PartnerSchema>;

export const PartnerStateSchema = z.object({
  partnerId: uuid("gtp:validation.partnerRequired"),
  active: z.enum(["true", "false"], { errorMap: () => ({ message: "validation.invalid" }) }).transform((v) => v === "true"),
});

/** The queue's filters, from the URL (a GET form): anything unknown or malformed is ignored. */
export function parseGtpFilters(params: URLSearchParams) {
  // Digits only: Number() would read "1e1" or " 3 " as numbers.
  const digits = (value: string | null, max: number) => (value && /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= max ? Number(value) : null);
  const quartier = params.get("quartier");
  const commune = params.get("commune");
  const origin = params.get("origine");
  return {
    ambition: digits(params.get("ambition"), 99),
    quartier: quartier && /^QP\d{6}$/.test(quartier) ? quartier : null,
    commune: commune && /^[a-z0-9-]{1,80}$/.test(commune) ? commune : null,
    origin: (ORIGINS as readonly string[]).includes(origin ?? "") ? (origin as (typeof ORIGINS)[number]) : null,
    minDays: digits(params.get("attente"), 3650),
  };
}
export type GtpFilters = ReturnType<typeof parseGtpFilters>;

export function hasGtpFilters(filters: GtpFilters) {
  return Object.values(filters).some((v) => v !== null);
}

/** The queue's address with its filters (and a page start), for links that keep them. */
export function gtpQueueHref(filters: GtpFilters, after?: string | null) {
  const params = new URLSearchParams();
  if (filters.ambition) params.set("ambition", String(filters.ambition));
  if (filters.quartier) params.set("quartier", filters.quartier);
  if (filters.commune) params.set("commune", filters.commune);
  if (filters.origin) params.set("origine", filters.origin);
  if (filters.minDays) params.set("attente", String(filters.minDays));
  if (after) params.set("apres", after);
  const query = params.toString();
  return query ? `/gouvernance?${query}` : "/gouvernance";
}

export function instructionPath(proposalId: string) {
  return `/gouvernance/propositions/${proposalId}`;
}
