import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboCaptures, laboRegistrations, laboSessions, proposals } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getLaboSessionFormValues, getLaboSessionPage, listLaboAgenda, listRunnableDrafts } from "./labo-session-queries.server.ts";
import { getLaboFigures, figuresCsv } from "./labo-figures.server.ts";

const DAY = 24 * 3600_000;

describe("listRunnableDrafts", () => {
  test("each person who runs sessions finds the drafts they may take up again, and only those", async () => {
    const viewer = (id: string, roles: { role: "ambassador" | "coordinator" | "resident"; communeSlug: string | null }[]) => ({ id, emailVerified: true, roles: roles.map((r) => ({ ...r, quartierCode: null })) });
    const avionAmbassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
    const lensAmbassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const { session: avionDraft } = await insertLaboSession(db, { title: "Brouillon à Avion", communeSlug: "avion", status: "draft", startsAt: new Date(Date.now() + 9 * DAY) });
    // Animated by the Lens ambassador, in another commune: theirs to run too.
    const { session: animated } = await insertLaboSession(db, { title: "Brouillon à Liévin", communeSlug: "lievin", status: "draft", animatorIds: [lensAmbassador.id], startsAt: new Date(Date.now() + 4 * DAY) });
    await insertLaboSession(db, { title: "Annoncé à Avion", communeSlug: "avion" });

    const forAvion = await listRunnableDrafts(viewer(avionAmbassador.id, [{ role: "ambassador", communeSlug: "avion" }]));
    expect(forAvion).toEqual([expect.objectContaining({ id: avionDraft.id, title: "Brouillon à Avion", communeName: "Avion" })]);
    expect((await listRunnableDrafts(viewer(lensAmbassador.id, [{ role: "ambassador", communeSlug: "lens" }]))).map((d) => d.id)).toEqual([animated.id]);
    // A coordinator sees every draft, soonest first; a resident none.
    expect((await listRunnableDrafts(viewer("coordinator", [{ role: "coordinator", communeSlug: null }]))).map((d) => d.id)).toEqual([animated.id, avionDraft.id]);
    expect(await listRunnableDrafts(viewer("resident", [{ role: "resident", communeSlug: null }]))).toEqual([]);
  });
});

describe("listLaboAgenda", () => {
  test("to come soonest first, with cancelled ones; drafts never; past ones latest first", async () => {
    const { session: later } = await insertLaboSession(db, { title: "Plus tard", startsAt: new Date(Date.now() + 20 * DAY) });
    const { session: sooner } = await insertLaboSession(db, { title: "Bientôt", startsAt: new Date(Date.now() + 3 * DAY), status: "full" });
    const { session: cancelled } = await insertLaboSession(db, { title: "Annulé", startsAt: new Date(Date.now() + 5 * DAY), status: "cancelled" });
    await insertLaboSession(db, { title: "Brouillon", status: "draft" });
    await insertLaboSession(db, { title: "Annulé il y a longtemps", startsAt: new Date(Date.now() - 5 * DAY), status: "cancelled" });
    const { session: over } = await insertLaboSession(db, { title: "Passé, sans compte-rendu", startsAt: new Date(Date.now() - 2 * DAY) });
    const agenda = await listLaboAgenda({ communeSlug: null, ambitionNumber: null });
    expect(agenda.upcoming.map((s) => s.id)).toEqual([sooner.id, cancelled.id, later.id]);
    // The one that is over, then the five seeded rendez-vous, latest first (23 March in Avion: 70 people).
    expect(agenda.past).toHaveLength(6);
    expect(agenda.past[0]!.id).toBe(over.id);
    expect(agenda.past[1]).toMatchObject({ attendance: 70, status: "held" });
    expect(agenda.past.map((s) => s.startsAt.getTime())).toEqual([...agenda.past.map((s) => s.startsAt.getTime())].sort((a, b) => b - a));
  });

  test("filters by commune and by ambition, and counts seats left without naming anyone", async () => {
    const { session: avion } = await insertLaboSession(db, { communeSlug: "avion", ambitionNumbers: [4], capacity: 3 });
    const { session: lens } = await insertLaboSession(db, { communeSlug: "lens", ambitionNumbers: [10] });
    await db.insert(laboRegistrations).values([
      { sessionId: avion.id, name: "Nadia", email: "nadia@example.org", status: "confirmed" },
      { sessionId: avion.id, name: "Paul", status: "cancelled" },
    ]);
    const byCommune = await listLaboAgenda({ communeSlug: "avion", ambitionNumber: null });
    expect(byCommune.upcoming.map((s) => s.id)).toEqual([avion.id]);
    expect(byCommune.upcoming[0]).toMatchObject({ seatsLeft: 2, communeName: "Avion", ambitions: [{ number: 4 }] });
    expect(JSON.stringify(byCommune)).not.toContain("Nadia");
    expect(byCommune.past.every((s) => s.communeSlug === "avion")).toBe(true);
    const byAmbition = await listLaboAgenda({ communeSlug: null, ambitionNumber: 10 });
    expect(byAmbition.upcoming.map((s) => s.id)).toEqual([lens.id]);
  });
});

