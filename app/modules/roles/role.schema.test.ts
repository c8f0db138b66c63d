import { describe, expect, test } from "vitest";
import { ROLES } from "#db/schema/accounts.ts";
import { GRANTABLE_ROLES, GrantRoleSchema, isIdLike, RevokeRoleSchema, UserSearchSchema } from "./role.schema.ts";

describe("GrantRoleSchema", () => {
  test("every role but resident can be granted (a new role must be added here on purpose)", () => {
    expect([...GRANTABLE_ROLES].sort()).toEqual(ROLES.filter((r) => r !== "resident").sort());
  });

  test("resident and unknown roles are refused with a message on the role field", () => {
    for (const role of ["resident", "superuser", ""]) {
      const result = GrantRoleSchema.safeParse({ role });
      expect(result.success, role).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["role"], message: "admin:users.validation.roleRequired" });
    }
  });

  test("an ambassador needs a commune, a conseil citoyen member a quartier", () => {
    expect(GrantRoleSchema.safeParse({ role: "ambassador", communeSlug: "" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["communeSlug"], message: "admin:users.validation.communeRequired" }),
    ]);
    expect(GrantRoleSchema.safeParse({ role: "council_member", communeSlug: "lens" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["quartierCode"], message: "admin:users.validation.quartierRequired" }),
    ]);
    expect(GrantRoleSchema.parse({ role: "ambassador", communeSlug: "lens" })).toEqual({ role: "ambassador", communeSlug: "lens", quartierCode: null });
    expect(GrantRoleSchema.parse({ role: "council_member", quartierCode: "QP062024" })).toEqual({ role: "council_member", communeSlug: null, quartierCode: "QP062024" });
  });

  test("a scope sent with a role that takes none (or the other scope) is ignored", () => {
    expect(GrantRoleSchema.parse({ role: "moderator", communeSlug: "lens", quartierCode: "QP062024" })).toEqual({ role: "moderator", communeSlug: null, quartierCode: null });
    expect(GrantRoleSchema.parse({ role: "ambassador", communeSlug: "lens", quartierCode: "QP062024" })).toEqual({ role: "ambassador", communeSlug: "lens", quartierCode: null });
  });
});

describe("UserSearchSchema", () => {
  test("bad values fall back to the defaults instead of failing", () => {
    expect(UserSearchSchema.parse({ q: "  ", role: "resident", page: "abc" })).toEqual({ q: undefined, role: undefined, page: 1 });
    expect(UserSearchSchema.parse({ q: " Nadia ", role: "ambassador", page: "3" })).toEqual({ q: "Nadia", role: "ambassador", page: 3 });
    expect(UserSearchSchema.parse({ page: "100000" }).page).toBe(1);
  });
});

test("ids: grant ids must be uuids, user ids only id-like", () => {
  expect(RevokeRoleSchema.safeParse({ grantId: "not-a-uuid" }).success).toBe(false);
  expect(RevokeRoleSchema.safeParse({ grantId: "1b4e28ba-2fa1-11d2-883f-0016d3cca427" }).success).toBe(true);
  expect(isIdLike("1b4e28ba-2fa1-11d2-883f-0016d3cca427")).toBe(true);
  expect(isIdLike("abc' or 1=1 --")).toBe(false);
  expect(isIdLike("x".repeat(65))).toBe(false);
});
