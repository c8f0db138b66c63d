import { asc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { addContribution } from "#app/modules/contributions/add-contribution.server.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { completeFollowup } from "#app/modules/governance/followup-steps.server.ts";
import { mergeProposal } from "#app/modules/governance/merge-proposal.server.ts";
import { runJobIfDue } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { ALL_JOBS } from "#app/modules/jobs/all-jobs.server.ts";
import { cancelLaboSession } from "#app/modules/labo/cancel-labo-session.server.ts";
import { updateLaboSession } from "#app/modules/labo/update-labo-session.server.ts";
import { MinutesSchema } from "#app/modules/labo-console/console.schema.ts";
import { saveMinutes } from "#app/modules/labo-console/publish-minutes.server.ts";
import { decideCase } from "#app/modules/moderation/decide-case.server.ts";
import { reportContent } from "#app/modules/moderation/report-content.server.ts";
import { supportProposal } from "#app/modules/supports/support-proposal.server.ts";
import { qualifyProposalsAtThreshold } from "#app/modules/supports/qualification.server.ts";
import { ambitions, contributions, laboRegistrations, notificationEvents, notifications, proposals, users } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { addFollow, addSupport, person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { actorOf, sessionInput } from "#tests/helpers/labo-sessions.ts";
import { fanOutNotifications, fanOutPendingNotifications, notificationFanOutJob } from "./fan-out-notifications.server.ts";

/** Every notice, with its event: who hears what, and why. */
async function notices() {
  return db
    .select({ userId: notifications.userId, category: notifications.category, reason: notifications.reason, kind: notificationEvents.kind, payload: notificationEvents.payload })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .orderBy(asc(notificationEvents.createdAt), asc(notifications.userId));
}

const to = (rows: { userId: string }[], userId: string) => rows.filter((r) => r.userId === userId);
const answer = { version: 0, answerKind: "already_done", answerText: "Les bancs ont été posés en mars.", competentBody: "" } as const;

describe("a proposal's step", () => {
  test("its author, supporters and followers hear about it once each, by their closest tie; never the actor, never a suspended account", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    const supporter = await person("Soutien");
    const follower = await person("Suiveur");
    const suspended = await person("Suspendu");
    const proposal = await qualifiedProposal({ authorId: author.id, title: "Des bancs à l'ombre" });
    // The author also supports and follows it; the supporter follows too (as supporting does).
    for (const userId of [author.id, supporter.id, suspended.id]) await addSupport(proposal.id, userId);
    for (const userId of [author.id, supporter.id, follower.id, coordinator.id, suspended.id]) await addFollow(proposal.id, userId);
    await db.update(users).set({ suspendedUntil: new Date(Date.now() + 86_400_000) }).where(eq(users.id, suspended.id));

    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer })).toEqual({ status: "ok" });
    // Recorded with the change, told afterwards.
    expect(await notices()).toEqual([]);
    const [event] = await db.select().from(notificationEvents);
    expect(event).toMatchObject({ kind: "proposal_step", proposalId: proposal.id, actorId: coordinator.id, fannedOutAt: null, payload: { step: "answered", answerKind: "already_done", text: answer.answerText } });

    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 3 });
    const rows = await notices();
    expect(to(rows, author.id)).toMatchObject([{ category: "own_proposal", reason: "author", kind: "proposal_step", payload: { step: "answered" } }]);
    expect(to(rows, supporter.id)).toMatchObject([{ category: "supported_proposal", reason: "supporter" }]);
    expect(to(rows, follower.id)).toMatchObject([{ category: "followed_proposal", reason: "follower" }]);
    expect(to(rows, coordinator.id)).toEqual([]);
    expect(to(rows, suspended.id)).toEqual([]);
    const [stamped] = await db.select({ at: notificationEvents.fannedOutAt }).from(notificationEvents);
    expect(stamped!.at).toBeInstanceOf(Date);
  });

  test("running the fan-out again adds nothing, even for an event whose stamp was lost", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal();
    await addFollow(proposal.id, (await person("Suiveuse")).id);
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    expect(await fanOutPendingNotifications(db)).toEqual({ events: 1, notifications: 2 });
    expect(await fanOutPendingNotifications(db)).toEqual({ events: 0, notifications: 0 });
    // A run that inserted its notices but whose stamp was lost (say, an interrupted deployment) is run again.
    await db.update(notificationEvents).set({ fannedOutAt: null });
    expect(await fanOutPendingNotifications(db)).toEqual({ events: 1, notifications: 0 });
    expect(await notices()).toHaveLength(2);
  });

  test("a proposal hidden before the fan-out: nobody hears about its step, not even its author", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    const proposal = await qualifiedProposal({ authorId: author.id });
    await addFollow(proposal.id, (await person("Suiveuse")).id);
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 0 });
  });

  test("a deleted account hears nothing (its ties went with it); a proposal without author still tells the others", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const gone = await person("Partie");
    const stays = await person("Reste");
    const proposal = await qualifiedProposal({ authorId: null });
    await addFollow(proposal.id, gone.id);
    await addFollow(proposal.id, stays.id);
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    await db.delete(users).where(eq(users.id, gone.id));
    await fanOutNotifications(db);
    expect((await notices()).map((n) => n.userId)).toEqual([stays.id]);
  });

  test("a merge: the merged proposal's supporters, now on the target, hear that it joined the target", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const sourceAuthor = await person("Autrice de la source");
    const targetAuthor = await person("Autrice de la cible");
    const supporter = await person("Soutien");
    const source = await qualifiedProposal({ authorId: sourceAuthor.id, title: "Des bancs" });
    const target = await qualifiedProposal({ authorId: targetAuthor.id, title: "Des bancs et de l'ombre" });
    await addSupport(source.id, supporter.id);
    await addFollow(source.id, supporter.id);
    expect(await mergeProposal({ actor: coordinator.viewer, proposalId: source.id, input: { version: 0, target: target.id, reason: "Les deux demandent la même chose." } })).toMatchObject({ status: "ok" });
    await fanOutPendingNotifications(db);
    const rows = await notices();
    expect(to(rows, sourceAuthor.id)).toMatchObject([{ reason: "author", payload: { step: "merged", otherTitle: "Des bancs et de l'ombre" } }]);
    expect(to(rows, targetAuthor.id)).toMatchObject([{ reason: "author", payload: { step: "merged_in", otherTitle: "Des bancs" } }]);
    expect(to(rows, supporter.id)).toMatchObject([{ reason: "supporter", payload: { step: "merged_in" } }]);
  });

  test("the support that qualifies a proposal: its author, supporters and followers hear it, the last supporter too", async () => {
    await db.update(ambitions).set({ supportThreshold: 2 }).where(eq(ambitions.number, 8));
    const author = await person("Autrice");
    const first = await person("Premier soutien");
    const last = await person("Dernier soutien");
    const proposal = await insertProposal(db, { authorId: author.id, ambitionNumber: 8 });
    await supportProposal({ viewer: first.viewer, proposalId: proposal.id });
    expect(await db.select().from(notificationEvents)).toEqual([]);
    expect(await supportProposal({ viewer: last.viewer, proposalId: proposal.id })).toMatchObject({ status: "ok", justQualified: true });
    expect(await db.select({ kind: notificationEvents.kind, actorId: notificationEvents.actorId, payload: notificationEvents.payload }).from(notificationEvents)).toEqual([
      { kind: "proposal_step", actorId: null, payload: { step: "qualified", threshold: 2, supports: 2 } },
    ]);
    await fanOutNotifications(db);
    const rows = await notices();
    expect(to(rows, author.id)).toMatchObject([{ reason: "author" }]);
    expect(to(rows, first.id)).toMatchObject([{ reason: "supporter" }]);
    expect(to(rows, last.id)).toMatchObject([{ reason: "supporter" }]);
  });

  test("a lowered threshold qualifies several proposals: one event each", async () => {
    const [a, b] = [await insertProposal(db, { authorId: (await person("A")).id, ambitionNumber: 3, supportCount: 5 }), await insertProposal(db, { authorId: (await person("B")).id, ambitionNumber: 3, supportCount: 7 })];
    await db.transaction((tx) => qualifyProposalsAtThreshold(tx, 3, 5));
    const events = await db.select({ proposalId: notificationEvents.proposalId, payload: notificationEvents.payload }).from(notificationEvents);
    expect(events.map((e) => e.proposalId).sort()).toEqual([a.id, b.id].sort());
    expect(events.every((e) => e.payload.step === "qualified")).toBe(true);
  });

  test("a later step of a proposal that is done still tells its followers (a step with a text)", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const follower = await person("Suiveuse");
    const proposal = await qualifiedProposal({ status: "in_progress", decision: "retained" });
    await addFollow(proposal.id, follower.id);
    expect(await completeFollowup({ actor: coordinator.viewer, proposalId: proposal.id, version: 0, text: "Les bancs sont posés." })).toMatchObject({ status: "ok" });
    await fanOutNotifications(db);
    expect(to(await notices(), follower.id)).toMatchObject([{ payload: { step: "done", text: "Les bancs sont posés." } }]);
  });
});

