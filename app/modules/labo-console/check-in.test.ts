import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { addWalkIn, setCheckIn } from "./check-in.server.ts";
import { countAttendance, listConsoleRegistrations } from "./console-queries.server.ts";

async function register(sessionId: string, values: Partial<typeof laboRegistrations.$inferInsert> = {}) {
  const [row] = await db
    .insert(laboRegistrations)
    .values({ sessionId, status: "confirmed", name: "Nadia Benali", email: `nadia.${Math.random().toString(36).slice(2)}@example.org`, consentAt: new Date(), ...values })
    .returning();
  return row!;
}

describe("check-in", () => {
  test("a registered person is marked present once (a second tap keeps the first time), and can be unmarked", async () => {
    const { session } = await insertLaboSession(db);
    const registration = await register(session.id);
    expect(await setCheckIn({ session, registrationId: registration.id, present: true })).toEqual({ status: "ok" });
    const [first] = await db.select().from(laboRegistrations).where(eq(laboRegistrations.id, registration.id));
    expect(first!.checkedInAt).toBeInstanceOf(Date);
    await setCheckIn({ session, registrationId: registration.id, present: true });
    const [again] = await db.select().from(laboRegistrations).where(eq(laboRegistrations.id, registration.id));
    expect(again!.checkedInAt).toEqual(first!.checkedInAt);
    expect(await countAttendance(session.id)).toEqual({ present: 1, newcomers: 0, registered: 1 });

    await setCheckIn({ session, registrationId: registration.id, present: false });
    expect(await countAttendance(session.id)).toEqual({ present: 0, newcomers: 0, registered: 1 });
  });

  test("another session's registration, or a cancelled one, is not found; a cancelled session refuses", async () => {
    const { session } = await insertLaboSession(db);
    const { session: other } = await insertLaboSession(db);
    const elsewhere = await register(other.id);
    const cancelled = await register(session.id, { status: "cancelled", cancelledAt: new Date() });
    expect(await setCheckIn({ session, registrationId: elsewhere.id, present: true })).toEqual({ status: "not_found" });
    expect(await setCheckIn({ session, registrationId: cancelled.id, present: true })).toEqual({ status: "not_found" });
    const mine = await register(session.id);
    await db.update(laboSessions).set({ status: "cancelled" }).where(eq(laboSessions.id, session.id));
    expect(await setCheckIn({ session: { ...session, status: "cancelled" }, registrationId: mine.id, present: true })).toEqual({ status: "cancelled" });
  });

  test("walk-ins are added present, even when the session is full, and newcomers are counted", async () => {
    const { session } = await insertLaboSession(db, { capacity: 1 });
    await register(session.id);
    const first = await addWalkIn({ session, name: "Sami", newcomer: true });
    const second = await addWalkIn({ session, name: null, newcomer: false });
    expect(first.status).toBe("ok");
    expect(second.status).toBe("ok");
    const rows = await db.select().from(laboRegistrations).where(eq(laboRegistrations.sessionId, session.id));
    const walkIns = rows.filter((r) => r.source === "walk_in");
    expect(walkIns).toHaveLength(2);
    expect(walkIns.every((r) => r.status === "confirmed" && r.checkedInAt !== null)).toBe(true);
    // Registered online: 1 (walk-ins are not registrations made in advance); present: the two walk-ins.
    expect(await countAttendance(session.id)).toEqual({ present: 2, newcomers: 1, registered: 1 });
  });

  test("the list: confirmed first, then the waiting list; a signed-in registrant shows their account's name; the filter finds by name", async () => {
    const { session } = await insertLaboSession(db);
    const user = await insertUser(db, { password: null, displayName: "Josiane Lefebvre" });
    await register(session.id, { status: "waitlisted", name: "Marc Waiting" });
    await register(session.id, { userId: user.id, name: null, email: null });
    await register(session.id, { status: "cancelled", name: "Gone Person" });
    const list = await listConsoleRegistrations(session.id, null);
    expect(list.map((r) => [r.name, r.status])).toEqual([
      ["Josiane Lefebvre", "confirmed"],
      ["Marc Waiting", "waitlisted"],
    ]);
    expect((await listConsoleRegistrations(session.id, "josi")).map((r) => r.name)).toEqual(["Josiane Lefebvre"]);
    expect(await listConsoleRegistrations(session.id, "%")).toEqual([]);
  });
});
