import { z } from "zod";
import { optionalText, singleLineText } from "#app/modules/forms/text.ts";
import type { LaboCaptureKind } from "#db/schema/labo.ts";

// Shared by the console's forms (browser) and its actions (server). Messages are translation keys.
export const CAPTURE_BODY_MAX = 2000;
export const PARTICIPANT_NAME_MAX = 100;
export const PARTICIPANT_CONTACT_MAX = 200;
export const WALK_IN_NAME_MAX = 100;
export const MINUTES_TEXT_MAX = 10000;

// A copy of the schema's list (a type import only: nothing of db/ may reach the browser bundle).
export const CAPTURE_KINDS = ["idea", "opinion", "question", "testimony"] as const satisfies readonly LaboCaptureKind[];

const AMBITION = /^(?:[1-9]|1[0-2])$/;
const CHOICE = /^[A-Za-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Made by the browser (crypto.randomUUID) or, without JavaScript, by the server when it renders the form. */
const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;

/** "" (nothing chosen) is null; anything else must look right (the server checks that it exists). */
const optionalMatching = (pattern: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || pattern.test(value), "validation.invalid")
    .transform((value) => (value ? value : null));

const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "1");

export const CaptureSchema = z
  .object({
    clientId: z.string({ required_error: "validation.invalid" }).regex(CLIENT_ID, "validation.invalid"),
    kind: z.enum(CAPTURE_KINDS, { errorMap: () => ({ message: "laboConsole:validation.kindRequired" }) }),
    atelierId: optionalMatching(UUID),
    ambitionNumber: optionalMatching(AMBITION).transform((value) => (value ? Number(value) : null)),
    quartierCode: optionalMatching(CHOICE),
    body: z
      .string({ required_error: "laboConsole:validation.bodyRequired", invalid_type_error: "laboConsole:validation.bodyRequired" })
      .trim()
      .min(1, "laboConsole:validation.bodyRequired")
      .max(CAPTURE_BODY_MAX, "laboConsole:validation.bodyTooLong"),
    participantName: singleLineText(optionalText(PARTICIPANT_NAME_MAX, "laboConsole:validation.nameTooLong")),
    participantContact: singleLineText(optionalText(PARTICIPANT_CONTACT_MAX, "laboConsole:validation.contactTooLong")),
    consent: checkbox,
  })
  .superRefine((data, ctx) => {
    // A name or a contact is personal data: kept only when the person agreed, out loud, on the day.
    if ((data.participantName || data.participantContact) && !data.consent) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: "laboConsole:validation.consentRequired" });
    }
  });
export type CaptureInput = z.infer<typeof CaptureSchema>;

export const WalkInSchema = z.object({
  name: singleLineText(optionalText(WALK_IN_NAME_MAX, "laboConsole:validation.nameTooLong")),
  newcomer: checkbox,
});

export const CheckInSchema = z.object({
  registrationId: z.string().regex(UUID, "validation.invalid"),
  present: z.enum(["1", "0"]).transform((value) => value === "1"),
});

const TITLE_MIN = 10;
const TITLE_MAX = 150;
const BODY_MIN = 30;
const BODY_MAX = 5000;

/** Carrying an idea as a proposal of the Labo: the short form of the console. */
export const LaboProposalSchema = z
  .object({
    title: singleLineText(
      z
        .string({ required_error: "validation.required" })
        .trim()
        .min(1, "validation.required")
        .min(TITLE_MIN, "proposals:validation.titleTooShort")
        .max(TITLE_MAX, "proposals:validation.titleTooLong"),
    ),
    body: z
      .string({ required_error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .min(BODY_MIN, "proposals:validation.bodyTooShort")
      .max(BODY_MAX, "proposals:validation.bodyTooLong"),
    ambitionNumber: z
      .string({ required_error: "proposals:validation.ambitionRequired" })
      .min(1, "proposals:validation.ambitionRequired")
      .regex(AMBITION, "validation.invalid")
      .transform(Number),
    quartierCode: optionalMatching(CHOICE),
    communeSlug: optionalMatching(CHOICE),
  })
  .superRefine((data, ctx) => {
    if (!data.quartierCode && !data.communeSlug) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quartierCode"], message: "proposals:validation.placeRequired" });
  });
export type LaboProposalInput = z.infer<typeof LaboProposalSchema>;

const count = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || /^\d{1,5}$/.test(value), "laboConsole:validation.count")
  .transform((value) => (value ? Number(value) : null));

export const MinutesSchema = z
  .object({
    intent: z.enum(["save", "publish"]).catch("save"),
    summary: optionalText(MINUTES_TEXT_MAX, "laboConsole:validation.textTooLong"),
    decisions: optionalText(MINUTES_TEXT_MAX, "laboConsole:validation.textTooLong"),
    opinions: optionalText(MINUTES_TEXT_MAX, "laboConsole:validation.textTooLong"),
    followUps: optionalText(MINUTES_TEXT_MAX, "laboConsole:validation.textTooLong"),
    attendance: count,
    newcomers: count,
    inMinutes: z
      .preprocess((value) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []), z.array(z.string()))
      .refine((list) => list.every((id) => UUID.test(id)), "validation.invalid"),
  })
  .superRefine((data, ctx) => {
    // Publishing needs what the minutes are for: a summary and the number of people present.
    if (data.intent === "publish" && !data.summary) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["summary"], message: "laboConsole:validation.summaryRequired" });
    if (data.intent === "publish" && data.attendance === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["attendance"], message: "laboConsole:validation.attendanceRequired" });
    if (data.attendance !== null && data.newcomers !== null && data.newcomers > data.attendance) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newcomers"], message: "laboConsole:validation.newcomersAboveAttendance" });
    }
  });
export type MinutesInput = z.infer<typeof MinutesSchema>;
