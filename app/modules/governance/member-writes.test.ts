import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { MemberSchema } from "./member.schema.ts";
import { listMembers, listMembersByBody } from "./member-queries.server.ts";
import { addMember, moveMember, removeMember } from "./member-writes.server.ts";

const coordinator = () => insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
const names = async (bodyKey: string) => (await listMembers(bodyKey)).map((m) => m.name);
const actions = async () => (await db.select({ action: auditLog.action, subjectId: auditLog.subjectId }).from(auditLog)).map((a) => `${a.action} ${a.subjectId}`);

describe("members of a body", () => {
  test("added at the end, moved up and down, removed; each change audited", async () => {
    const actor = await coordinator();
    for (const name of ["Anne", "Bruno", "Chloé"]) expect(await addMember({ actor, bodyKey: "gtp", input: { name, institution: "CALL" } })).toMatchObject({ status: "ok" });
    await addMember({ actor, bodyKey: "copil", input: { name: "Élu du COPIL", institution: "" } });
    expect(await names("gtp")).toEqual(["Anne", "Bruno", "Chloé"]);

    const chloe = (await listMembers("gtp"))[2]!;
    expect(await moveMember({ actor, bodyKey: "gtp", memberId: chloe.id, direction: "up" })).toEqual({ status: "ok" });
    expect(await names("gtp")).toEqual(["Anne", "Chloé", "Bruno"]);
    expect(await moveMember({ actor, bodyKey: "gtp", memberId: chloe.id, direction: "up" })).toEqual({ status: "ok" });
    // Already first: nothing to do, nothing audited.
    expect(await moveMember({ actor, bodyKey: "gtp", memberId: chloe.id, direction: "up" })).toEqual({ status: "unchanged" });
    expect(await names("gtp")).toEqual(["Chloé", "Anne", "Bruno"]);

    const anne = (await listMembers("gtp"))[1]!;
    expect(await removeMember({ actor, bodyKey: "gtp", memberId: anne.id })).toEqual({ status: "ok" });
    expect(await names("gtp")).toEqual(["Chloé", "Bruno"]);
    // A new member still goes last after a removal.
    await addMember({ actor, bodyKey: "gtp", input: { name: "Driss", institution: "Département" } });
    expect(await names("gtp")).toEqual(["Chloé", "Bruno", "Driss"]);

    const byBody = await listMembersByBody();
    expect(byBody.get("gtp")!.map((m) => m.name)).toEqual(["Chloé", "Bruno", "Driss"]);
    expect(byBody.get("copil")).toEqual([expect.objectContaining({ name: "Élu du COPIL", institution: "" })]);

    expect((await actions()).sort()).toEqual(
      [...Array<string>(4).fill("governance.add_member gtp"), "governance.add_member copil", "governance.move_member gtp", "governance.move_member gtp", "governance.remove_member gtp"].sort(),
    );
  });

  test("a member of another body, an unknown member or an unknown body: not found, nothing changed", async () => {
    const actor = await coordinator();
    const added = await addMember({ actor, bodyKey: "gtp", input: { name: "Anne", institution: "CALL" } });
    const memberId = added.status === "ok" ? added.memberId : "";
    expect(await removeMember({ actor, bodyKey: "copil", memberId })).toEqual({ status: "not_found" });
    expect(await moveMember({ actor, bodyKey: "copil", memberId, direction: "down" })).toEqual({ status: "not_found" });
    expect(await removeMember({ actor, bodyKey: "gtp", memberId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
    expect(await addMember({ actor, bodyKey: "atlantide", input: { name: "Personne", institution: "" } })).toEqual({ status: "not_found" });
    expect(await names("gtp")).toEqual(["Anne"]);
    expect(await actions()).toEqual(["governance.add_member gtp"]);
  });

  test("the form: a name is required, the institution optional, lengths bounded", () => {
    expect(MemberSchema.parse({ name: "  Anne Dupont ", institution: undefined })).toEqual({ name: "Anne Dupont", institution: "" });
    expect(MemberSchema.safeParse({ name: " " }).error?.issues[0]?.message).toBe("validation.required");
    expect(MemberSchema.safeParse({ name: "x".repeat(121) }).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(MemberSchema.safeParse({ name: "Anne", institution: "x".repeat(201) }).error?.issues[0]?.message).toBe("validation.tooLong");
  });
});
