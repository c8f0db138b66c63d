import { z } from "zod";
import { HONEYPOT_FIELD, honeypotField } from "#app/modules/forms/honeypot.ts";
import { singleLineText } from "#app/modules/forms/text.ts";
import { supportedLngs } from "#app/modules/i18n/i18n.ts";

// Shared by the forms (client) and the actions (server). Messages are translation keys.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 80;

const email = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .email("validation.email")
  .transform((value) => value.toLowerCase());

const newPassword = z
  .string({ required_error: "validation.required" })
  .min(1, "validation.required")
  .min(PASSWORD_MIN, "auth:validation.passwordTooShort")
  .max(PASSWORD_MAX, "auth:validation.passwordTooLong");

export const displayName = singleLineText(
  z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(DISPLAY_NAME_MAX, "auth:validation.displayNameTooLong"),
);

/** An optional choice in a list: "" means none. The server checks it exists. */
export const optionalChoice = z
  .string()
  .max(100, "validation.invalid")
  .optional()
  .transform((value) => (value ? value : null));

export const localeChoice = z.enum(supportedLngs, { errorMap: () => ({ message: "validation.invalid" }) });

export const SignUpSchema = z.object({
  displayName,
  email,
  password: newPassword,
  communeSlug: optionalChoice,
  quartierCode: optionalChoice,
  locale: localeChoice,
  // A single checkbox: its value when ticked, absent (or false, in react-hook-form) when not.
  charter: z.literal("accepted", { errorMap: () => ({ message: "charter:signUp.required" }) }),
  // The honeypot: hidden from people and screen readers; bots fill it in. Never an error, see the action.
  [HONEYPOT_FIELD]: honeypotField,
});

export const SignInSchema = z.object({
  email,
  password: z.string({ required_error: "validation.required" }).min(1, "validation.required").max(PASSWORD_MAX, "validation.tooLong"),
  redirectTo: z.string().optional(),
});

/** Forms that only ask for an address: sign-in link, forgotten password. */
export const EmailRequestSchema = z.object({ email });

export const NewPasswordSchema = z
  .object({
    password: newPassword,
    passwordConfirmation: z.string({ required_error: "validation.required" }).min(1, "validation.required"),
  })
  .refine((data) => data.password === data.passwordConfirmation, { path: ["passwordConfirmation"], message: "auth:validation.passwordsDiffer" });

/** The account page's one action. */
export const ResendVerificationSchema = z.object({
  intent: z.literal("resend-verification", { errorMap: () => ({ message: "validation.invalidForm" }) }),
});
