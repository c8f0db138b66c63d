/**
 * What an administrator may change in the contract's referential, shared by the edit forms (client)
 * and their actions (server). Messages are translation keys.
 */
import { z } from "zod";

/** Longest text each field accepts; the forms show it as a hint. */
export const LIMITS = {
  shortTitle: 80,
  title: 300,
  name: 200,
  summary: 1000,
  description: 5000,
  cadence: 300,
  members: 1000,
  role: 2000,
} as const;

export const SUPPORT_THRESHOLD_MIN = 1;
export const SUPPORT_THRESHOLD_MAX = 10_000;

const base = z.string({ required_error: "validation.required", invalid_type_error: "validation.required" });

/** A one-line field: inner runs of spaces (and any line break a crafted post sends) become one space. */
function line(max: number) {
  return base.transform((s) => s.replace(/\s+/g, " ").trim()).pipe(z.string().min(1, "validation.required").max(max, "validation.tooLong"));
}

/** A multi-line field, possibly empty. Browsers post textarea line breaks as CRLF: store LF, so re-saving changes nothing. */
function paragraphs(max: number) {
  return base.transform((s) => s.replace(/\r\n?/g, "\n").trim()).pipe(z.string().max(max, "validation.tooLong"));
}

const THRESHOLD_MESSAGE = "admin:referential.validation.threshold";
const supportThreshold = base
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\d{1,6}$/, THRESHOLD_MESSAGE))
  .transform(Number)
  .pipe(z.number().int().min(SUPPORT_THRESHOLD_MIN, THRESHOLD_MESSAGE).max(SUPPORT_THRESHOLD_MAX, THRESHOLD_MESSAGE));

export const PilierSchema = z.object({
  shortTitle: line(LIMITS.shortTitle),
  title: line(LIMITS.title),
  summary: paragraphs(LIMITS.summary),
});

export const AmbitionSchema = z.object({
  title: line(LIMITS.title),
  summary: paragraphs(LIMITS.summary),
  description: paragraphs(LIMITS.description),
  supportThreshold,
});

export const TransversalAxisSchema = z.object({
  title: line(LIMITS.title),
  summary: paragraphs(LIMITS.summary),
});

export const QuartierSchema = z.object({
  name: line(LIMITS.name),
  summary: paragraphs(LIMITS.summary),
});

export const GovernanceBodySchema = z.object({
  name: line(LIMITS.name),
  cadence: paragraphs(LIMITS.cadence),
  members: paragraphs(LIMITS.members),
  role: paragraphs(LIMITS.role),
});

export type PilierInput = z.infer<typeof PilierSchema>;
export type AmbitionInput = z.infer<typeof AmbitionSchema>;
export type TransversalAxisInput = z.infer<typeof TransversalAxisSchema>;
export type QuartierInput = z.infer<typeof QuartierSchema>;
export type GovernanceBodyInput = z.infer<typeof GovernanceBodySchema>;
