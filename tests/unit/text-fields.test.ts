/**
 * Text fields, end to end (issue 14): a single-line field never stores a line break, and no field stores
 * invalid UTF-8 (U+FFFD), half a character or NUL: the person gets a translated message instead.
 */
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ProfileSchema } from "#app/modules/auth/profile.schema.ts";
import { instantToParis } from "#app/modules/labo/paris-time.ts";
import { GuestRegistrationSchema } from "#app/modules/labo-registrations/registration.schema.ts";
import { contributions, laboSessions } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as newLaboSession } from "#app/routes/labo.nouveau.tsx";
import { action as contribute } from "#app/routes/propositions.$id.contributions.ts";

const session = {
  communeSlug: "avion",
  placeName: "Salle des fêtes",
  date: instantToParis(new Date(Date.now() + 9 * 24 * 3600_000)).date,
  startTime: "18:00",
  endTime: "20:00",
  capacity: "40",
  atelier0Title: "Bus et horaires",
  atelier0Question: "Qu'est-ce qui vous empêche\r\nde prendre le bus ?",
  atelierRows: "3",
  intent: "announce",
};

test("a Labo session's title and place are stored on one line", async () => {
  const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  const form = { ...session, title: "Se déplacer\r\nsans voiture", placeName: "Salle\ndes fêtes", atelier0Title: "Bus\r\net horaires" };
  const response = await settle(newLaboSession(actionArgs(postRequest("/labo/nouveau", form, { cookie: await sessionCookieFor(coordinator.id) }))));
  expect(response.status).toBe(302);
  const [row] = await db.select().from(laboSessions).where(eq(laboSessions.title, "Se déplacer sans voiture"));
  expect(row).toMatchObject({ title: "Se déplacer sans voiture", placeName: "Salle des fêtes" });
});

test("a contribution of two replacement characters (invalid bytes) is refused with its translated message, and nothing is stored", async () => {
  const author = await insertUser(db, { password: null });
  const resident = await insertUser(db, { password: null });
  const proposal = await insertProposal(db, { authorId: author.id });
  const cookie = await sessionCookieFor(resident.id);
  for (const body of ["\uFFFD\uFFFD", "Un avis\u0000 sur le parc, assez long.", "Un avis sur le parc \uD83D, assez long."]) {
    const response = await settle(contribute(actionArgs(postRequest(`/propositions/${proposal.id}/contributions`, { body, stance: "for", _js: "1" }, { cookie }), { id: proposal.id })));
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect((await response.json()).errors).toEqual({ body: "contributions:errors.brokenText" });
  }
  expect(await db.select().from(contributions)).toHaveLength(0);
});

test("a Labo registrant's name and phone, a display name: one line each", () => {
  const guest = GuestRegistrationSchema.safeParse({ name: "Nadia\r\nBenali", phone: "06 12\n34 56 78", consent: "on" });
  expect(guest.success && guest.data).toMatchObject({ name: "Nadia Benali", phone: "06 12 34 56 78" });
  const profile = ProfileSchema.safeParse({ displayName: "Karim\nDupont", locale: "fr" });
  expect(profile.success && profile.data.displayName).toBe("Karim Dupont");
});
