import { describe, expect, test } from "vitest";
import { AddMeetingSchema, AddMemberSchema, AttachQuartierSchema, parseCouncilCode, UpdateMemberSchema } from "./council.schema.ts";

test("council codes: the official upper-case form only", () => {
  expect(parseCouncilCode("QP062024")).toBe("QP062024");
  for (const bad of ["qp062024", "QP06202", "QP0620245", "QP06202\u0000", " QP062024", "x".repeat(5000), undefined, 42]) expect(parseCouncilCode(bad), String(bad)).toBeNull();
});

describe("AddMemberSchema", () => {
  test("trims, keeps one line, reads the checkbox either way, lower-cases the e-mail", () => {
    expect(AddMemberSchema.parse({ displayName: "  Fatima\nHaddad ", college: "actors", organisation: " AFEV ", listed: "on", email: " Fatima@Example.ORG " })).toEqual({
      displayName: "Fatima Haddad",
      college: "actors",
      organisation: "AFEV",
      listed: true,
      email: "fatima@example.org",
    });
    expect(AddMemberSchema.parse({ displayName: "Marc", college: "residents", listed: false })).toEqual({ displayName: "Marc", college: "residents", organisation: "", listed: false, email: null });
  });

  test("messages for a missing name or collège and a bad e-mail", () => {
    const errors = AddMemberSchema.safeParse({ displayName: " ", college: "maire", email: "pas-une-adresse" }).error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors).toEqual([
      ["displayName", "validation.required"],
      ["college", "councils:errors.collegeRequired"],
      ["email", "councils:errors.emailInvalid"],
    ]);
  });
});

test("UpdateMemberSchema wants a uuid", () => {
  expect(UpdateMemberSchema.safeParse({ memberId: "1 or 1=1", college: "actors" }).success).toBe(false);
  expect(UpdateMemberSchema.parse({ memberId: "1B4E28BA-2FA1-11D2-883F-0016D3CCA427", college: "actors" }).memberId).toBe("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
});

test("AddMeetingSchema: Paris time, real dates, a plausible year", () => {
  expect(AddMeetingSchema.parse({ title: "Réunion", date: "2030-01-15", startTime: "18:00" }).startsAt.toISOString()).toBe("2030-01-15T17:00:00.000Z");
  // The first message of each field is the one shown (validateFormData keeps the first).
  const issues = (input: Record<string, string>) => {
    const first = new Map<string, string>();
    for (const issue of AddMeetingSchema.safeParse({ title: "Réunion", ...input }).error?.issues ?? []) if (!first.has(issue.path.join("."))) first.set(issue.path.join("."), issue.message);
    return [...first.values()];
  };
  expect(issues({ date: "2030-02-30", startTime: "18:00" })).toEqual(["councils:errors.dateInvalid"]);
  expect(issues({ date: "0203-02-03", startTime: "18:00" })).toEqual(["councils:errors.dateOutOfRange"]);
  expect(issues({ date: "", startTime: "" })).toEqual(["councils:errors.dateRequired", "councils:errors.timeRequired"]);
});

test("AttachQuartierSchema", () => {
  expect(AttachQuartierSchema.safeParse({ quartierCode: "" }).error?.issues[0]?.message).toBe("councils:errors.quartierRequired");
  expect(AttachQuartierSchema.safeParse({ quartierCode: "qp062026" }).error?.issues[0]?.message).toBe("councils:errors.quartierUnknown");
  expect(AttachQuartierSchema.parse({ quartierCode: "QP062026" })).toEqual({ quartierCode: "QP062026" });
});
