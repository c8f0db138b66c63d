import { describe, expect, test } from "vitest";
import { AmbitionSchema, GovernanceBodySchema, PilierSchema } from "./referential.schema.ts";

const valid = { title: "Un titre", summary: "", description: "", supportThreshold: "25" };

describe("AmbitionSchema", () => {
  test("trims, joins one-line fields and turns CRLF into LF", () => {
    expect(AmbitionSchema.parse({ title: "  Un \n titre  ", summary: " Ligne 1\r\nLigne 2 ", description: "A\r\n\r\nB", supportThreshold: " 30 " })).toEqual({
      title: "Un titre",
      summary: "Ligne 1\nLigne 2",
      description: "A\n\nB",
      supportThreshold: 30,
    });
  });

  test.each(["0", "10001", "-1", "2.5", "1e3", "abc", "", "9999999"])("refuses the threshold %j", (supportThreshold) => {
    const result = AmbitionSchema.safeParse({ ...valid, supportThreshold });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("admin:referential.validation.threshold");
  });

  test.each(["1", "10000"])("accepts the threshold %j", (supportThreshold) => {
    expect(AmbitionSchema.safeParse({ ...valid, supportThreshold }).success).toBe(true);
  });

  test("an empty or blank title is required; 10 000 characters are too long", () => {
    expect(AmbitionSchema.safeParse({ ...valid, title: "   " }).error?.issues[0]?.message).toBe("validation.required");
    expect(AmbitionSchema.safeParse({ ...valid, title: "x".repeat(10_000) }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(AmbitionSchema.safeParse({ ...valid, description: "x".repeat(10_000) }).error?.issues[0]?.message).toBe("validation.tooLong");
  });

  test("a missing field is required, not an exception", () => {
    expect(PilierSchema.safeParse({}).error?.issues.map((i) => i.message)).toEqual(["validation.required", "validation.required", "validation.required"]);
    expect(GovernanceBodySchema.safeParse({ name: "GTP" }).success).toBe(false);
  });
});
