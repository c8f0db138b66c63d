import { z } from "zod";
import { ModerationSettingsSchema } from "./moderation-settings.schema.ts";

/**
 * The whole /admin/parametres form: the moderation settings and the droit de suite deadline. Bounds
 * match SETTINGS in platform-settings.server.ts.
 */
export const PlatformSettingsSchema = ModerationSettingsSchema.extend({
  answerDeadlineDays: z.coerce
    .number({ invalid_type_error: "instances:settings.deadlineInvalid" })
    .int("instances:settings.deadlineInvalid")
    .min(14, "instances:settings.deadlineInvalid")
    .max(730, "instances:settings.deadlineInvalid"),
});
