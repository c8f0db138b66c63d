import { z } from "zod";

/** The follow button's form: the wanted state, not a toggle, so a repeated post changes nothing. */
export const FollowIntentSchema = z.object({
  intent: z.enum(["follow", "unfollow"], { message: "supports:errors.invalid" }),
});
export type FollowIntent = z.infer<typeof FollowIntentSchema>["intent"];
