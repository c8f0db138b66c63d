import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { instantToParis } from "#app/modules/labo/paris-time.ts";
import { laboSessions } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./labo.nouveau.tsx";

const form = {
  title: "Se déplacer sans voiture",
  communeSlug: "avion",
  placeName: "Salle des fêtes",
  date: instantToParis(new Date(Date.now() + 9 * 24 * 3600_000)).date,
  startTime: "18:00",
  endTime: "20:00",
  capacity: "40",
  atelier0Title: "Bus et horaires",
  atelier0Question: "Qu'est-ce qui vous empêche de prendre le bus ?",
  atelierRows: "3",
  intent: "announce",
};

async function ambassadorCookie(communeSlug = "avion") {
  const user = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug }] });
  return sessionCookieFor(user.id);
}

const post = (body: Record<string, string | string[]>, cookie: string) => settle(action(actionArgs(postRequest("/labo/nouveau", body, { cookie }))));

describe("/labo/nouveau (loader)", () => {
  test("an ambassador is offered their communes only, starts in theirs and animates it; a coordinator is offered every commune", async () => {
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
    const page = await (await settle(loader(loaderArgs(getRequest("/labo/nouveau", { cookie: await sessionCookieFor(ambassador.id) }))))).json();
    expect(page.choices.communes).toEqual([{ slug: "avion", name: "Avion" }]);
    expect(page.defaults).toEqual({ communeSlug: "avion", animatorIds: [ambassador.id] });
    const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const all = await (await settle(loader(loaderArgs(getRequest("/labo/nouveau", { cookie: await sessionCookieFor(coordinator.id) }))))).json();
    expect(all.choices.communes.length).toBeGreaterThan(10);
  });
});

describe("/labo/nouveau (action)", () => {
  test("announced: redirects to the new session's page, which is announced", async () => {
    const response = await post(form, await ambassadorCookie());
    expect(response.status).toBe(302);
    const id = /^\/labo\/([0-9a-f-]{36})$/.exec(response.headers.get("Location") ?? "")?.[1];
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, id!));
    expect(row).toMatchObject({ status: "announced", title: form.title, capacity: 40 });
  });

  test("without JavaScript, 'add an atelier' answers the form with one more row and everything typed, saving nothing", async () => {
    const before = await db.$count(laboSessions);
    const response = await post({ ...form, intent: "addAtelier" }, await ambassadorCookie());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.atelierRows).toBe(4);
    expect(body.errors).toBeUndefined();
    expect(body.values).toMatchObject({ title: form.title, atelier0Title: form.atelier0Title, capacity: "40" });
    expect(await db.$count(laboSessions)).toBe(before);
  });

  test.each([
    ["an end before the start", { endTime: "17:00" }, "endTime", "labo:validation.endBeforeStart"],
    ["a date in the past", { date: "2024-03-23" }, "date", "labo:validation.dateInPast"],
    ["capacity 0", { capacity: "0" }, "capacity", "labo:validation.capacityTooSmall"],
    ["capacity not a number", { capacity: "beaucoup" }, "capacity", "labo:validation.capacityNotNumber"],
    ["an unknown commune", { communeSlug: "atlantide" }, "communeSlug", "labo:validation.unknownCommune"],
    ["another ambassador's commune", { communeSlug: "lens" }, "communeSlug", "labo:validation.communeNotYours"],
  ])("%s: 400 with the message on its field and the values kept", async (_name, change, field, message) => {
    const response = await post({ ...form, ...change }, await ambassadorCookie());
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[field]).toBe(message);
    expect(body.values.title).toBe(form.title);
  });
});
