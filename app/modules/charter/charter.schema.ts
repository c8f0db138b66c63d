import { z } from "zod";

/** /charte/accepter: the box must be ticked; where to go next is checked by safeRedirectPath on the server. */
export const AcceptCharterSchema = z.object({
  charter: z.literal("accepted", { errorMap: () => ({ message: "charter:accept.required" }) }),
  redirectTo: z.string().max(2000).optional(),
});
