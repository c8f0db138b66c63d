import { describe, expect, test } from "vitest";
import { ROLES } from "#db/schema/accounts.ts";
import { GRANTABLE_ROLES, GrantRoleSchema, isIdLike, RevokeRoleSchema, UserSearchSchema } from "./role.schema.ts";

describe("GrantRoleSchema", () => {
  test("every role but resident and council membership can be granted (a new role must be added here on purpose)", () => {
    expect([...GRANTABLE_ROLES].sort()).toEqual(ROLES.filter((r) => r !== "resident" && r !== "council_member").sort());
  });

  test("resident, council membership and unknown roles are refused with a message on the role field", () => {
    for (const role of ["resident", "council_member", "superuser", ""]) {
      const result = GrantRoleSchema.safeParse({ role });
      expect(result.success, role).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["role"], message: "admin:users.validation.roleRequired" });
    }
  });

  test("an ambassador needs a commune", () => {
    expect(GrantRoleSchema.safeParse({ role: "ambassador", communeSlug: "" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["communeSlug"], message: "admin:users.validation.communeRequired" }),
    ]);
    expect(GrantRoleSchema.parse({ role: "ambassador", communeSlug: "lens" })).toEqual({ role: "ambassador", communeSlug: "lens" });
  });

  test("a commune sent with a role that takes none is ignored, and a quartier is no scope any more", () => {
    expect(GrantRoleSchema.parse({ role: "moderator", communeSlug: "lens", quartierCode: "QP062024" })).toEqual({ role: "moderator", communeSlug: null });
    expect(GrantRoleSchema.parse({ role: "network_member", communeSlug: "lens" })).toEqual({ role: "network_member", communeSlug: null });
    expect(GrantRoleSchema.parse({ role: "ambassador", communeSlug: "lens", quartierCode: "QP062024" })).toEqual({ role: "ambassador", communeSlug: "lens" });
  });
});

describe("UserSearchSchema", () => {
  test("bad values fall back to the defaults instead of failing", () => {
    expect(UserSearchSchema.parse({ q: "  ", role: "resident", page: "abc" })).toEqual({ q: undefined, role: undefined, page: 1 });
    expect(UserSearchSchema.parse({ q: " Nadia ", role: "ambassador", page: "3" })).toEqual({ q: "Nadia", role: "ambassador", page: 3 });
    // Council members can be searched for, although that role is not granted.
    expect(UserSearchSchema.parse({ role: "council_member" }).role).toBe("council_member");
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
