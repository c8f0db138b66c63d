/**
 * What a contribution form may send, shared by the forms (client) and the resource routes (server).
 * Messages are translation keys of the "contributions" namespace, under `errors.*`: the no-JavaScript
 * error contract (contribution-params.ts) carries the last segment of these keys in the URL.
 */
import { z } from "zod";
import { HONEYPOT_FIELD, honeypotField } from "#app/modules/forms/honeypot.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import type { ContributionStance } from "#db/schema/proposals.ts";

export const BODY_MIN = 2;
export const BODY_MAX = 3000;

// The same values as the database type; repeated here so the browser bundle never imports the drizzle schema.
export const STANCES = ["for", "against", "question", "testimony"] as const satisfies readonly ContributionStance[];
type MissingStance = Exclude<ContributionStance, (typeof STANCES)[number]>;
const allStancesListed: MissingStance extends never ? true : false = true;
void allStancesListed;



/**
 * The text: trimmed, with Windows line breaks made plain (a browser posts "\r\n" for each line break of a
 * textarea, which would otherwise count twice against the limit).
 */
export const contributionBody = z.preprocess(
  (value) => (typeof value === "string" ? value.replaceAll("\r\n", "\n").trim() : value),
  z
    .string({ required_error: "contributions:errors.bodyRequired", invalid_type_error: "contributions:errors.bodyRequired" })
    .min(1, "contributions:errors.bodyRequired")
    .min(BODY_MIN, "contributions:errors.bodyTooShort")
    .max(BODY_MAX, "contributions:errors.bodyTooLong"),
);

/** Optional: "" (the « Sans position » choice) or nothing means none. */
const stance = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : value),
  z.enum(STANCES, { errorMap: () => ({ message: "contributions:errors.stanceInvalid" }) }).nullable(),
);

const parentId = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : value),
  z.string().refine(isUuid, "contributions:errors.parentUnavailable").nullable(),
);

/** A new contribution, or a reply when parentId is given (replies carry no stance: the server drops it). */
export const NewContributionSchema = z.object({ body: contributionBody, stance, parentId, [HONEYPOT_FIELD]: honeypotField });
export type NewContributionInput = z.infer<typeof NewContributionSchema>;

/** Editing: the text, and the stance of a top-level contribution. */
export const EditContributionSchema = z.object({ body: contributionBody, stance });
export type EditContributionInput = z.infer<typeof EditContributionSchema>;

export const CONTRIBUTION_INTENTS = ["edit", "delete", "useful", "unuseful"] as const;
export type ContributionIntent = (typeof CONTRIBUTION_INTENTS)[number];
export const ContributionIntentSchema = z.enum(CONTRIBUTION_INTENTS);
