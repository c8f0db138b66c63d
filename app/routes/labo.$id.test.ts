import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader } from "./labo.$id.tsx";

const load = async (id: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/labo/${id}`, { cookie }), { id })));

describe("/labo/:id", () => {
  test("a seeded rendez-vous shows its attendance; the page is in words, in Paris time", async () => {
    const [held] = await db.select({ id: laboSessions.id }).from(laboSessions).where(eq(laboSessions.title, "Rendez-vous du Labo n°5"));
    const page = await (await load(held!.id)).json();
    expect(page.session).toMatchObject({ attendance: 70, communeName: "Avion", status: "held" });
    expect(page.session.when).toBe("samedi 23 mars 2024");
    expect(page.registration).toBeNull();
  });

  test("an announced session offers registration with seats left, and never shows who registered", async () => {
    const { session } = await insertLaboSession(db, { startsAt: new Date("2030-12-03T17:00:00Z"), endsAt: new Date("2030-12-03T19:30:00Z"), capacity: 2 });
    await db.insert(laboRegistrations).values({ sessionId: session.id, name: "Nadia Privée", email: "nadia@example.org", phone: "0612345678", status: "confirmed" });
    const response = await load(session.id);
    const text = await response.clone().text();
    const page = await response.json();
    expect(page.session.when).toBe("mardi 3 décembre 2030, de 18:00 à 20:30");
    expect(page.session.seatsLeft).toBe(1);
    expect(page.registration).toEqual({ signedIn: false, full: false });
    for (const secret of ["Nadia", "nadia@example.org", "0612345678"]) expect(text).not.toContain(secret);
  });

  test("a draft is not found except for the people who run it", async () => {
    const { session } = await insertLaboSession(db, { status: "draft", communeSlug: "avion" });
    const resident = await insertUser(db, { password: null });
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
    expect((await load(session.id)).status).toBe(404);
    expect((await load(session.id, await sessionCookieFor(resident.id))).status).toBe(404);
    const page = await (await load(session.id, await sessionCookieFor(ambassador.id))).json();
    expect(page.runner).toBe(true);
  });
});