describe("moderation of a proposal", () => {
  async function reportedProposal() {
    const author = await person("Autrice");
    const supporter = await person("Soutien");
    const reporter = await person("Signale");
    const moderator = await person("Modératrice", "moderator");
    const proposal = await insertProposal(db, { authorId: author.id });
    await addSupport(proposal.id, supporter.id);
    await addFollow(proposal.id, supporter.id);
    const report = await reportContent({ reporter: reporter.viewer, input: { subjectType: "proposal", subjectId: proposal.id, reason: "spam", details: "" } });
    if (report.status !== "ok") throw new Error(report.status);
    return { author, supporter, moderator, proposal, caseId: report.caseId };
  }

  test("hidden: only its author is told (not its supporters, not the moderator); restored after a contest: the author again", async () => {
    const { author, moderator, proposal, caseId } = await reportedProposal();
    expect(await decideCase({ moderator: moderator.viewer, caseId, decision: { kind: "hide", reason: "spam", note: "Publicité." } })).toEqual({ status: "ok" });
    await fanOutNotifications(db);
    expect(await notices()).toMatchObject([{ userId: author.id, kind: "proposal_hidden", reason: "author", category: "own_proposal", payload: { reason: "spam", trigger: "reports" } }]);

    // A step recorded while it is hidden (none can be, but an event may wait in the queue) tells nobody.
    await db.insert(notificationEvents).values({ kind: "proposal_step", proposalId: proposal.id, payload: { step: "progress" } });
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 0 });

    const { contestCase } = await import("#app/modules/moderation/contest-case.server.ts");
    expect(await contestCase({ author: author.viewer, caseId, text: "Ce n'est pas de la publicité, c'est une idée." })).toEqual({ status: "ok" });
    const other = await person("Autre modératrice", "moderator");
    expect(await decideCase({ moderator: other.viewer, caseId, decision: { kind: "contest", outcome: "restore", note: "Erreur." } })).toEqual({ status: "ok" });
    await fanOutNotifications(db);
    expect((await notices()).map((n) => [n.userId, n.kind])).toEqual([
      [author.id, "proposal_hidden"],
      [author.id, "proposal_restored"],
    ]);
  });

  test("a case dismissed while the proposal was never hidden tells nobody; one that was auto-hidden tells its author it is back", async () => {
    const { moderator, caseId } = await reportedProposal();
    expect(await decideCase({ moderator: moderator.viewer, caseId, decision: { kind: "dismiss", note: "Rien à redire." } })).toEqual({ status: "ok" });
    expect(await db.select().from(notificationEvents)).toEqual([]);

    const second = await reportedProposal();
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, second.proposal.id));
    await decideCase({ moderator: second.moderator.viewer, caseId: second.caseId, decision: { kind: "dismiss", note: "Rien à redire." } });
    await fanOutNotifications(db);
    expect(await notices()).toMatchObject([{ userId: second.author.id, kind: "proposal_restored" }]);
  });
});

