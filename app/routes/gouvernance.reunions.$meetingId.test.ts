import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems, governanceMeetings, laboSessions, proposals } from "#db/schema/index.ts";
import { insertAgendaItem, insertMeeting, insertProposalOnAgenda } from "#tests/factories/governance.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./gouvernance.reunions.$meetingId.tsx";

async function coordinatorCookie() {
  const user = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
  return sessionCookieFor(user.id);
}
const load = async (meetingId: string, cookie: string, query = "") => settle(Promise.resolve(loader(loaderArgs(getRequest(`/gouvernance/reunions/${meetingId}${query}`, { cookie }), { meetingId }))));
const post = (meetingId: string, form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest(`/gouvernance/reunions/${meetingId}`, form, { cookie }), { meetingId })));
const setStatus = (meetingId: string, status: "held" | "published") => db.update(governanceMeetings).set({ status }).where(eq(governanceMeetings.id, meetingId));

describe("/gouvernance/reunions/:meetingId", () => {
  test("shows the agenda: proposals with their ambition, quartier, supports and the GTP's note; the sessions with minutes; a print view", async () => {
    const cookie = await coordinatorCookie();
    const meeting = await insertMeeting(db, { title: "COPIL de mars", place: "Hôtel communautaire, Lens" });
    const { proposal } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: null, title: "Un jardin partagé", details: "Faisable avec les jardins familiaux." });
    await insertAgendaItem(db, { meetingId: meeting.id, title: "Programmation 2027" });
    const { session } = await insertLaboSession(db, { title: "Rendez-vous à Avion" });
    await db.update(laboSessions).set({ status: "minutes_published", minutesFollowUps: "Revoir les horaires." }).where(eq(laboSessions.id, session.id));

    const data = await (await load(meeting.id, cookie)).json();
    expect(data.meeting).toMatchObject({ title: "COPIL de mars", place: "Hôtel communautaire, Lens", status: "planned", bodyKey: "copil" });
    expect(data.items).toEqual([
      expect.objectContaining({ number: 1, kind: "proposal", title: "Un jardin partagé", details: "Faisable avec les jardins familiaux.", proposal: expect.objectContaining({ id: proposal.id, supportCount: 12, ambitionNumber: 8, quartierName: expect.any(String), status: "on_copil_agenda" }) }),
      expect.objectContaining({ number: 2, kind: "free", title: "Programmation 2027", proposal: null }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ id: session.id, title: "Rendez-vous à Avion", followUps: "Revoir les horaires." })]);
    expect(data.undecided).toBe(1);
    const printed = await (await load(meeting.id, cookie, "?imprimer")).json();
    expect(printed).toMatchObject({ print: true, sessions: [] });
    expect(printed.items).toHaveLength(2);
  });

  test("the whole loop through the page: build, decide once held, publish, correct; refusals answer 400/404/409 with what was typed", async () => {
    const cookie = await coordinatorCookie();
    const author = await insertUser(db, { password: null });
    const meeting = await insertMeeting(db, { startsAt: new Date("2027-03-12T17:00:00Z") });
    const other = await insertMeeting(db);
    const { proposal, item } = await insertProposalOnAgenda(db, { meetingId: meeting.id, authorId: author.id, title: "Un jardin partagé" });
    const elsewhere = await insertAgendaItem(db, { meetingId: other.id, title: "Ailleurs" });

    const added = await post(meeting.id, { intent: "add_free", title: "Programmation 2027", details: "" }, cookie);
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toMatch(new RegExp(`^/gouvernance/reunions/${meeting.id}#point-`));
    expect(await flashSetBy(added)).toBe("copil:flash.add_free");
    const noTitle = await post(meeting.id, { intent: "add_free", title: " ", details: "Gardé" }, cookie);
    expect(noTitle.status).toBe(400);
    expect(await noTitle.json()).toMatchObject({ intent: "add_free", errors: { title: "copil:validation.titleRequired" }, values: { details: "Gardé" } });
    const [free] = await db.select().from(agendaItems).where(eq(agendaItems.title, "Programmation 2027"));
    expect((await post(meeting.id, { intent: "move", itemId: free!.id, direction: "up" }, cookie)).status).toBe(302);
    expect((await (await load(meeting.id, cookie)).json()).items.map((i: { title: string }) => i.title)).toEqual(["Programmation 2027", "Un jardin partagé"]);

    // Not held yet: no decision (409, with the reason and what was typed).
    const early = await post(meeting.id, { intent: "decide", itemId: item.id, decision: "retained", publicReasons: "Oui." }, cookie);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ intent: "decide", itemId: item.id, errors: { form: "copil:errors.notHeld" }, values: { publicReasons: "Oui." } });

    await setStatus(meeting.id, "held");
    expect((await post(meeting.id, { intent: "add_free", title: "Trop tard" }, cookie)).status).toBe(409);
    expect((await post(meeting.id, { intent: "decide", itemId: elsewhere.id, decision: "retained", publicReasons: "Oui." }, cookie)).status).toBe(404);
    expect((await post(meeting.id, { intent: "decide", itemId: "pas-un-id", decision: "retained", publicReasons: "Oui." }, cookie)).status).toBe(404);
    const noReasons = await post(meeting.id, { intent: "decide", itemId: item.id, decision: "retained", publicReasons: "" }, cookie);
    expect(noReasons.status).toBe(400);
    expect(await noReasons.json()).toMatchObject({ errors: { publicReasons: "copil:validation.reasonsRequired" }, values: { decision: "retained" } });

    const undecided = await post(meeting.id, { intent: "publish", summary: "Le comité s'est réuni." }, cookie);
    expect(undecided.status).toBe(409);
    expect(await undecided.json()).toMatchObject({ errors: { form: "copil:errors.undecided" }, titles: ["Un jardin partagé"] });

    expect(await flashSetBy(await post(meeting.id, { intent: "decide", itemId: item.id, decision: "retained", publicReasons: "Le jardin sera créé au printemps." }, cookie))).toBe("copil:flash.decide");
    const noSummary = await post(meeting.id, { intent: "publish", summary: "" }, cookie);
    expect(noSummary.status).toBe(400);
    const published = await post(meeting.id, { intent: "publish", summary: "Le comité s'est réuni." }, cookie);
    expect(published.headers.get("Location")).toBe(`/gouvernance/reunions/${meeting.id}`);
    expect(await flashSetBy(published)).toBe("copil:flash.publish");
    expect((await db.select().from(proposals).where(eq(proposals.id, proposal.id)))[0]).toMatchObject({ status: "decided", decision: "retained" });
    expect((await emailsTo(author.email)).at(-1)!.text).toContain("comité de pilotage du 12 mars 2027");

    // Published: read-only decisions, a second publication refused, corrections instead.
    const late = await post(meeting.id, { intent: "decide", itemId: item.id, decision: "not_retained", publicReasons: "Finalement non." }, cookie);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ errors: { form: "copil:errors.published" } });
    expect((await post(meeting.id, { intent: "publish", summary: "Encore." }, cookie)).status).toBe(409);
    expect((await post(meeting.id, { intent: "correct", itemId: item.id, text: "" }, cookie)).status).toBe(400);
    expect(await flashSetBy(await post(meeting.id, { intent: "correct", itemId: item.id, text: "Le jardin sera créé à l'automne." }, cookie))).toBe("copil:flash.correct");
    const after = await (await load(meeting.id, cookie)).json();
    expect(after.meeting).toMatchObject({ status: "published", summary: "Le comité s'est réuni.", published: expect.any(String) });
    expect(after.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ decision: "retained", corrections: [expect.objectContaining({ text: "Le jardin sera créé à l'automne.", when: expect.any(String) })] });
  });

  test("an unknown intent is a 400; an unknown or malformed meeting id a 404", async () => {
    const cookie = await coordinatorCookie();
    const meeting = await insertMeeting(db);
    const bad = await post(meeting.id, { intent: "explode" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ intent: null, errors: { form: "copil:errors.unknownIntent" } });
    for (const id of ["00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
      expect((await load(id, cookie)).status).toBe(404);
      expect((await post(id, { intent: "add_free", title: "X" }, cookie)).status).toBe(404);
    }
  });
});
