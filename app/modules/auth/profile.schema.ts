import { z } from "zod";
import { displayName, localeChoice, optionalChoice } from "./auth.schema.ts";

export const ProfileSchema = z.object({
  displayName,
  communeSlug: optionalChoice,
  quartierCode: optionalChoice,
  locale: localeChoice,
});
