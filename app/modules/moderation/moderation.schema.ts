/**
 * The moderation forms, shared by the pages (client) and the actions (server). Messages are translation
 * keys. The lists repeat db/schema/moderation.ts (the browser must not load the schema module); the
 * `satisfies` and the check below keep them equal.
 */
import { z } from "zod";
import type { ModerationSubjectType, ReportReason } from "#db/schema/moderation.ts";

export const REASONS = ["spam", "harassment", "discrimination", "personal_data", "off_topic", "other"] as const satisfies readonly ReportReason[];
export const SUBJECT_TYPES = ["proposal", "contribution", "profile", "labo_capture"] as const satisfies readonly ModerationSubjectType[];
// Fails to compile when the database gains a value these lists lack.
export const listsAreComplete: [ReportReason, ModerationSubjectType] extends [(typeof REASONS)[number], (typeof SUBJECT_TYPES)[number]] ? true : never = true;

export const DETAILS_MAX = 1000;
export const NOTE_MAX = 2000;
export const CONTEST_MIN = 10;
export const CONTEST_MAX = 2000;
export const SUSPENSION_DAYS_MAX = 365;

const trimmed = (max: number) => z.string().trim().max(max, "moderation:validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, "moderation:validation.tooLong"));

export const ReportSchema = z.object({
  subjectType: z.enum(SUBJECT_TYPES, { errorMap: () => ({ message: "moderation:validation.invalidSubject" }) }),
  subjectId: z.string().trim().min(1, "moderation:validation.invalidSubject").max(100, "moderation:validation.invalidSubject"),
  reason: z.enum(REASONS, { errorMap: () => ({ message: "moderation:validation.reasonRequired" }) }),
  details: optionalText(DETAILS_MAX),
});
export type ReportInput = z.infer<typeof ReportSchema>;

export const HideSchema = z.object({
  reason: z.enum(REASONS, { errorMap: () => ({ message: "moderation:validation.reasonRequired" }) }),
  note: trimmed(NOTE_MAX).min(1, "moderation:validation.noteRequired"),
});
/** Restoring, dismissing, reopening: a short why for the audit log. */
export const NoteSchema = z.object({ note: trimmed(NOTE_MAX).min(1, "moderation:validation.noteRequired") });
export const WarnSchema = z.object({ message: trimmed(NOTE_MAX).min(1, "moderation:validation.messageRequired") });
export const SuspendSchema = z.object({
  days: z.coerce
    .number({ invalid_type_error: "moderation:validation.daysInvalid" })
    .int("moderation:validation.daysInvalid")
    .min(1, "moderation:validation.daysInvalid")
    .max(SUSPENSION_DAYS_MAX, "moderation:validation.daysInvalid"),
  message: trimmed(NOTE_MAX).min(1, "moderation:validation.messageRequired"),
});
export const ContestDecisionSchema = z.object({
  outcome: z.enum(["keep", "restore"], { errorMap: () => ({ message: "moderation:validation.outcomeRequired" }) }),
  note: trimmed(NOTE_MAX).min(1, "moderation:validation.noteRequired"),
});
export const ContestSchema = z.object({
  text: trimmed(CONTEST_MAX).min(CONTEST_MIN, "moderation:validation.contestTooShort"),
});

/** The queue's filters, from the URL: anything unknown is ignored. */
export function parseQueueFilters(params: URLSearchParams) {
  const kind = params.get("type");
  const reason = params.get("motif");
  const quartier = params.get("quartier");
  return {
    kind: (SUBJECT_TYPES as readonly string[]).includes(kind ?? "") ? (kind as (typeof SUBJECT_TYPES)[number]) : null,
    reason: (REASONS as readonly string[]).includes(reason ?? "") ? (reason as (typeof REASONS)[number]) : null,
    quartier: quartier && /^QP\d{6}$/.test(quartier) ? quartier : null,
  };
}
export type QueueFilters = ReturnType<typeof parseQueueFilters>;

/** The queue's address with its filters (and a page start), for links that keep them. */
export function queueHref(filters: QueueFilters, after?: string | null) {
  const params = new URLSearchParams();
  if (filters.kind) params.set("type", filters.kind);
  if (filters.reason) params.set("motif", filters.reason);
  if (filters.quartier) params.set("quartier", filters.quartier);
  if (after) params.set("apres", after);
  const query = params.toString();
  return query ? `/moderation?${query}` : "/moderation";
}
