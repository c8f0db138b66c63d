import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { addMember } from "#app/modules/governance/member-writes.server.ts";
import { agendaItems, decisionCorrections, governanceMeetings, proposals } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { eq } from "drizzle-orm";
import * as meetingPage from "./instances.$body_.$meetingId.tsx";
import * as bodyPage from "./instances.$body.tsx";
import * as overview from "./instances._index.tsx";

const DAY = 24 * 3600_000;

async function meeting(over: Partial<typeof governanceMeetings.$inferInsert> = {}) {
  const [row] = await db
    .insert(governanceMeetings)
    .values({ bodyKey: "copil", title: "COPIL de printemps", startsAt: new Date(Date.now() - 3 * DAY), place: "Liévin", ...over })
    .returning();
  return row!;
}

/** A COPIL meeting with an agenda: a proposal, a hidden proposal, a Labo follow-up and a free item, all decided. */
async function decidedMeeting(status: "held" | "published") {
  const author = await insertUser(db, { password: null });
  const visible = await insertProposal(db, { authorId: author.id, title: "Des bancs rue de la Gare" });
  const hidden = await insertProposal(db, { authorId: author.id, title: "Titre que la modération a masqué" });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  const { session } = await insertLaboSession(db, { communeSlug: "lens", title: "Rendez-vous du Labo à Lens" });
  const m = await meeting({ status, publishedAt: status === "published" ? new Date() : null, summary: "Le COPIL a examiné quatre points." });
  const decided = { decidedAt: new Date() };
  const items = await db
    .insert(agendaItems)
    .values([
      { meetingId: m.id, position: 2, kind: "free", title: "Calendrier 2028", decision: "postponed", publicReasons: "À revoir en automne.", ...decided },
      { meetingId: m.id, position: 0, kind: "proposal", proposalId: visible.id, title: visible.title, details: "Portée par 40 habitants.", decision: "retained", publicReasons: "Les bancs seront posés en 2027.", ...decided },
      { meetingId: m.id, position: 1, kind: "proposal", proposalId: hidden.id, title: hidden.title, details: "Détail du masqué", decision: "not_retained", publicReasons: "Raisons citant le titre masqué", ...decided },
      { meetingId: m.id, position: 3, kind: "labo_followup", laboSessionId: session.id, title: "Suite du rendez-vous de Lens", decision: "partly_retained", publicReasons: "Une partie est financée.", ...decided },
    ])
    .returning();
  const retainedItem = items.find((i) => i.proposalId === visible.id)!;
  await db.insert(decisionCorrections).values({ agendaItemId: retainedItem.id, text: "Les bancs seront posés en 2028, pas en 2027.", createdAt: new Date("2027-03-02T10:00:00Z") });
  return { meeting: m, visible, hidden, session };
}

const load = async (mod: { loader: (args: never) => unknown }, path: string, params: Record<string, string>, cookie?: string) =>
  settle(mod.loader(loaderArgs(getRequest(path, { cookie }), params) as never) as Promise<unknown>);

describe("/instances", () => {
  test("each body with its public members, next and past meetings, and the droit de suite counters", async () => {
    const actor = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    await addMember({ actor, bodyKey: "gtp", input: { name: "Anne Martin", institution: "CAF du Pas-de-Calais" } });
    const past = await meeting({ bodyKey: "gtp", title: "GTP d'hiver", status: "held" });
    const next = await meeting({ bodyKey: "gtp", title: "GTP de printemps", startsAt: new Date(Date.now() + 20 * DAY) });
    const later = await meeting({ bodyKey: "gtp", title: "GTP d'été", startsAt: new Date(Date.now() + 90 * DAY) });
    await meeting({ bodyKey: "gtp", title: "GTP de l'automne prochain", startsAt: new Date(Date.now() + 200 * DAY) });
    const response = await load(overview, "/instances", {});
    const data = await response.json();
    const gtp = data.bodies.find((b: { key: string }) => b.key === "gtp");
    expect(gtp.publicMembers).toEqual([expect.objectContaining({ name: "Anne Martin", institution: "CAF du Pas-de-Calais" })]);
    expect(gtp.next.map((m: { id: string }) => m.id)).toEqual([next.id, later.id]);
    expect(gtp.past.map((m: { id: string }) => m.id)).toEqual([past.id]);
    expect(data.counters).toMatchObject({ qualified: 0, answered: 0, waiting: 0, overdue: 0, deadlineDays: 120 });
    expect(data.canManage).toBe(false);
    const asCoordinator = await (await load(overview, "/instances", {}, await sessionCookieFor(actor.id))).json();
    expect(asCoordinator.canManage).toBe(true);
  });
});

