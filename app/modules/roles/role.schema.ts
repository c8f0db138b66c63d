import { z } from "zod";
import { searchText } from "#app/modules/forms/text.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import type { Role } from "#db/schema/accounts.ts";
import { ROLE_SCOPE } from "#app/modules/auth/permissions.ts";

/** Every account is a resident implicitly: that role is never granted, so it is never offered. */
export const GRANTABLE_ROLES = ["ambassador", "council_member", "moderator", "coordinator", "administrator"] as const satisfies readonly Exclude<Role, "resident">[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const ROLE_SEARCH_MAX_PAGE = 200;

// A select left on its first, empty option posts "": that means "no value".
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), z.string().max(max, "validation.tooLong").optional());

/** The search form of /admin/utilisateurs (a GET form: bad values fall back to defaults, never to an error). */
export const UserSearchSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : searchText(value, 100) || undefined))
    .catch(undefined),
  role: z.enum(GRANTABLE_ROLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(ROLE_SEARCH_MAX_PAGE).catch(1),
});
export type UserSearch = z.infer<typeof UserSearchSchema>;

/**
 * Granting a role. The commune is required for an ambassador and the quartier for a conseil citoyen
 * member. A scope sent with a role that takes none (the form without JavaScript shows every field) is
 * ignored rather than refused, so the person does not have to go back and empty a field.
 */
export const GrantRoleSchema = z
  .object({
    role: z.enum(GRANTABLE_ROLES, { errorMap: () => ({ message: "admin:users.validation.roleRequired" }) }),
    communeSlug: optionalText(100),
    quartierCode: optionalText(20),
  })
  .superRefine((value, ctx) => {
    const scope = ROLE_SCOPE[value.role];
    if (scope === "commune" && !value.communeSlug) ctx.addIssue({ code: "custom", path: ["communeSlug"], message: "admin:users.validation.communeRequired" });
    if (scope === "quartier" && !value.quartierCode) ctx.addIssue({ code: "custom", path: ["quartierCode"], message: "admin:users.validation.quartierRequired" });
  })
  .transform((value) => {
    const scope = ROLE_SCOPE[value.role];
    return {
      role: value.role,
      communeSlug: scope === "commune" ? (value.communeSlug ?? null) : null,
      quartierCode: scope === "quartier" ? (value.quartierCode ?? null) : null,
    };
  });
export type GrantRoleInput = z.infer<typeof GrantRoleSchema>;



// User ids are text (uuids today, but the column does not enforce it): accept any id-like token, so a
// future id format keeps working, and let everything else be "not found" without reaching the database.
const ID_LIKE = /^[\w-]{1,64}$/;
export function isIdLike(value: unknown): value is string {
  return typeof value === "string" && ID_LIKE.test(value);
}

export const RevokeRoleSchema = z.object({
  grantId: z.string().refine(isUuid, "validation.invalid"),
});
