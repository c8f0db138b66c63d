import { z } from "zod";
import { singleLineText } from "#app/modules/forms/text.ts";
import { BODY_MAX as PROPOSAL_BODY_MAX, BODY_MIN as PROPOSAL_BODY_MIN, TITLE_MAX as PROPOSAL_TITLE_MAX, TITLE_MIN as PROPOSAL_TITLE_MIN } from "#app/modules/proposals/proposal.schema.ts";
import type { InterpellationKind } from "#db/schema/councils.ts";

// Shared by the forms (browser) and the actions (server). Messages are translation keys.
export const TITLE_MIN = 5;
export const TITLE_MAX = 140;
export const BODY_MIN = 20;
export const BODY_MAX = 4000;
export const ANSWER_MIN = 20;
export const ANSWER_MAX = 4000;
export const ORGANISATION_MAX = 150;

// A copy of the schema's list (a type import only: nothing of db/ may reach the browser bundle).
export const INTERPELLATION_KINDS = ["question", "request"] as const satisfies readonly InterpellationKind[];

const AMBITION = /^(?:[1-9]|1[0-2])$/;
const QUARTIER = /^QP\d{6}$/;
const CHOICE = /^[A-Za-z0-9-]{1,100}$/;

const required = (min: number, max: number, tooShort: string, tooLong: string) =>
  z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .min(min, tooShort)
    .max(max, tooLong);

/** "" (nothing chosen) is null; anything else must look right (the server checks that it exists). */
const optionalMatching = (pattern: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || pattern.test(value), "validation.invalid")
    .transform((value) => (value ? value : null));

const interpellationFields = {
  kind: z.enum(INTERPELLATION_KINDS, { errorMap: () => ({ message: "interpellations:validation.kindRequired" }) }),
  title: singleLineText(required(TITLE_MIN, TITLE_MAX, "interpellations:validation.titleTooShort", "interpellations:validation.titleTooLong")),
  body: required(BODY_MIN, BODY_MAX, "interpellations:validation.bodyTooShort", "interpellations:validation.bodyTooLong"),
  ambitionNumber: optionalMatching(AMBITION).transform((value) => (value ? Number(value) : null)),
  quartierCode: optionalMatching(QUARTIER),
};

const organisation = singleLineText(required(2, ORGANISATION_MAX, "interpellations:validation.organisationRequired", "interpellations:validation.organisationTooLong"));

/** A council's question or request to the GTP. */
export const InterpellationSchema = z.object(interpellationFields);
export type InterpellationInput = z.infer<typeof InterpellationSchema>;

/** The same from a member of the réseau des acteurs, who says which organisation they speak for. */
export const NetworkInterpellationSchema = z.object({ ...interpellationFields, organisation });
export type NetworkInterpellationInput = z.infer<typeof NetworkInterpellationSchema>;

/** A proposal from the réseau des acteurs: it reaches the GTP at once (the network stands for the supports). */
export const NetworkProposalSchema = z
  .object({
    title: singleLineText(required(PROPOSAL_TITLE_MIN, PROPOSAL_TITLE_MAX, "proposals:validation.titleTooShort", "proposals:validation.titleTooLong")),
    body: required(PROPOSAL_BODY_MIN, PROPOSAL_BODY_MAX, "proposals:validation.bodyTooShort", "proposals:validation.bodyTooLong"),
    ambitionNumber: z
      .string({ required_error: "proposals:validation.ambitionRequired", invalid_type_error: "proposals:validation.ambitionRequired" })
      .min(1, "proposals:validation.ambitionRequired")
      .regex(AMBITION, "validation.invalid")
      .transform(Number),
    quartierCode: optionalMatching(CHOICE),
    communeSlug: optionalMatching(CHOICE),
    organisation,
  })
  .superRefine((data, ctx) => {
    if (!data.quartierCode && !data.communeSlug) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quartierCode"], message: "proposals:validation.placeRequired" });
  });
export type NetworkProposalInput = z.infer<typeof NetworkProposalSchema>;

/** The GTP's public answer. */
export const AnswerInterpellationSchema = z.object({
  answer: required(ANSWER_MIN, ANSWER_MAX, "interpellations:validation.answerTooShort", "interpellations:validation.answerTooLong"),
});
