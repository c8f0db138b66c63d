import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, laboAteliers, laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actorOf, sessionInput } from "#tests/helpers/labo-sessions.ts";
import { cancelLaboSession } from "./cancel-labo-session.server.ts";
import { updateLaboSession } from "./update-labo-session.server.ts";

async function avionAmbassador() {
  const user = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
  return actorOf(user, [{ role: "ambassador", communeSlug: "avion" }]);
}

async function asEdited(session: typeof laboSessions.$inferSelect) {
  return sessionInput({ startsAt: session.startsAt, endsAt: session.endsAt!, placeName: session.placeName, placeAddress: session.placeAddress, capacity: 40 });
}

describe("updateLaboSession", () => {
  test("a change of title only: saved, audited, nobody to tell", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db);
    const input = { ...(await asEdited(session)), title: "Un titre plus clair" };
    expect(await updateLaboSession({ actor, sessionId: session.id, input, announce: true })).toEqual({ status: "ok", announced: true, notify: null });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row).toMatchObject({ title: "Un titre plus clair", status: "announced" });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subjectId, session.id));
    expect(audit).toMatchObject({ action: "labo_session.update", changes: { title: { after: "Un titre plus clair" } } });
  });

  test("a new date or place on an announced session: the registrants are owed a message", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db);
    const later = new Date(session.startsAt.getTime() + 24 * 3600_000);
    const moved = { ...(await asEdited(session)), startsAt: later, endsAt: new Date(later.getTime() + 3600_000) };
    expect(await updateLaboSession({ actor, sessionId: session.id, input: moved, announce: true })).toMatchObject({ status: "ok", notify: "changed" });
    const { session: other } = await insertLaboSession(db);
    const elsewhere = { ...(await asEdited(other)), placeName: "Médiathèque" };
    expect(await updateLaboSession({ actor, sessionId: other.id, input: elsewhere, announce: true })).toMatchObject({ notify: "changed" });
  });

  test("a draft announced: status announced; a draft moved: nobody registered, nobody to tell", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db, { status: "draft" });
    const input = { ...(await asEdited(session)), placeName: "Autre salle" };
    expect(await updateLaboSession({ actor, sessionId: session.id, input, announce: false })).toMatchObject({ status: "ok", announced: false, notify: null });
    expect(await updateLaboSession({ actor, sessionId: session.id, input, announce: true })).toMatchObject({ status: "ok", announced: true });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row!.status).toBe("announced");
  });

  test("a full session stays full (the registrations own that status)", async () => {
    const actor = await avionAmbassador();
    // Really full: its two seats are taken.
    const { session } = await insertLaboSession(db, { status: "full", capacity: 2 });
    await db.insert(laboRegistrations).values([
      { sessionId: session.id, name: "Josiane", email: "josiane@example.org", consentAt: new Date(), status: "confirmed" },
      { sessionId: session.id, name: "Marc", email: "marc@example.org", consentAt: new Date(), status: "confirmed" },
    ]);
    await updateLaboSession({ actor, sessionId: session.id, input: { ...(await asEdited(session)), title: "Un titre plus clair", capacity: 2 }, announce: true });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row!.status).toBe("full");
  });

  test("ateliers are updated in place, added and removed by position", async () => {
    const actor = await avionAmbassador();
    const { session, ateliers } = await insertLaboSession(db, {
      ateliers: [
        { title: "A", question: "QA" },
        { title: "B", question: "QB" },
      ],
    });
    const input = { ...(await asEdited(session)), ateliers: [{ title: "A bis", question: "QA", facilitatorName: null }] };
    await updateLaboSession({ actor, sessionId: session.id, input, announce: true });
    const rows = await db.select().from(laboAteliers).where(eq(laboAteliers.sessionId, session.id)).orderBy(asc(laboAteliers.position));
    expect(rows.map((r) => [r.id, r.title])).toEqual([[ateliers[0]!.id, "A bis"]]);
  });

  test("another commune's ambassador is refused; a held session is no longer editable; unknown is not found", async () => {
    const lens = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const { session } = await insertLaboSession(db);
    expect(await updateLaboSession({ actor: actorOf(lens, [{ role: "ambassador", communeSlug: "lens" }]), sessionId: session.id, input: await asEdited(session), announce: true })).toEqual({
      status: "forbidden",
    });
    const actor = await avionAmbassador();
    const { session: held } = await insertLaboSession(db, { status: "held" });
    expect(await updateLaboSession({ actor, sessionId: held.id, input: await asEdited(held), announce: true })).toEqual({ status: "not_editable" });
    expect(await updateLaboSession({ actor, sessionId: "00000000-0000-4000-8000-000000000000", input: sessionInput(), announce: true })).toEqual({ status: "not_found" });
  });

  test("an ambassador cannot move their session to a commune that is not theirs", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db);
    const input = { ...(await asEdited(session)), communeSlug: "lens" };
    expect(await updateLaboSession({ actor, sessionId: session.id, input, announce: true })).toEqual({ status: "invalid", errors: { communeSlug: "labo:validation.communeNotYours" } });
  });
});

describe("cancelLaboSession", () => {
  test("an announced session: cancelled with its reason, audited, registrants to tell", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db);
    expect(await cancelLaboSession({ actor, sessionId: session.id, reason: "Salle indisponible" })).toEqual({ status: "ok", notify: "cancelled" });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row).toMatchObject({ status: "cancelled", cancellationReason: "Salle indisponible" });
    expect(row!.cancelledAt).toBeInstanceOf(Date);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subjectId, session.id));
    expect(audit).toMatchObject({ action: "labo_session.cancel", reason: "Salle indisponible", changes: { status: { before: "announced", after: "cancelled" } } });
  });

  test("a draft: cancelled, nobody to tell; twice: refused; another commune: forbidden", async () => {
    const actor = await avionAmbassador();
    const { session } = await insertLaboSession(db, { status: "draft" });
    expect(await cancelLaboSession({ actor, sessionId: session.id, reason: "Abandonné" })).toEqual({ status: "ok", notify: null });
    expect(await cancelLaboSession({ actor, sessionId: session.id, reason: "Encore" })).toEqual({ status: "not_cancellable" });
    const { session: lensSession } = await insertLaboSession(db, { communeSlug: "lens" });
    expect(await cancelLaboSession({ actor, sessionId: lensSession.id, reason: "Non" })).toEqual({ status: "forbidden" });
  });
});
