/** The member list of a body (/gouvernance/instances/:body), shared by the browser and the action. */
import { z } from "zod";
import { requiredText, singleLineText } from "#app/modules/forms/text.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";

export const MEMBER_NAME_MAX = 120;
export const MEMBER_INSTITUTION_MAX = 200;

/** A public member of a body: name and institution only (never a contact). */
export const MemberSchema = z.object({
  name: singleLineText(requiredText(MEMBER_NAME_MAX)),
  institution: singleLineText(z.string({ invalid_type_error: "validation.invalid" }).trim().max(MEMBER_INSTITUTION_MAX, "validation.tooLong").optional().transform((value) => value ?? "")),
});
export type MemberInput = z.infer<typeof MemberSchema>;

/** Remove a member, or move them one place up or down. */
export const MemberActionSchema = z.object({
  memberId: z.string({ required_error: "validation.invalidForm" }).refine((v) => parseUuid(v) !== null, "validation.invalidForm"),
});
