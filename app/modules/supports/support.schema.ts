import { z } from "zod";

/** The support button's form: it says what the person wants, so a double click cannot undo the first one. */
export const SupportIntentSchema = z.object({
  intent: z.enum(["support", "withdraw"], { message: "supports:errors.invalid" }),
});
export type SupportIntent = z.infer<typeof SupportIntentSchema>["intent"];

/**
 * What the support button shows to a viewer: the button ("support"), or why there is none — sign in
 * first, confirm the email address first, it is their own proposal, or supports are closed.
 */
export type SupportAccess = "support" | "sign_in" | "verify_email" | "suspended" | "charter" | "author" | "closed";
