import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, councilMeetings, councilMembers, councils } from "#db/schema/index.ts";
import { insertCouncilMeeting, insertCouncilMember } from "#tests/factories/councils.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./conseils-citoyens.$code_.gestion.tsx";

let cookie: string;
beforeEach(async () => {
  cookie = await sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);
});

const path = (code: string) => `/conseils-citoyens/${encodeURIComponent(code)}/gestion`;
const post = (form: Record<string, string>, as = cookie, code = "QP062024") => settle(action(actionArgs(postRequest(path(code), form, { cookie: as }), { code })));
const load = (as = cookie, code = "QP062024") => settle(loader(loaderArgs(getRequest(path(code), { cookie: as }), { code })));
const member = { intent: "add_member", displayName: "Fatima Haddad", college: "residents", organisation: "", listed: "on", email: "" };

describe("loader", () => {
  test("a coordinator sees current members (with « a un compte », never the e-mail) and past members", async () => {
    const account = await insertUser(db, { password: null, email: "compte@example.org" });
    await insertCouncilMember(db, { displayName: "Avec compte", userId: account.id });
    await insertCouncilMember(db, { displayName: "Partie", leftAt: new Date() });
    const response = await load();
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Gérer : Conseil citoyen Cité 12-14");
    expect(data.currentMembers).toEqual([expect.objectContaining({ displayName: "Avec compte", hasAccount: true })]);
    expect(data.pastMembers).toEqual([expect.objectContaining({ displayName: "Partie" })]);
    expect(JSON.stringify(data)).not.toContain("compte@example.org");
    expect(JSON.stringify(data)).not.toContain(account.id);
  });

  test("403 for a member of this or another council and for a resident; sign-in for a visitor", async () => {
    for (const roles of [[{ role: "council_member" as const, quartierCode: "QP062024" }], [{ role: "council_member" as const, quartierCode: "QP062028" }], []]) {
      const other = await sessionCookieFor((await insertUser(db, { password: null, roles })).id);
      expect((await load(other)).status).toBe(403);
      expect((await post(member, other)).status).toBe(403);
    }
    const anonymous = await load("");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion\?/);
    // Only the two memberships the visitors were made with: nothing was added.
    expect(await db.$count(councilMembers)).toBe(2);
  });

  test.each(["qp062024", "QP06202%00", "QP999999", "x".repeat(5000), "QP062024 "])("bad code #%#: 404 for the loader and the action", async (code) => {
    expect((await load(cookie, code)).status).toBe(404);
    expect((await post(member, cookie, code)).status).toBe(404);
  });
});