describe("/instances/:body", () => {
  test("a body's role, members and meetings, newest first, paged by 20", async () => {
    for (let i = 0; i < 23; i++) await meeting({ bodyKey: "gtp", title: `GTP n°${i}`, startsAt: new Date(Date.now() - i * 30 * DAY) });
    await meeting({ bodyKey: "copil", title: "Un COPIL" });
    const first = await (await load(bodyPage, "/instances/gtp", { body: "gtp" })).json();
    expect(first.body).toMatchObject({ key: "gtp", name: "Groupe technique partenarial (GTP)" });
    expect(first.meetings).toHaveLength(20);
    expect(first.meetings[0].title).toBe("GTP n°0");
    expect(first.olderHref).toBe("/instances/gtp?page=2");
    expect(first.newerHref).toBeNull();
    const second = await (await load(bodyPage, "/instances/gtp?page=2", { body: "gtp" })).json();
    expect(second.meetings.map((m: { title: string }) => m.title)).toEqual(["GTP n°20", "GTP n°21", "GTP n°22"]);
    expect(second.olderHref).toBeNull();
    expect(second.newerHref).toBe("/instances/gtp");
    // A silly page number is read as the first page, never an error.
    expect((await load(bodyPage, "/instances/gtp?page=-3", { body: "gtp" })).status).toBe(200);
  });

  test.each(["atlantide", "GTP", "<script>", "x".repeat(200)])("%j is not a body: 404", async (body) => {
    expect((await load(bodyPage, `/instances/${encodeURIComponent(body)}`, { body })).status).toBe(404);
  });
});

describe("/instances/:body/:meetingId", () => {
  test("before its relevé is published: the agenda in order, hidden proposal masked, and no decision at all in the page's data", async () => {
    const { meeting: m, visible, session } = await decidedMeeting("held");
    const response = await load(meetingPage, `/instances/copil/${m.id}`, { body: "copil", meetingId: m.id });
    expect(response.status).toBe(200);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.meeting).toMatchObject({ title: "COPIL de printemps", status: "held", place: "Liévin", summary: "", publishedAt: null });
    expect(data.agenda.map((i: { kind: string; title: string | null }) => [i.kind, i.title])).toEqual([
      ["proposal", "Des bancs rue de la Gare"],
      ["proposal", null],
      ["free", "Calendrier 2028"],
      ["labo_followup", "Suite du rendez-vous de Lens"],
    ]);
    expect(data.agenda[0].proposal).toEqual({ id: visible.id, hidden: false });
    expect(data.agenda[3].laboSession).toEqual({ id: session.id, title: "Rendez-vous du Labo à Lens" });
    for (const secret of ["Titre que la modération a masqué", "Détail du masqué", "retained", "postponed", "Les bancs seront posés", "À revoir en automne", "Le COPIL a examiné", "2028, pas en 2027"]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(data.agenda.every((i: object) => !("decided" in i))).toBe(true);
  });

  test("once published: each item's decision and public reasons, corrections as dated notes; a hidden proposal's title, details and reasons stay out", async () => {
    const { meeting: m } = await decidedMeeting("published");
    const response = await load(meetingPage, `/instances/copil/${m.id}`, { body: "copil", meetingId: m.id });
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.meeting.summary).toBe("Le COPIL a examiné quatre points.");
    expect(data.agenda.map((i: { decided: { decision: string } }) => i.decided.decision)).toEqual(["retained", "not_retained", "postponed", "partly_retained"]);
    expect(data.agenda[0].decided).toEqual({
      decision: "retained",
      publicReasons: "Les bancs seront posés en 2027.",
      corrections: [expect.objectContaining({ text: "Les bancs seront posés en 2028, pas en 2027.", createdAt: "2027-03-02T10:00:00.000Z" })],
    });
    expect(data.agenda[1]).toMatchObject({ title: null, details: "", decided: { decision: "not_retained", publicReasons: "", corrections: [] } });
    for (const secret of ["Titre que la modération a masqué", "Détail du masqué", "Raisons citant le titre masqué"]) expect(text, secret).not.toContain(secret);
  });

  test("unknown meeting, malformed id, unknown body or a meeting of another body: 404", async () => {
    const m = await meeting({ bodyKey: "gtp" });
    const cases: [string, string][] = [
      ["gtp", "00000000-0000-4000-8000-000000000000"],
      ["gtp", "pas-un-uuid"],
      ["atlantide", m.id],
      ["copil", m.id],
    ];
    for (const [body, meetingId] of cases) {
      expect((await load(meetingPage, `/instances/${body}/${meetingId}`, { body, meetingId })).status, `${body}/${meetingId}`).toBe(404);
    }
    expect((await load(meetingPage, `/instances/gtp/${m.id}`, { body: "gtp", meetingId: m.id })).status).toBe(200);
  });

  test("coordinators get the links to the agenda tool and the edit form (not once published); others do not", async () => {
    const planned = await meeting();
    const published = await meeting({ status: "published", publishedAt: new Date() });
    const coordinator = await sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);
    const resident = await sessionCookieFor((await insertUser(db, { password: null })).id);
    const manage = async (id: string, cookie?: string) => (await (await load(meetingPage, `/instances/copil/${id}`, { body: "copil", meetingId: id }, cookie)).json()).manage;
    expect(await manage(planned.id, coordinator)).toEqual({ edit: true });
    expect(await manage(published.id, coordinator)).toEqual({ edit: false });
    expect(await manage(planned.id, resident)).toBeNull();
    expect(await manage(planned.id)).toBeNull();
  });
});
