import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { reportContent } from "#app/modules/moderation/report-content.server.ts";
import { laboCaptures, laboRegistrations, laboSessions } from "#db/schema/index.ts";
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

describe("/labo/:id: what the minutes quote can be reported", () => {
  test("signed-in visitors may report a capture; three reports hide it and it leaves the published minutes", async () => {
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
    const { session } = await insertLaboSession(db, { communeSlug: "avion", startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) });
    await db.update(laboSessions).set({ status: "minutes_published", minutesPublishedAt: new Date(), minutesSummary: "Une belle soirée.", attendance: 30 }).where(eq(laboSessions.id, session.id));
    const [capture] = await db
      .insert(laboCaptures)
      .values({ sessionId: session.id, clientId: "c-1", kind: "opinion", body: "Des mots qui n'ont rien à faire ici.", capturedById: ambassador.id })
      .returning();
    const page = async (cookie = "") => (await settle(loader(loaderArgs(getRequest(`/labo/${session.id}`, { cookie }), { id: session.id })))).json();

    expect((await page()).canReport).toBe(false);
    const reader = await insertUser(db, { password: null });
    const seen = await page(await sessionCookieFor(reader.id));
    expect(seen.canReport).toBe(true);
    expect(seen.minutes.captures.map((c: { id: string }) => c.id)).toEqual([capture!.id]);

    for (let i = 0; i < 3; i++) {
      const reporter = await insertUser(db, { password: null });
      const result = await reportContent({ reporter: { id: reporter.id, emailVerified: true, roles: [] }, input: { subjectType: "labo_capture", subjectId: capture!.id, reason: "off_topic", details: "" } });
      expect(result.status).toBe("ok");
    }
    const after = await page(await sessionCookieFor(reader.id));
    expect(after.minutes.captures).toEqual([]);
    expect(JSON.stringify(after)).not.toContain("Des mots qui n'ont rien à faire ici.");
  });
});
