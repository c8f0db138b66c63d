import { z } from "zod";

// Shared by the form on a proposal's page (browser) and its action (server). Messages are translation keys.
export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 1000;

/** Why the council carries the proposal: public, quoted on the proposal's timeline. */
export const CarrySchema = z.object({
  statement: z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .min(STATEMENT_MIN, "interpellations:validation.statementTooShort")
    .max(STATEMENT_MAX, "interpellations:validation.statementTooLong"),
});
export type CarryInput = z.infer<typeof CarrySchema>;

/** A council's code as it appears in URLs (`QP062024`): anything else is « not found » before any query. */
export const COUNCIL_CODE = /^QP\d{6}$/;

export function parseCouncilCode(value: unknown): string | null {
  return typeof value === "string" && COUNCIL_CODE.test(value) ? value : null;
}