describe("add_member", () => {
  test("adds a member and links an account by e-mail, audited", async () => {
    const account = await insertUser(db, { password: null, email: "fatima@example.org" });
    const response = await post({ ...member, email: "Fatima@Example.org" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/conseils-citoyens/QP062024/gestion");
    expect(await flashSetBy(response)).toBe("councils:flash.memberAdded");
    expect(await db.select().from(councilMembers)).toEqual([expect.objectContaining({ displayName: "Fatima Haddad", userId: account.id, listed: true, college: "residents" })]);
    expect((await db.select().from(auditLog)).map((a) => a.action)).toEqual(["council.member_add"]);
  });

  test("400 keeps what was typed: blank name, no collège, bad e-mail, unknown account, already a member, too long, NUL", async () => {
    await insertUser(db, { password: null, email: "deja@example.org", roles: [{ role: "council_member", quartierCode: "QP062024" }] });
    for (const [form, errors] of [
      [{ ...member, displayName: "  " }, { displayName: "validation.required" }],
      [{ ...member, college: "" }, { college: "councils:errors.collegeRequired" }],
      [{ ...member, college: "maire" }, { college: "councils:errors.collegeRequired" }],
      [{ ...member, email: "pas une adresse" }, { email: "councils:errors.emailInvalid" }],
      [{ ...member, email: "inconnu@example.org" }, { email: "councils:errors.unknownAccount" }],
      [{ ...member, email: "deja@example.org" }, { email: "councils:errors.alreadyMemberAccount" }],
      [{ ...member, displayName: "x".repeat(121) }, { displayName: "validation.tooLong" }],
      [{ ...member, organisation: "Asso\u0000" }, { organisation: "validation.brokenText" }],
    ] as const) {
      const response = await post(form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      const data = await response.json();
      expect(data.intent).toBe("add_member");
      expect(data.errors).toEqual(errors);
      expect(data.values).toMatchObject({ displayName: form.displayName, email: form.email });
    }
    expect(await db.$count(councilMembers)).toBe(1);
    expect(await db.$count(auditLog)).toBe(0);
  });
});

describe("update_member and remove_member", () => {
  test("updates, then removes a member (the row stays); removing twice says so; history shows on the page", async () => {
    const row = await insertCouncilMember(db, { displayName: "Marc Leroy", listed: false });
    const updated = await post({ intent: "update_member", memberId: row.id, college: "actors", organisation: "Club de foot", listed: "on" });
    expect(await flashSetBy(updated)).toBe("councils:flash.memberUpdated");
    expect(await db.select().from(councilMembers)).toEqual([expect.objectContaining({ college: "actors", organisation: "Club de foot", listed: true })]);

    expect(await flashSetBy(await post({ intent: "remove_member", memberId: row.id }))).toBe("councils:flash.memberRemoved");
    expect(await flashSetBy(await post({ intent: "remove_member", memberId: row.id }))).toBe("councils:flash.memberAlreadyRemoved");
    expect((await db.select().from(councilMembers))[0]!.leftAt).toBeInstanceOf(Date);
    const data = await (await load()).json();
    expect(data.currentMembers).toEqual([]);
    expect(data.pastMembers).toEqual([expect.objectContaining({ displayName: "Marc Leroy" })]);
    expect((await db.select().from(auditLog)).map((a) => a.action).sort()).toEqual(["council.member_remove", "council.member_update"]);
  });

  test("bad input: 400 on the member's row, values kept; a member of another council 404; a malformed id 400", async () => {
    const row = await insertCouncilMember(db, {});
    const other = await insertCouncilMember(db, { councilCode: "QP062028" });
    const bad = await post({ intent: "update_member", memberId: row.id, college: "mairie", organisation: "Garde", listed: "on" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ intent: "update_member", targetId: row.id, errors: { college: "councils:errors.collegeRequired" }, values: { organisation: "Garde" } });
    expect((await post({ intent: "update_member", memberId: other.id, college: "actors" })).status).toBe(404);
    expect((await post({ intent: "remove_member", memberId: other.id })).status).toBe(404);
    expect((await post({ intent: "remove_member", memberId: "1 or 1=1" })).status).toBe(400);
    expect((await post({ intent: "update_member", memberId: "x".repeat(5000), college: "actors" })).status).toBe(400);
    expect(await db.$count(auditLog)).toBe(0);
  });
});

describe("edit_council", () => {
  test("saves the presentation; a blank name is 400 with the text kept", async () => {
    const howToJoin = "Venez à la réunion publique de septembre.";
    const blank = await post({ intent: "edit_council", name: "", howToJoin, meetingPattern: "" });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ errors: { name: "validation.required" }, values: { howToJoin } });
    const saved = await post({ intent: "edit_council", name: "Conseil citoyen de la Cité 12-14", howToJoin, meetingPattern: "Le premier mardi du mois" });
    expect(await flashSetBy(saved)).toBe("councils:flash.councilSaved");
    expect((await db.select().from(councils).where(eq(councils.code, "QP062024")))[0]).toMatchObject({ howToJoin, meetingPattern: "Le premier mardi du mois" });
    expect(await db.$count(auditLog)).toBe(1);
  });
});

describe("add_meeting and meeting_summary", () => {
  test("announces a meeting; bad date or time: 400 with values kept", async () => {
    const bad = await post({ intent: "add_meeting", title: "Réunion", date: "2026-02-30", startTime: "25:00", place: "Salle Jean Jaurès" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: { date: "councils:errors.dateInvalid", startTime: "councils:errors.timeInvalid" }, values: { place: "Salle Jean Jaurès" } });
    const ok = await post({ intent: "add_meeting", title: "Réunion de rentrée", date: "2099-09-15", startTime: "18:30", place: "Salle Jean Jaurès" });
    expect(await flashSetBy(ok)).toBe("councils:flash.meetingAdded");
    expect(await db.select().from(councilMeetings)).toEqual([expect.objectContaining({ title: "Réunion de rentrée", startsAt: new Date("2099-09-15T16:30:00Z") })]);
  });

  test("a summary for a past meeting is published; for a meeting to come, 400 on its row", async () => {
    const past = await insertCouncilMeeting(db, { startsAt: new Date(Date.now() - 3600_000) });
    const future = await insertCouncilMeeting(db, { startsAt: new Date(Date.now() + 3600_000) });
    expect(await flashSetBy(await post({ intent: "meeting_summary", meetingId: past.id, summary: "Trente personnes." }))).toBe("councils:flash.summarySaved");
    const early = await post({ intent: "meeting_summary", meetingId: future.id, summary: "Trop tôt." });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ targetId: future.id, errors: { summary: "councils:errors.notHeldYet" }, values: { summary: "Trop tôt." } });
    const other = await insertCouncilMeeting(db, { councilCode: "QP062028", startsAt: new Date(Date.now() - 3600_000) });
    expect((await post({ intent: "meeting_summary", meetingId: other.id, summary: "Pas le nôtre." })).status).toBe(404);
  });
});

describe("attach_quartier", () => {
  test("moves a quartier under this council and says the other is left empty; a bad code is 400", async () => {
    const moved = await post({ intent: "attach_quartier", quartierCode: "QP062026" });
    expect(await flashSetBy(moved)).toBe("councils:flash.quartierAttachedLeftEmpty");
    expect(await flashSetBy(await post({ intent: "attach_quartier", quartierCode: "QP062026" }))).toBe("councils:flash.quartierAlreadyHere");
    const data = await (await load()).json();
    expect(data.council.quartiers.map((q: { code: string }) => q.code)).toEqual(["QP062024", "QP062026"]);
    for (const [quartierCode, error] of [
      ["", "councils:errors.quartierRequired"],
      ["qp062026", "councils:errors.quartierUnknown"],
      ["QP999999", "councils:errors.quartierUnknown"],
    ] as const) {
      const response = await post({ intent: "attach_quartier", quartierCode });
      expect(response.status, quartierCode).toBe(400);
      expect((await response.json()).errors).toEqual({ quartierCode: error });
    }
  });
});

test("an unknown intent or an unreadable body is a 400", async () => {
  expect((await post({ intent: "tout-effacer" })).status).toBe(400);
  const json = new Request(`http://localhost:3000${path("QP062024")}`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: cookie } });
  expect((await settle(action(actionArgs(json, { code: "QP062024" })))).status).toBe(400);
});