describe("a reply to a contribution", () => {
  async function thread() {
    const proposal = await insertProposal(db, { authorId: (await person("Porteuse")).id });
    const author = await person("Contributrice");
    const replier = await person("Répond");
    const parent = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, stance: "for" });
    return { proposal, author, replier, parent };
  }
  const reply = (viewer: { id: string; emailVerified: boolean; roles: never[] }, proposalId: string, parentId: string, body = "Tout à fait, et le soir aussi.") =>
    addContribution({ viewer, proposalId, input: { body, stance: null, parentId } });

  test("the author of the contribution answered hears about it, with the reply; not the proposal's author, not the replier", async () => {
    const { proposal, author, replier, parent } = await thread();
    const posted = await reply(replier.viewer as never, proposal.id, parent.id);
    if (posted.status !== "ok") throw new Error(posted.status);
    await fanOutNotifications(db);
    const [event] = await db.select().from(notificationEvents);
    expect(event).toMatchObject({ kind: "contribution_reply", proposalId: proposal.id, contributionId: posted.contribution.id, actorId: replier.id });
    expect(await notices()).toMatchObject([{ userId: author.id, category: "contribution_reply", reason: "contribution_author" }]);
  });

  test("nobody hears: a reply to one's own contribution, a reply hidden or a contribution deleted before the fan-out; a top-level contribution records nothing", async () => {
    const { proposal, author, replier, parent } = await thread();
    await reply(author.viewer as never, proposal.id, parent.id, "Je précise : le matin surtout.");
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 0 });

    const hidden = await reply(replier.viewer as never, proposal.id, parent.id);
    if (hidden.status !== "ok") throw new Error(hidden.status);
    await db.update(contributions).set({ hiddenAt: new Date() }).where(eq(contributions.id, hidden.contribution.id));
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 0 });

    const other = await thread();
    await reply(other.replier.viewer as never, other.proposal.id, other.parent.id);
    await db.update(contributions).set({ deletedAt: new Date() }).where(eq(contributions.id, other.parent.id));
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 0 });

    await addContribution({ viewer: replier.viewer as never, proposalId: proposal.id, input: { body: "Une autre idée.", stance: "question", parentId: null } });
    expect(await db.select().from(notificationEvents).where(isNull(notificationEvents.fannedOutAt))).toEqual([]);
  });
});

