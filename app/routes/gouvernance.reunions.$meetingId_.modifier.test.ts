import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { instantToParis } from "#app/modules/labo/paris-time.ts";
import { auditLog, governanceMeetings } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.reunions.$meetingId_.modifier.tsx";

const HOUR = 3600_000;
const coordinatorCookie = async () => sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);

async function meeting(over: Partial<typeof governanceMeetings.$inferInsert> = {}) {
  const startsAt = new Date(Date.now() + 5 * 24 * HOUR);
  startsAt.setUTCSeconds(0, 0);
  const [row] = await db.insert(governanceMeetings).values({ bodyKey: "gtp", title: "GTP de printemps", startsAt, place: "Lens", ...over }).returning();
  return row!;
}

function formFor(row: typeof governanceMeetings.$inferSelect, change: Record<string, string> = {}) {
  const { date, time } = instantToParis(row.startsAt);
  return { intent: "save", version: String(row.updatedAt.getTime()), bodyKey: row.bodyKey, title: row.title, date, startTime: time, place: row.place, ...change };
}

const url = (id: string) => `/gouvernance/reunions/${id}/modifier`;
const post = (id: string, body: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest(url(id), body, { cookie }), { meetingId: id })));
const page = async (id: string, cookie: string) => (await settle(loader(loaderArgs(getRequest(url(id), { cookie }), { meetingId: id })))).json();
const current = async (id: string) => (await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, id)))[0]!;

describe("/gouvernance/reunions/:id/modifier", () => {
  test("the form starts from the meeting's values in Paris time, with its version", async () => {
    const row = await meeting({ startsAt: new Date("2027-01-20T13:30:00Z") });
    const data = await page(row.id, await coordinatorCookie());
    expect(data.defaults).toEqual({ bodyKey: "gtp", title: "GTP de printemps", date: "2027-01-20", startTime: "14:30", place: "Lens" });
    expect(data.version).toBe(row.updatedAt.getTime());
    expect(data.started).toBe(false);
  });

  test("a coordinator changes the title and place: saved, audited, back to the public page", async () => {
    const row = await meeting();
    const response = await post(row.id, formFor(row, { title: "GTP de printemps (nouvelle salle)", place: "Liévin" }), await coordinatorCookie());
    expect(response.headers.get("Location")).toBe(`/instances/gtp/${row.id}`);
    expect(await flashSetBy(response)).toBe("instances:flash.meetingUpdated");
    expect(await current(row.id)).toMatchObject({ title: "GTP de printemps (nouvelle salle)", place: "Liévin", startsAt: row.startsAt });
    expect((await db.select().from(auditLog)).map((a) => a.action)).toEqual(["governance.update_meeting"]);
  });

  test("bad input: 400 on its field with what was typed kept", async () => {
    const row = await meeting();
    const response = await post(row.id, formFor(row, { title: "", date: "demain" }), await coordinatorCookie());
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ intent: "save", errors: { title: "validation.required", date: "instances:errors.dateInvalid" }, values: { date: "demain", place: "Lens" } });
    expect(await current(row.id)).toMatchObject({ title: "GTP de printemps" });
  });

  test("a form built before another coordinator's change: 409 with a clear message, their change kept", async () => {
    const row = await meeting();
    const cookie = await coordinatorCookie();
    const stale = formFor(row, { title: "Le titre du second" });
    expect((await post(row.id, formFor(row, { title: "Le titre du premier" }), cookie)).status).toBe(302);
    const response = await post(row.id, stale, cookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ intent: "save", errors: { form: "instances:errors.conflict" }, values: {} });
    expect((await current(row.id)).title).toBe("Le titre du premier");
  });

  test("a meeting that has not started cannot be marked held (409); once started it can", async () => {
    const cookie = await coordinatorCookie();
    const upcoming = await meeting();
    const refused = await post(upcoming.id, { intent: "markHeld" }, cookie);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ intent: "markHeld", errors: { form: "instances:errors.notStarted" } });
    expect((await current(upcoming.id)).status).toBe("planned");

    const past = await meeting({ startsAt: new Date(Date.now() - HOUR) });
    expect((await page(past.id, cookie)).started).toBe(true);
    const response = await post(past.id, { intent: "markHeld" }, cookie);
    expect(response.headers.get("Location")).toBe(`/instances/gtp/${past.id}`);
    expect(await flashSetBy(response)).toBe("instances:flash.meetingHeld");
    expect((await current(past.id)).status).toBe("held");
    expect((await post(past.id, { intent: "markHeld" }, cookie)).status).toBe(409);
    // Held: its date cannot be moved into the future.
    const held = await current(past.id);
    const future = instantToParis(new Date(Date.now() + 48 * HOUR));
    const moved = await post(past.id, formFor(held, { date: future.date, startTime: future.time }), cookie);
    expect(moved.status).toBe(400);
    expect((await moved.json()).errors).toEqual({ date: "instances:errors.heldInFuture" });
  });

  test("a published meeting is not edited here: 409, nothing changed", async () => {
    const row = await meeting({ status: "published", publishedAt: new Date(), startsAt: new Date(Date.now() - 48 * HOUR) });
    const cookie = await coordinatorCookie();
    expect((await page(row.id, cookie)).meeting.status).toBe("published");
    const response = await post(row.id, formFor(row, { title: "Réécrit après coup" }), cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual({ form: "instances:errors.published" });
    expect((await current(row.id)).title).toBe("GTP de printemps");
    expect(await db.$count(auditLog)).toBe(0);
  });

  test("a malformed or unknown id: 404 for a coordinator, before any query could fail", async () => {
    const cookie = await coordinatorCookie();
    for (const id of ["pas-un-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await settle(loader(loaderArgs(getRequest(url(id), { cookie }), { meetingId: id })))).status).toBe(404);
      expect((await post(id, { intent: "markHeld" }, cookie)).status).toBe(404);
    }
  });
});
