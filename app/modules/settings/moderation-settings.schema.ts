import { z } from "zod";

/** /admin/parametres. Bounds match SETTINGS in platform-settings.server.ts. */
export const ModerationSettingsSchema = z.object({
  autoHideThreshold: z.coerce
    .number({ invalid_type_error: "moderation:settings.thresholdInvalid" })
    .int("moderation:settings.thresholdInvalid")
    .min(1, "moderation:settings.thresholdInvalid")
    .max(50, "moderation:settings.thresholdInvalid"),
  preModeration: z.enum(["on", "off"], { errorMap: () => ({ message: "validation.invalid" }) }),
});
