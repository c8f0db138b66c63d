import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { listMembers } from "#app/modules/governance/member-queries.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.instances.$body.tsx";

const coordinatorCookie = async () => sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);
const post = (body: Record<string, string>, cookie: string, key = "copil") =>
  settle(action(actionArgs(postRequest(`/gouvernance/instances/${key}`, body, { cookie }), { body: key })));

describe("/gouvernance/instances/:body", () => {
  test("a coordinator adds two members, moves the second up, removes the first; the public list follows, each change audited", async () => {
    const cookie = await coordinatorCookie();
    const added = await post({ intent: "add", name: "Mme la vice-présidente", institution: "CALL" }, cookie);
    expect(added.headers.get("Location")).toBe("/gouvernance/instances/copil");
    expect(await flashSetBy(added)).toBe("instances:flash.memberAdded");
    await post({ intent: "add", name: "M. le sous-préfet", institution: "" }, cookie);
    const [first, second] = await listMembers("copil");
    expect(await flashSetBy(await post({ intent: "up", memberId: second!.id }, cookie))).toBe("instances:flash.memberMoved");
    expect((await listMembers("copil")).map((m) => m.name)).toEqual(["M. le sous-préfet", "Mme la vice-présidente"]);
    expect(await flashSetBy(await post({ intent: "remove", memberId: first!.id }, cookie))).toBe("instances:flash.memberRemoved");
    const page = await (await settle(loader(loaderArgs(getRequest("/gouvernance/instances/copil", { cookie }), { body: "copil" })))).json();
    expect(page.members).toEqual([{ id: second!.id, name: "M. le sous-préfet", institution: "" }]);
    expect((await db.select().from(auditLog)).map((a) => a.action).sort()).toEqual(["governance.add_member", "governance.add_member", "governance.move_member", "governance.remove_member"]);
  });

  test("bad input: a blank name 400 with what was typed kept; an unknown or malformed member 404 or 400; an unknown intent 400", async () => {
    const cookie = await coordinatorCookie();
    const blank = await post({ intent: "add", name: "  ", institution: "CAF" }, cookie);
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ intent: "add", errors: { name: "validation.required" }, values: { institution: "CAF" } });
    expect((await post({ intent: "remove", memberId: "00000000-0000-4000-8000-000000000000" }, cookie)).status).toBe(404);
    expect((await post({ intent: "remove", memberId: "pas-un-uuid" }, cookie)).status).toBe(400);
    expect((await post({ intent: "tout-effacer" }, cookie)).status).toBe(400);
    expect(await db.$count(auditLog)).toBe(0);
  });

  test("a member of another body cannot be removed from this one's page", async () => {
    const cookie = await coordinatorCookie();
    await post({ intent: "add", name: "Technicienne du GTP", institution: "Département" }, cookie, "gtp");
    const [member] = await listMembers("gtp");
    expect((await post({ intent: "remove", memberId: member!.id }, cookie, "copil")).status).toBe(404);
    expect(await listMembers("gtp")).toHaveLength(1);
  });
});