describe("a rendez-vous du Labo", () => {
  async function sessionWithRegistrants(startsAt?: Date) {
    const ambassador = await person("Ambassadrice", "ambassador");
    const actor = actorOf(ambassador, [{ role: "ambassador", communeSlug: "avion" }]);
    const confirmed = await person("Inscrite");
    const waitlisted = await person("En attente");
    const cancelled = await person("Désinscrit");
    const { session } = await insertLaboSession(db, { communeSlug: "avion", title: "Se déplacer sans voiture", startsAt });
    await db.insert(laboRegistrations).values([
      { sessionId: session.id, status: "confirmed", userId: confirmed.id },
      { sessionId: session.id, status: "waitlisted", userId: waitlisted.id },
      { sessionId: session.id, status: "cancelled", userId: cancelled.id, cancelledAt: new Date() },
      { sessionId: session.id, status: "confirmed", userId: ambassador.id },
      { sessionId: session.id, status: "confirmed", name: "Sans compte", email: "sans.compte@example.org", consentAt: new Date() },
    ]);
    return { actor, session, registrants: [confirmed.id, waitlisted.id].sort() };
  }

  const labo = async () => (await notices()).filter((n) => n.category === "labo_session");

  test("moved or cancelled: the registrants with an account hear it (not those who cancelled, not the runner); a title change tells nobody", async () => {
    const { actor, session, registrants } = await sessionWithRegistrants();
    const base = sessionInput({ startsAt: session.startsAt, endsAt: session.endsAt!, placeName: session.placeName, placeAddress: session.placeAddress, title: session.title });
    await updateLaboSession({ actor, sessionId: session.id, input: { ...base, title: "Un titre plus clair" }, announce: true });
    expect(await db.select().from(notificationEvents)).toEqual([]);
    await updateLaboSession({ actor, sessionId: session.id, input: { ...base, placeName: "Médiathèque" }, announce: true });
    await cancelLaboSession({ actor, sessionId: session.id, reason: "La salle n'est plus disponible." });
    await fanOutPendingNotifications(db);
    const rows = await labo();
    expect(rows.filter((n) => n.kind === "labo_session_changed").map((n) => n.userId).sort()).toEqual(registrants);
    expect(rows.filter((n) => n.kind === "labo_session_cancelled").map((n) => n.userId).sort()).toEqual(registrants);
    expect(rows.every((n) => n.reason === "registrant")).toBe(true);
    expect(rows.find((n) => n.kind === "labo_session_cancelled")!.payload).toEqual({ reason: "La salle n'est plus disponible." });
  });

  test("minutes published: the registrants with an account hear it once, not at a later edit", async () => {
    const { actor, session, registrants } = await sessionWithRegistrants(new Date(Date.now() - 2 * 3600_000));
    const input = MinutesSchema.parse({ summary: "On a parlé des bus du dimanche.", attendance: "3", newcomers: "1", intent: "publish" });
    expect(await saveMinutes({ session, actor, input })).toMatchObject({ status: "ok", published: true });
    await saveMinutes({ session, actor, input: { ...input, intent: "save" } });
    await fanOutPendingNotifications(db);
    expect((await labo()).map((n) => [n.kind, n.userId])).toEqual(registrants.map((id) => ["labo_minutes_published", id]));
  });
});

