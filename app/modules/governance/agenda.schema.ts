/**
 * The forms of a meeting's agenda page (/gouvernance/reunions/:meetingId), shared by the page (client)
 * and its action (server). Messages are translation keys. Each form posts an `intent`; the ids of rows
 * are checked as uuids here, so a malformed one never reaches the database.
 */
import { z } from "zod";
import { singleLineText } from "#app/modules/forms/text.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import type { ProposalDecision } from "#db/schema/proposals.ts";

export const DECISIONS = ["retained", "partly_retained", "not_retained", "postponed"] as const satisfies readonly ProposalDecision[];
// Fails to compile when the database gains a decision this list lacks.
export const decisionsAreComplete: ProposalDecision extends (typeof DECISIONS)[number] ? true : never = true;

export const AGENDA_INTENTS = ["add_followup", "add_free", "edit_item", "move", "remove", "decide", "publish", "correct"] as const;
export type AgendaIntent = (typeof AGENDA_INTENTS)[number];

export const ITEM_TITLE_MAX = 200;
export const ITEM_DETAILS_MAX = 4000;
export const REASONS_MAX = 4000;
export const SUMMARY_MAX = 6000;
export const CORRECTION_MAX = 2000;

const text = (max: number) => z.string().trim().max(max, "copil:validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, "copil:validation.tooLong"));
const itemId = z.string().refine(isUuid, "copil:validation.unknownItem");

export const AddFollowupSchema = z.object({
  laboSessionId: z.string().refine(isUuid, "copil:validation.sessionRequired"),
  // Left empty: the session's title and the follow-ups of its minutes.
  followupTitle: optionalText(ITEM_TITLE_MAX),
  followupDetails: optionalText(ITEM_DETAILS_MAX),
});
export type AddFollowupInput = z.infer<typeof AddFollowupSchema>;

export const AddFreeSchema = z.object({
  title: singleLineText(text(ITEM_TITLE_MAX).min(1, "copil:validation.titleRequired")),
  details: optionalText(ITEM_DETAILS_MAX),
});
export type AddFreeInput = z.infer<typeof AddFreeSchema>;

export const EditItemSchema = z.object({
  itemId,
  title: singleLineText(text(ITEM_TITLE_MAX).min(1, "copil:validation.titleRequired")),
  details: optionalText(ITEM_DETAILS_MAX),
});
export type EditItemInput = z.infer<typeof EditItemSchema>;

export const MoveSchema = z.object({
  itemId,
  direction: z.enum(["up", "down"], { errorMap: () => ({ message: "copil:validation.invalid" }) }),
});

export const RemoveSchema = z.object({
  itemId,
  /** The proposal's governance version the page was built from (proposal items): another coordinator may have moved it. */
  version: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null)),
});

/** Free and follow-up items: a decision, or just a note, or nothing (clears it). */
export const DecideItemSchema = z.object({
  itemId,
  decision: z
    .union([z.enum(DECISIONS), z.literal("")], { errorMap: () => ({ message: "copil:validation.decisionRequired" }) })
    .optional()
    .transform((v) => (v ? v : null)),
  publicReasons: optionalText(REASONS_MAX),
});
export type DecideInput = z.infer<typeof DecideItemSchema>;

/** Proposal items: a decision and its public reasons, written for residents, are both required. */
export const DecideProposalSchema = z.object({
  itemId,
  decision: z.enum(DECISIONS, { errorMap: () => ({ message: "copil:validation.decisionRequired" }) }),
  publicReasons: text(REASONS_MAX).min(1, "copil:validation.reasonsRequired"),
});

export const PublishSchema = z.object({
  summary: text(SUMMARY_MAX).min(1, "copil:validation.summaryRequired"),
});

export const CorrectSchema = z.object({
  itemId,
  text: text(CORRECTION_MAX).min(1, "copil:validation.correctionRequired"),
});
