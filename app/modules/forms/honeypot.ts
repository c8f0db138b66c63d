import { z } from "zod";

/**
 * The honeypot of every public form that creates something: a text field hidden from people and from
 * assistive technologies (see app/components/honeypot.tsx) that bots fill in. Never a validation error:
 * the action answers a filled one as if all went well, and creates nothing.
 */
export const HONEYPOT_FIELD = "website";
export const honeypotField = z.string().max(1000).optional();

/** Did a bot fill in the honeypot? */
export function caughtByHoneypot(data: { [HONEYPOT_FIELD]?: string | undefined }) {
  return Boolean(data[HONEYPOT_FIELD]?.trim());
}
