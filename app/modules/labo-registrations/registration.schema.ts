import { z } from "zod";
import { optionalText, singleLineText } from "#app/modules/forms/text.ts";

// Shared by the registration form (client, react-hook-form) and its action (server). Messages are translation keys.
export const REGISTRANT_NAME_MAX = 80;

/** A single checkbox: "on" from a form post, true/false from react-hook-form, absent when unticked. */
const checkbox = z
  .union([z.literal("on"), z.boolean()])
  .optional()
  .transform((value) => value === "on" || value === true);

/** French numbers as people type them (06 12 34 56 78, +33 6…, 06.12…): digits kept, 10 to 15 of them. */
const phone = singleLineText(optionalText(30)).refine((value) => value === null || /^\+?[\d\s.()-]{10,30}$/.test(value) && value.replace(/\D/g, "").length <= 15, "laboRegistrations:validation.phone");

/** Registration without an account: a name, an email or a phone number (at least one), and consent. */
export const GuestRegistrationSchema = z
  .object({
    name: singleLineText(z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(REGISTRANT_NAME_MAX, "validation.tooLong")),
    email: optionalText(254).refine((value) => value === null || z.string().email().safeParse(value).success, "validation.email").transform((value) => value?.toLowerCase() ?? null),
    phone,
    isNewcomer: checkbox,
    consent: checkbox.refine((value) => value, "laboRegistrations:validation.consentRequired"),
    // A field people never see: robots that fill every field give themselves away.
    website: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.phone) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "laboRegistrations:validation.contactRequired" });
  });

export type GuestRegistrationInput = z.infer<typeof GuestRegistrationSchema>;
