import { z } from "zod";

/** The lists of /compte/propositions, by their French name in the address. */
export const OWN_LIST_PARAM = { propositions: "authored", soutiens: "supported", suivis: "followed" } as const;
export type OwnListParam = keyof typeof OWN_LIST_PARAM;
export const OWN_LIST_PARAMS = Object.keys(OWN_LIST_PARAM) as OwnListParam[];
export const OWN_MAX_PAGE = 100;

/** A GET address: anything unexpected falls back to the first page of the person's proposals. */
export const OwnListParamsSchema = z.object({
  liste: z.enum(["propositions", "soutiens", "suivis"]).catch("propositions"),
  page: z
    .string()
    .regex(/^[1-9]\d{0,2}$/)
    .transform(Number)
    .pipe(z.number().max(OWN_MAX_PAGE))
    .catch(1),
});
