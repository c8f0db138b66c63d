import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, emailOutbox, laboCaptures, laboRegistrations, laboSessions } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { MinutesSchema } from "./console.schema.ts";
import { markSessionHeld, saveMinutes } from "./publish-minutes.server.ts";

const HOUR = 3600_000;

function minutes(fields: Record<string, string | string[]>) {
  return MinutesSchema.parse({ summary: "On a parlé des bus du dimanche et des trottoirs.", attendance: "3", newcomers: "1", ...fields });
}

async function startedSession() {
  return insertLaboSession(db, { startsAt: new Date(Date.now() - 2 * HOUR), title: "Rendez-vous du Labo à la cité 4" });
}

describe("saveMinutes", () => {
  test("publishing: figures, author, date and status in one go; every registrant who left an email receives the minutes, once", async () => {
    const { session } = await startedSession();
    const ambassador = await insertUser(db, { password: null });
    const signedIn = await insertUser(db, { password: null, displayName: "Josiane", locale: "en" });
    const unique = Date.now().toString(36);
    await db.insert(laboRegistrations).values([
      { sessionId: session.id, status: "confirmed", userId: signedIn.id },
      { sessionId: session.id, status: "confirmed", name: "Nadia", email: `nadia.${unique}@example.org`, consentAt: new Date() },
      { sessionId: session.id, status: "waitlisted", name: "Marc", email: `marc.${unique}@example.org`, consentAt: new Date() },
      { sessionId: session.id, status: "cancelled", name: "Paul", email: `paul.${unique}@example.org`, consentAt: new Date(), cancelledAt: new Date() },
      { sessionId: session.id, status: "confirmed", name: "Sami", phone: "0612345678", consentAt: new Date() },
      { sessionId: session.id, status: "confirmed", source: "walk_in", name: "Walk-in", checkedInAt: new Date() },
    ]);
    const [kept, left] = await db
      .insert(laboCaptures)
      .values([
        { sessionId: session.id, clientId: "a-capture-1", kind: "idea", body: "Des bancs." },
        { sessionId: session.id, clientId: "a-capture-2", kind: "testimony", body: "Mon trajet." },
      ])
      .returning();

    const result = await saveMinutes({ session, actor: ambassador, input: minutes({ intent: "publish", inMinutes: [kept!.id] }) });
    expect(result).toEqual({ status: "ok", published: true, emailed: 3 });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row).toMatchObject({ status: "minutes_published", minutesAuthorId: ambassador.id, attendance: 3, newcomers: 1, minutesSummary: "On a parlé des bus du dimanche et des trottoirs." });
    expect(row!.minutesPublishedAt).toBeInstanceOf(Date);
    const captures = await db.select({ id: laboCaptures.id, inMinutes: laboCaptures.inMinutes }).from(laboCaptures).where(eq(laboCaptures.sessionId, session.id));
    expect(Object.fromEntries(captures.map((c) => [c.id, c.inMinutes]))).toEqual({ [kept!.id]: true, [left!.id]: false });
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, session.id))).toHaveLength(1);

    const [nadia] = await emailsTo(`nadia.${unique}@example.org`);
    expect(nadia).toMatchObject({ template: "labo-minutes", subject: "Compte-rendu du rendez-vous du Labo : Rendez-vous du Labo à la cité 4" });
    expect(nadia!.text).toContain(`/labo/${session.id}`);
    expect(nadia!.text).toContain("Bonjour Nadia");
    // A signed-in registrant gets it at their account's address, in their language.
    const [josiane] = await emailsTo(signedIn.email);
    expect(josiane!.subject).toBe("Minutes of the Labo meeting: Rendez-vous du Labo à la cité 4");
    expect(await emailsTo(`marc.${unique}@example.org`)).toHaveLength(1);
    expect(await emailsTo(`paul.${unique}@example.org`)).toHaveLength(0);

    // Once only.
    expect(await saveMinutes({ session, actor: ambassador, input: minutes({ intent: "publish" }) })).toEqual({ status: "already_published" });
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.template, "labo-minutes"))).toHaveLength(3);
    // Later corrections are saved without sending anything again.
    expect(await saveMinutes({ session, actor: ambassador, input: minutes({ intent: "save", summary: "Corrigé." }) })).toEqual({ status: "ok", published: false, emailed: 0 });
    const [corrected] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(corrected).toMatchObject({ minutesSummary: "Corrigé.", status: "minutes_published" });
  });

  test("a draft is saved without publishing nor emailing, even before the session", async () => {
    const { session } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    expect(await saveMinutes({ session, actor: ambassador, input: minutes({ intent: "save", summary: "" }) })).toEqual({ status: "ok", published: false, emailed: 0 });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row).toMatchObject({ status: "announced", minutesPublishedAt: null, minutesSummary: null, attendance: 3 });
  });

  test("refused: a session that has not started, a cancelled one; publishing needs a summary and the attendance", async () => {
    const ambassador = await insertUser(db, { password: null });
    const { session: future } = await insertLaboSession(db);
    expect(await saveMinutes({ session: future, actor: ambassador, input: minutes({ intent: "publish" }) })).toEqual({ status: "not_started" });
    const { session: cancelled } = await insertLaboSession(db, { startsAt: new Date(Date.now() - HOUR), status: "cancelled" });
    expect(await saveMinutes({ session: cancelled, actor: ambassador, input: minutes({ intent: "publish" }) })).toEqual({ status: "cancelled" });

    const empty = MinutesSchema.safeParse({ intent: "publish", summary: " ", attendance: "" });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["summary", "laboConsole:validation.summaryRequired"],
      ["attendance", "laboConsole:validation.attendanceRequired"],
    ]);
    const odd = MinutesSchema.safeParse({ intent: "save", attendance: "-4", newcomers: "abc" });
    expect(odd.error?.issues.map((i) => i.path[0])).toEqual(["attendance", "newcomers"]);
    const more = MinutesSchema.safeParse({ intent: "save", attendance: "10", newcomers: "12" });
    expect(more.error?.issues.map((i) => i.message)).toEqual(["laboConsole:validation.newcomersAboveAttendance"]);
  });
});

describe("markSessionHeld", () => {
  test("a started session becomes held; a future one is refused", async () => {
    const ambassador = await insertUser(db, { password: null });
    const { session } = await startedSession();
    expect(await markSessionHeld({ session, actor: ambassador })).toEqual({ status: "ok" });
    const [row] = await db.select().from(laboSessions).where(eq(laboSessions.id, session.id));
    expect(row!.status).toBe("held");
    const { session: future } = await insertLaboSession(db);
    expect(await markSessionHeld({ session: future, actor: ambassador })).toEqual({ status: "not_started" });
  });
});