describe("getLaboSessionPage", () => {
  test("the minutes show kept captures without the participant's name or contact, and what became of the proposals", async () => {
    const ambassador = await insertUser(db, { password: null, displayName: "Karim Ambassadeur", roles: [{ role: "ambassador", communeSlug: "avion" }] });
    const { session, ateliers } = await insertLaboSession(db, { status: "minutes_published", animatorIds: [ambassador.id] });
    await db.update(laboSessions).set({ minutesPublishedAt: new Date(), minutesSummary: "On a parlé des bus.", attendance: 31, newcomers: 12 }).where(eq(laboSessions.id, session.id));
    await db.insert(laboCaptures).values([
      { sessionId: session.id, clientId: "c1", kind: "idea", body: "Un bus le dimanche", atelierId: ateliers[0]!.id, participantName: "Josiane Secret", participantContact: "06 12 34 56 78", consentAt: new Date() },
      { sessionId: session.id, clientId: "c2", kind: "opinion", body: "Retiré du compte-rendu", inMinutes: false },
      { sessionId: session.id, clientId: "c3", kind: "question", body: "Masqué par la modération", hiddenAt: new Date() },
    ]);
    await db.insert(laboRegistrations).values({ sessionId: session.id, name: "Registrant Privé", email: "prive@example.org", status: "confirmed" });
    const author = await insertUser(db, { password: null });
    const carried = await insertProposal(db, { authorId: author.id, origin: "labo_session", status: "qualified" });
    await db.update(proposals).set({ originLaboSessionId: session.id }).where(eq(proposals.id, carried.id));
    const draft = await insertProposal(db, { authorId: author.id, origin: "labo_session", status: "draft" });
    await db.update(proposals).set({ originLaboSessionId: session.id }).where(eq(proposals.id, draft.id));

    const page = await getLaboSessionPage(session.id);
    expect(page!.animators).toEqual([{ id: ambassador.id, displayName: "Karim Ambassadeur" }]);
    expect(page!.minutes!.captures).toEqual([{ id: expect.any(String), kind: "idea", body: "Un bus le dimanche", atelierTitle: ateliers[0]!.title, ambitionNumber: null }]);
    expect(page!.minutes!.proposals).toEqual([{ id: carried.id, title: carried.title, status: "qualified", decision: null }]);
    expect(page!.minutes!.summary).toBe("On a parlé des bus.");
    const text = JSON.stringify(page);
    for (const secret of ["Josiane", "06 12 34", "Registrant Privé", "prive@example.org"]) expect(text).not.toContain(secret);
  });

  test("unknown id: null; minutes not published: none shown", async () => {
    expect(await getLaboSessionPage("00000000-0000-4000-8000-000000000000")).toBeNull();
    const { session } = await insertLaboSession(db);
    expect((await getLaboSessionPage(session.id))!.minutes).toBeNull();
  });
});

describe("getLaboSessionFormValues", () => {
  test("gives back the form as typed: Paris date and times, ambitions, ateliers", async () => {
    const { session } = await insertLaboSession(db, { startsAt: new Date("2030-12-03T17:30:00Z"), endsAt: new Date("2030-12-03T19:00:00Z"), ambitionNumbers: [4, 9] });
    const form = await getLaboSessionFormValues(session.id);
    expect(form!.values).toMatchObject({ date: "2030-12-03", startTime: "18:30", endTime: "20:00", capacity: "40", atelier0Title: "Atelier bus et horaires" });
    expect([...(form!.values.ambitionNumbers as string[])].sort()).toEqual(["4", "9"]);
  });
});

describe("getLaboFigures", () => {
  test("per session and per commune: attendance, newcomers, contributions not hidden, published proposals carried", async () => {
    const { session } = await insertLaboSession(db, { communeSlug: "wingles", status: "minutes_published", startsAt: new Date(Date.now() - 3 * DAY) });
    await db.update(laboSessions).set({ attendance: 40, newcomers: 9 }).where(eq(laboSessions.id, session.id));
    await db.insert(laboCaptures).values([
      { sessionId: session.id, clientId: "a", kind: "idea", body: "Une idée", participantName: "Personne Privée" },
      { sessionId: session.id, clientId: "b", kind: "testimony", body: "Un témoignage", inMinutes: false },
      { sessionId: session.id, clientId: "c", kind: "idea", body: "Masquée", hiddenAt: new Date() },
    ]);
    const author = await insertUser(db, { password: null });
    for (const status of ["qualified", "draft"] as const) {
      const p = await insertProposal(db, { authorId: author.id, origin: "labo_session", status });
      await db.update(proposals).set({ originLaboSessionId: session.id }).where(eq(proposals.id, p.id));
    }
    const figures = await getLaboFigures();
    expect(figures.sessions.find((s) => s.id === session.id)).toMatchObject({ attendance: 40, newcomers: 9, contributions: 2, proposalsCarried: 1, communeName: "Wingles" });
    // Wingles also has its seeded rendez-vous (27 November, 52 people).
    expect(figures.communes.find((c) => c.communeSlug === "wingles")).toMatchObject({ sessionsHeld: 2, attendance: 92, newcomers: 9, contributions: 2, proposalsCarried: 1 });

    const headers = { date: "Date", title: "Rendez-vous", commune: "Commune", sessionsHeld: "Tenus", attendance: "Présents", newcomers: "Nouveaux", contributions: "Contributions", proposals: "Propositions", noCommune: "Agglo" };
    const csv = figuresCsv(figures, "commune", headers);
    expect(csv.startsWith("\uFEFFCommune;Tenus;Présents;Nouveaux;Contributions;Propositions\r\n")).toBe(true);
    expect(csv).toContain("Wingles;2;92;9;2;1\r\n");
    // The two meetings held at the CALL (15 May: 42, 4 July: 58) have no commune.
    expect(csv).toContain("Agglo;2;100;0;0;0");
    const bySession = figuresCsv(figures, "session", headers);
    expect(bySession).not.toContain("Personne Privée");
    expect(bySession.split("\r\n").filter(Boolean)).toHaveLength(1 + figures.sessions.length);
  });
});
