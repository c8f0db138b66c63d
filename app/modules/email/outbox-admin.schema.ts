import { z } from "zod";
import { isUuid } from "#app/modules/platform/ids.ts";

/** The buttons of /admin/courriels: « Renvoyer » one failed message, or « Tout renvoyer ». */
export const OutboxActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.string().refine(isUuid, "outboxAdmin:validation.unknownMessage") }),
  z.object({ intent: z.literal("retry_all") }),
]);
