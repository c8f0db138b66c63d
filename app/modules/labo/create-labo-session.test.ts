import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, laboAteliers, laboSessionAmbitions, laboSessionAnimators, laboSessions } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actorOf, sessionInput } from "#tests/helpers/labo-sessions.ts";
import { createLaboSession } from "./create-labo-session.server.ts";

async function ambassadorOf(communeSlug: string) {
  const user = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug }] });
  return actorOf(user, [{ role: "ambassador", communeSlug }]);
}

describe("createLaboSession", () => {
  test("an ambassador announces one in their commune: the row, ambitions, animators, ateliers and the audit entry", async () => {
    const actor = await ambassadorOf("avion");
    const result = await createLaboSession({ actor, input: sessionInput({ ambitionNumbers: [4, 9], animatorIds: [actor.id] }), announce: true });
    expect(result).toMatchObject({ status: "ok", announced: true });
    if (result.status !== "ok") return;
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, result.sessionId));
    expect(row).toMatchObject({ status: "announced", communeSlug: "avion", capacity: 40, createdById: actor.id });
    expect(row!.announcedAt).toBeInstanceOf(Date);
    const ambitions = await db.select().from(laboSessionAmbitions).where(eq(laboSessionAmbitions.sessionId, result.sessionId)).orderBy(asc(laboSessionAmbitions.ambitionNumber));
    expect(ambitions.map((a) => a.ambitionNumber)).toEqual([4, 9]);
    expect(await db.select({ userId: laboSessionAnimators.userId }).from(laboSessionAnimators).where(eq(laboSessionAnimators.sessionId, result.sessionId))).toEqual([{ userId: actor.id }]);
    expect(await db.select({ title: laboAteliers.title, position: laboAteliers.position }).from(laboAteliers).where(eq(laboAteliers.sessionId, result.sessionId))).toEqual([
      { title: "Bus", position: 0 },
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, result.sessionId));
    expect(audit).toMatchObject([{ action: "labo_session.announce", actorId: actor.id, subjectType: "labo_session" }]);
  });

  test("saved as a draft: status draft, not announced", async () => {
    const actor = await ambassadorOf("avion");
    const result = await createLaboSession({ actor, input: sessionInput(), announce: false });
    if (result.status !== "ok") throw new Error(result.status);
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, result.sessionId));
    expect(row).toMatchObject({ status: "draft", announcedAt: null });
  });

  test("an ambassador cannot schedule one in another commune; a coordinator can, anywhere", async () => {
    const ambassador = await ambassadorOf("lens");
    expect(await createLaboSession({ actor: ambassador, input: sessionInput({ communeSlug: "avion" }), announce: true })).toEqual({
      status: "invalid",
      errors: { communeSlug: "labo:validation.communeNotYours" },
    });
    const coordinatorUser = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const coordinator = actorOf(coordinatorUser, [{ role: "coordinator" }]);
    expect(await createLaboSession({ actor: coordinator, input: sessionInput({ communeSlug: "avion" }), announce: true })).toMatchObject({ status: "ok" });
  });

  test("unknown commune, unknown ambition and ineligible animators are field errors, and nothing is written", async () => {
    const coordinatorUser = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const coordinator = actorOf(coordinatorUser, [{ role: "coordinator" }]);
    const resident = await insertUser(db, { password: null });
    const lensAmbassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const before = await db.$count(laboSessions);
    expect(await createLaboSession({ actor: coordinator, input: sessionInput({ communeSlug: "nulle-part" }), announce: true })).toMatchObject({
      status: "invalid",
      errors: { communeSlug: "labo:validation.unknownCommune" },
    });
    expect(await createLaboSession({ actor: coordinator, input: sessionInput({ ambitionNumbers: [4, 99] }), announce: true })).toMatchObject({
      errors: { ambitionNumbers: "labo:validation.unknownAmbition" },
    });
    for (const animator of [resident, lensAmbassador]) {
      expect(await createLaboSession({ actor: coordinator, input: sessionInput({ animatorIds: [coordinator.id, animator.id] }), announce: true })).toMatchObject({
        errors: { animatorIds: "labo:validation.animatorNotEligible" },
      });
    }
    expect(await db.$count(laboSessions)).toBe(before);
  });

  test("a resident may not create one", async () => {
    const resident = await insertUser(db, { password: null });
    expect(await createLaboSession({ actor: actorOf(resident, []), input: sessionInput(), announce: true })).toEqual({ status: "forbidden" });
  });
});
