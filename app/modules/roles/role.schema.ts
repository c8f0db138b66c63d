import { z } from "zod";
import { searchText } from "#app/modules/forms/text.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import type { Role } from "#db/schema/accounts.ts";
import { ROLE_SCOPE } from "#app/modules/auth/permissions.ts";

/**
 * Every account is a resident implicitly: that role is never granted, so it is never offered. Nor is
 * conseil citoyen membership: coordinators keep it on the council's page (council_members).
 */
export const GRANTABLE_ROLES = ["ambassador", "network_member", "moderator", "coordinator", "administrator"] as const satisfies readonly Exclude<Role, "resident">[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** The list of users may also be filtered on current conseil citoyen members (read from council_members). */
export const SEARCHABLE_ROLES = [...GRANTABLE_ROLES, "council_member"] as const;
export type SearchableRole = (typeof SEARCHABLE_ROLES)[number];

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
  role: z.enum(SEARCHABLE_ROLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(ROLE_SEARCH_MAX_PAGE).catch(1),
});
export type UserSearch = z.infer<typeof UserSearchSchema>;

/**
 * Granting a role. The commune is required for an ambassador (the only scoped role that is granted). A
 * commune sent with a role that takes none (the form without JavaScript shows every field) is ignored
 * rather than refused, so the person does not have to go back and empty a field.
 */
export const GrantRoleSchema = z
  .object({
    role: z.enum(GRANTABLE_ROLES, { errorMap: () => ({ message: "admin:users.validation.roleRequired" }) }),
    communeSlug: optionalText(100),
  })
  .superRefine((value, ctx) => {
    if (ROLE_SCOPE[value.role] === "commune" && !value.communeSlug) ctx.addIssue({ code: "custom", path: ["communeSlug"], message: "admin:users.validation.communeRequired" });
  })
  .transform((value) => ({ role: value.role, communeSlug: ROLE_SCOPE[value.role] === "commune" ? (value.communeSlug ?? null) : null }));
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
