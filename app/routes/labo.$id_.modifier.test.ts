import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { registerForSession } from "#app/modules/labo-registrations/register-for-session.server.ts";
import { instantToParis } from "#app/modules/labo/paris-time.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action } from "./labo.$id_.modifier.tsx";

const guest = (name: string, email: string) => ({ kind: "guest" as const, name, email, phone: null, isNewcomer: false });

/** The edit form as the page posts it, for a session in Avion on `startsAt`, with `change` applied. */
function editForm(startsAt: Date, change: Record<string, string> = {}) {
  const { date, time } = instantToParis(startsAt);
  return {
    title: "Se déplacer sans voiture",
    communeSlug: "avion",
    placeName: "Salle des fêtes",
    date,
    startTime: time,
    endTime: "23:30",
    capacity: "2",
    atelier0Title: "Bus et horaires",
    atelier0Question: "Qu'est-ce qui vous empêche de prendre le bus ?",
    atelierRows: "3",
    intent: "save",
    ...change,
  };
}

async function setup() {
  const startsAt = new Date(Date.now() + 5 * 24 * 3600_000);
  startsAt.setUTCHours(17, 0, 0, 0);
  const { session } = await insertLaboSession(db, { communeSlug: "avion", startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), capacity: 2 });
  for (const [name, email] of [["Josiane", "josiane@example.org"], ["Marc", "marc@example.org"], ["Yasmine", "yasmine@example.org"]] as const) {
    await registerForSession({ sessionId: session.id, registrant: guest(name, email), locale: "fr" });
  }
  const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
  return { session, startsAt, cookie: await sessionCookieFor(ambassador.id) };
}

const subjects = async (email: string) => (await emailsTo(email)).map((m) => m.subject);

describe("/labo/:id/modifier tells the registrants", () => {
  test("a new place is emailed to every registrant; more seats go to the waiting list at once", async () => {
    const { session, startsAt, cookie } = await setup();
    expect((await db.select().from(laboSessions).where(eq(laboSessions.id, session.id)))[0]!.status).toBe("full");

    const response = await settle(action(actionArgs(postRequest(`/labo/${session.id}/modifier`, editForm(startsAt, { placeName: "Maison des associations", capacity: "3" }), { cookie }), { id: session.id })));
    expect(response.status).toBe(302);

    for (const email of ["josiane@example.org", "marc@example.org", "yasmine@example.org"]) {
      expect(await subjects(email)).toContain(`Le rendez-vous a changé : ${session.title.replace(/ \d+$/, "") === session.title ? session.title : "Se déplacer sans voiture"}`);
    }
    const yasmine = await db.select({ status: laboRegistrations.status }).from(laboRegistrations).where(eq(laboRegistrations.email, "yasmine@example.org"));
    expect(yasmine[0]!.status).toBe("confirmed");
    expect((await db.select().from(laboSessions).where(eq(laboSessions.id, session.id)))[0]!.status).toBe("full");
  });

  test("a cancellation is emailed with its reason", async () => {
    const { session, cookie } = await setup();
    const response = await settle(action(actionArgs(postRequest(`/labo/${session.id}/modifier?intent=cancel`, { reason: "La salle est inondée." }, { cookie }), { id: session.id })));
    expect(response.status).toBe(302);
    const [last] = (await emailsTo("marc@example.org")).slice(-1);
    expect(last!.subject).toMatch(/^Rendez-vous annulé : /);
    expect(last!.text).toContain("La salle est inondée.");
  });
});