describe("scale and scheduling", () => {
  test("5,000 supporters: one statement notifies them all", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal();
    await db.execute(sql`insert into users (id, email, display_name) select 'bulk-' || g, 'bulk-' || g || '@example.org', 'Soutien ' || g from generate_series(1, 5000) g`);
    await db.execute(sql`insert into supports (proposal_id, user_id) select ${proposal.id}, 'bulk-' || g from generate_series(1, 5000) g`);
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    const statements = vi.spyOn(db, "execute");
    expect(await fanOutNotifications(db)).toEqual({ events: 1, notifications: 5001 });
    expect(statements).toHaveBeenCalledTimes(1);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.reason, "supporter"));
    expect(count!.n).toBe(5000);
  });

  test("two runs at once take different events, and each person is notified once", async () => {
    const proposal = await qualifiedProposal();
    await addFollow(proposal.id, (await person("Suiveuse")).id);
    await db.insert(notificationEvents).values(Array.from({ length: 6 }, () => ({ kind: "proposal_step" as const, proposalId: proposal.id, payload: { step: "progress" } })));
    const runs = await Promise.all([fanOutNotifications(db, { batch: 3 }), fanOutNotifications(db, { batch: 3 }), fanOutNotifications(db, { batch: 3 })]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(6);
    // The author and the follower, once per event.
    expect(await notices()).toHaveLength(12);
  });

  test("batches: the oldest events first, a bounded number per statement; the job is registered and drains the queue", async () => {
    const proposal = await qualifiedProposal();
    const base = Date.now() - 60_000;
    await db.insert(notificationEvents).values(Array.from({ length: 5 }, (_, i) => ({ kind: "proposal_step" as const, proposalId: proposal.id, payload: { step: "progress" }, createdAt: new Date(base + i * 1000) })));
    expect(await fanOutNotifications(db, { batch: 2 })).toEqual({ events: 2, notifications: 2 });
    const pending = await db.select({ createdAt: notificationEvents.createdAt }).from(notificationEvents).where(isNull(notificationEvents.fannedOutAt)).orderBy(asc(notificationEvents.createdAt));
    expect(pending.map((e) => e.createdAt.getTime())).toEqual([base + 2000, base + 3000, base + 4000]);
    expect(ALL_JOBS).toContain(notificationFanOutJob);
    expect(await runJobIfDue(db, notificationFanOutJob, new Date())).toEqual({ ran: true });
    expect(await db.select().from(notificationEvents).where(isNull(notificationEvents.fannedOutAt))).toEqual([]);
  });
});
