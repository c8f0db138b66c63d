import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, councilQuartiers, councils } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getCouncilOfQuartier } from "./council-queries.server.ts";
import { attachQuartier, editCouncil } from "./edit-council.server.ts";

const coordinator = () => insertUser(db, { password: null, roles: [{ role: "coordinator" }] });

describe("editCouncil", () => {
  test("saves the council's words, audited with only what changed", async () => {
    const actor = await coordinator();
    const input = { name: "Conseil citoyen de la Cité 12-14", howToJoin: "Venez à la réunion publique de septembre.", meetingPattern: "" };
    expect(await editCouncil({ actor, councilCode: "QP062024", input })).toEqual({ status: "ok" });
    const [row] = await db.select().from(councils).where(eq(councils.code, "QP062024"));
    expect(row).toMatchObject(input);
    expect((await db.select().from(auditLog)).map((a) => [a.action, a.subjectType, a.subjectId, Object.keys(a.changes ?? {}).sort()])).toEqual([
      ["council.edit", "council", "QP062024", ["howToJoin", "name"]],
    ]);
    expect(await editCouncil({ actor, councilCode: "QP062024", input })).toEqual({ status: "unchanged" });
    expect(await editCouncil({ actor, councilCode: "QP999999", input })).toEqual({ status: "not_found" });
    expect(await db.$count(auditLog)).toBe(1);
  });
});

describe("attachQuartier", () => {
  test("moves a quartier under a council; the council it leaves, now empty, is said so", async () => {
    const actor = await coordinator();
    expect(await attachQuartier({ actor, councilCode: "QP062024", quartierCode: "QP062026" })).toEqual({ status: "ok", fromCouncil: "QP062026", fromCouncilLeftEmpty: true });
    expect(await getCouncilOfQuartier("QP062026")).toMatchObject({ code: "QP062024" });
    expect(await db.select().from(auditLog)).toEqual([
      expect.objectContaining({ action: "council.attach_quartier", subjectType: "council", subjectId: "QP062024", changes: { council: { before: "QP062026", after: "QP062024" } }, reason: "QP062026" }),
    ]);
    // The emptied council still exists.
    expect(await db.$count(councils, eq(councils.code, "QP062026"))).toBe(1);
    expect(await attachQuartier({ actor, councilCode: "QP062024", quartierCode: "QP062026" })).toEqual({ status: "already_here" });
    // Moving one of two quartiers away leaves the other.
    expect(await attachQuartier({ actor, councilCode: "QP062028", quartierCode: "QP062026" })).toEqual({ status: "ok", fromCouncil: "QP062024", fromCouncilLeftEmpty: false });
    expect(await db.select({ q: councilQuartiers.quartierCode }).from(councilQuartiers).where(eq(councilQuartiers.councilCode, "QP062024"))).toEqual([{ q: "QP062024" }]);
  });

  test("an unknown quartier or council writes nothing", async () => {
    const actor = await coordinator();
    expect(await attachQuartier({ actor, councilCode: "QP062024", quartierCode: "QP999999" })).toEqual({ status: "unknown_quartier" });
    expect(await attachQuartier({ actor, councilCode: "QP999999", quartierCode: "QP062026" })).toEqual({ status: "not_found" });
    expect(await db.$count(auditLog)).toBe(0);
  });
});
