/**
 * The conseils citoyens' forms (/conseils-citoyens/:code/gestion) and the codes in their URLs, shared by
 * the browser and the actions. Messages are translation keys. Meetings are typed in Paris time.
 */
import { z } from "zod";
import { requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { isDateInput, isTimeInput, parisToInstant } from "#app/modules/labo/paris-time.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { COUNCIL_COLLEGES } from "#db/schema/councils.ts";

export { COUNCIL_COLLEGES };

export const COUNCIL_NAME_MAX = 150;
export const HOW_TO_JOIN_MAX = 2000;
export const MEETING_PATTERN_MAX = 500;
export const MEMBER_NAME_MAX = 120;
export const ORGANISATION_MAX = 200;
export const EMAIL_MAX = 254;
export const MEETING_TITLE_MAX = 150;
export const MEETING_PLACE_MAX = 200;
export const MEETING_SUMMARY_MAX = 5000;

// A council's code is the code of the quartier it was seeded from: official, upper case.
const CODE = /^QP\d{6}$/;

/** A council or quartier code from a URL or a form, or null (then "not found" before any query). */
export function parseCouncilCode(raw: unknown): string | null {
  return typeof raw === "string" && CODE.test(raw) ? raw : null;
}

export const COUNCIL_INTENTS = ["add_member", "update_member", "remove_member", "edit_council", "add_meeting", "meeting_summary", "attach_quartier"] as const;
export type CouncilIntent = (typeof COUNCIL_INTENTS)[number];

/** A single checkbox: "on" from a form post, true/false from react-hook-form, absent when unticked. */
const checkbox = z
  .union([z.literal("on"), z.boolean()])
  .optional()
  .transform((value) => value === "on" || value === true);

/** Optional text, "" when left empty. */
const text = (max: number) =>
  z
    .string({ invalid_type_error: "validation.invalid" })
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value ?? "");

const college = z.enum(COUNCIL_COLLEGES, { errorMap: () => ({ message: "councils:errors.collegeRequired" }) });
const memberId = z.string({ required_error: "validation.invalidForm" }).refine((v) => parseUuid(v) !== null, "validation.invalidForm").transform((v) => v.toLowerCase());

export const AddMemberSchema = z.object({
  displayName: singleLineText(requiredText(MEMBER_NAME_MAX)),
  college,
  organisation: singleLineText(text(ORGANISATION_MAX)),
  listed: checkbox,
  /** The e-mail of an existing account, to let the person act for the council. Never shown back but in this field. */
  email: singleLineText(text(EMAIL_MAX))
    .refine((value) => value === "" || z.string().email().safeParse(value).success, "councils:errors.emailInvalid")
    .transform((value) => (value ? value.toLowerCase() : null)),
});
export type AddMemberInput = z.infer<typeof AddMemberSchema>;

export const UpdateMemberSchema = z.object({
  memberId,
  college,
  organisation: singleLineText(text(ORGANISATION_MAX)),
  listed: checkbox,
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;

export const RemoveMemberSchema = z.object({ memberId });

export const EditCouncilSchema = z.object({
  name: singleLineText(requiredText(COUNCIL_NAME_MAX)),
  howToJoin: text(HOW_TO_JOIN_MAX),
  meetingPattern: singleLineText(text(MEETING_PATTERN_MAX)),
});
export type EditCouncilInput = z.infer<typeof EditCouncilSchema>;

export const AddMeetingSchema = z
  .object({
    title: singleLineText(requiredText(MEETING_TITLE_MAX)),
    date: z.string({ required_error: "councils:errors.dateRequired" }).trim().min(1, "councils:errors.dateRequired").refine(isDateInput, "councils:errors.dateInvalid"),
    startTime: z.string({ required_error: "councils:errors.timeRequired" }).trim().min(1, "councils:errors.timeRequired").refine(isTimeInput, "councils:errors.timeInvalid"),
    place: singleLineText(text(MEETING_PLACE_MAX)),
  })
  .superRefine((data, ctx) => {
    // A typo such as 0202 or 20266 is refused rather than stored as a meeting in another century.
    const year = Number(data.date.slice(0, 4));
    if (isDateInput(data.date) && (year < 2020 || year > 2100)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["date"], message: "councils:errors.dateOutOfRange" });
  })
  .transform((data) => ({ title: data.title, startsAt: parisToInstant(data.date, data.startTime)!, place: data.place }));
export type AddMeetingInput = z.infer<typeof AddMeetingSchema>;

export const MeetingSummarySchema = z.object({
  meetingId: memberId,
  summary: text(MEETING_SUMMARY_MAX),
});
export type MeetingSummaryInput = z.infer<typeof MeetingSummarySchema>;

export const AttachQuartierSchema = z.object({
  quartierCode: z
    .string({ required_error: "councils:errors.quartierRequired", invalid_type_error: "councils:errors.quartierRequired" })
    .trim()
    .min(1, "councils:errors.quartierRequired")
    .refine((value) => parseCouncilCode(value) !== null, "councils:errors.quartierUnknown"),
});
