import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, governanceMeetings } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.reunions.nouvelle.tsx";

const form = { bodyKey: "copil", title: "Comité de pilotage de printemps", date: "2027-04-08", startTime: "14:30", place: "Hôtel communautaire, Liévin" };
const coordinatorCookie = async () => sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);
const post = (body: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest("/gouvernance/reunions/nouvelle", body, { cookie }))));

describe("/gouvernance/reunions/nouvelle", () => {
  test("offers the bodies of the referential, starting on the one asked for", async () => {
    const page = await (await settle(loader(loaderArgs(getRequest("/gouvernance/reunions/nouvelle?instance=gtp", { cookie: await coordinatorCookie() }))))).json();
    expect(page.bodies.map((b: { key: string }) => b.key)).toEqual(["copil", "gtp", "hackathon", "labo", "copil_local", "conseil_citoyen"]);
    expect(page.defaults.bodyKey).toBe("gtp");
    const unknown = await (await settle(loader(loaderArgs(getRequest("/gouvernance/reunions/nouvelle?instance=atlantide", { cookie: await coordinatorCookie() }))))).json();
    expect(unknown.defaults.bodyKey).toBe("");
  });

  test("a coordinator adds a meeting: stored in Paris time, audited, and they land on its public page", async () => {
    const response = await post(form, await coordinatorCookie());
    const [row] = await db.select().from(governanceMeetings);
    expect(response.headers.get("Location")).toBe(`/instances/copil/${row!.id}`);
    expect(await flashSetBy(response)).toBe("instances:flash.meetingCreated");
    expect(row).toMatchObject({ bodyKey: "copil", title: form.title, status: "planned", place: form.place, startsAt: new Date("2027-04-08T12:30:00.000Z") });
    expect((await db.select().from(auditLog)).map((a) => a.action)).toEqual(["governance.create_meeting"]);
  });

  test.each([
    ["no body", { bodyKey: "" }, "bodyKey", "instances:errors.bodyRequired"],
    ["a body that does not exist", { bodyKey: "atlantide" }, "bodyKey", "instances:errors.bodyUnknown"],
    ["no title", { title: "" }, "title", "validation.required"],
    ["an impossible date", { date: "2027-02-31" }, "date", "instances:errors.dateInvalid"],
    ["a time that is not one", { startTime: "midi" }, "startTime", "instances:errors.timeInvalid"],
  ])("%s: 400 with the message on its field and what was typed kept, nothing written", async (_name, change, field, message) => {
    const response = await post({ ...form, ...change }, await coordinatorCookie());
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[field]).toBe(message);
    expect(body.values).toMatchObject({ ...form, ...change });
    expect(await db.$count(governanceMeetings)).toBe(0);
  });

  test("a body that is not a form: 400, never a 500", async () => {
    const request = new Request("http://localhost:3000/gouvernance/reunions/nouvelle", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: await coordinatorCookie(), Origin: "http://localhost:3000" },
      body: JSON.stringify(form),
    });
    expect((await settle(action(actionArgs(request)))).status).toBe(400);
  });
});
