/**
 * The meeting and member forms of the coordinators' tools (shared by the browser and the actions).
 * Messages are translation keys. Dates and times are typed in the territory's time (Europe/Paris).
 */
import { z } from "zod";
import { requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { isDateInput, isTimeInput, parisToInstant } from "#app/modules/labo/paris-time.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

export const MEETING_TITLE_MAX = 150;
export const MEETING_PLACE_MAX = 200;
/** Meetings of a body per page on its public page. */
export const MEETINGS_PAGE_SIZE = 20;
export const MEETINGS_MAX_PAGE = 100;

// Body keys come from the referential (gtp, copil, hackathon, labo, copil_local…).
const BODY_KEY = /^[a-z0-9_-]{1,60}$/;

/** A body key from a URL or a form, or null (then "not found" before any query). */
export function parseBodyKey(raw: unknown): string | null {
  return typeof raw === "string" && BODY_KEY.test(raw) ? raw : null;
}

export const parseMeetingId = (raw: unknown): string | null => parseUuid(raw);

/** ?page=N on a body's page: 1 when absent or odd, capped. */
export function parseMeetingsPage(raw: string | null): number {
  if (!raw || !/^\d{1,4}$/.test(raw)) return 1;
  return Math.min(Math.max(1, Number(raw)), MEETINGS_MAX_PAGE);
}

const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: "validation.invalid" })
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value ?? "");

const meetingFields = {
  bodyKey: z
    .string({ required_error: "instances:errors.bodyRequired", invalid_type_error: "instances:errors.bodyRequired" })
    .trim()
    .min(1, "instances:errors.bodyRequired")
    .regex(BODY_KEY, "instances:errors.bodyUnknown"),
  title: singleLineText(requiredText(MEETING_TITLE_MAX).pipe(z.string().min(3, "instances:errors.titleTooShort"))),
  date: z.string({ required_error: "instances:errors.dateRequired" }).trim().min(1, "instances:errors.dateRequired").refine(isDateInput, "instances:errors.dateInvalid"),
  startTime: z.string({ required_error: "instances:errors.timeRequired" }).trim().min(1, "instances:errors.timeRequired").refine(isTimeInput, "instances:errors.timeInvalid"),
  place: singleLineText(optionalText(MEETING_PLACE_MAX)),
};

type RawMeeting = z.infer<z.ZodObject<typeof meetingFields>>;

function dateInRange(data: RawMeeting, ctx: z.RefinementCtx) {
  // A typo such as 0202 or 20266 is refused rather than stored as a meeting in another century.
  const year = Number(data.date.slice(0, 4));
  if (isDateInput(data.date) && (year < 2020 || year > 2100)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["date"], message: "instances:errors.dateOutOfRange" });
}

const toInput = (data: RawMeeting) => ({ bodyKey: data.bodyKey, title: data.title, startsAt: parisToInstant(data.date, data.startTime)!, place: data.place });
export type MeetingInput = ReturnType<typeof toInput>;

/** /gouvernance/reunions/nouvelle */
export const MeetingSchema = z.object(meetingFields).superRefine(dateInRange).transform(toInput);

/**
 * /gouvernance/reunions/:id/modifier, "save": the same fields and the version the form was built from
 * (the meeting's last change, in ms), so a coordinator never overwrites a change they have not seen.
 */
export const EditMeetingSchema = z
  .object({ ...meetingFields, version: z.string({ required_error: "validation.invalidForm" }).regex(/^\d{1,16}$/, "validation.invalidForm") })
  .superRefine(dateInRange)
  .transform((data) => ({ version: Number(data.version), input: toInput(data) }));
