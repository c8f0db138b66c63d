/**
 * What conseils citoyens hear: the steps of the proposals their council carries or follows, and the GTP's
 * answers to their interpellations — in the centre, in words, and in their digests.
 */
import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { carryProposal } from "#app/modules/councils/carry-proposal.server.ts";
import { followForCouncil } from "#app/modules/councils/council-follow.server.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { answerInterpellation } from "#app/modules/interpellations/answer-interpellation.server.ts";
import { nextDigestSlot } from "#app/modules/notification-emails/digest-schedule.ts";
import { sendNotificationDigests } from "#app/modules/notification-emails/send-notification-digests.server.ts";
import { sendImmediateNotificationEmails } from "#app/modules/notification-emails/send-notification-emails.server.ts";
import { interpellations, notificationEvents, notifications } from "#db/schema/index.ts";
import { addFollow, person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { councilMember, insertInterpellation, leaveCouncil } from "#tests/factories/interpellations.ts";
import { outboxOf, setRhythm } from "#tests/factories/notification-emails.ts";
import { fanOutPendingNotifications } from "./fan-out-notifications.server.ts";
import { listNotifications } from "./notification-queries.server.ts";
import { describeNotification } from "./notification-text.ts";

async function notices() {
  return db
    .select({ userId: notifications.userId, category: notifications.category, reason: notifications.reason, kind: notificationEvents.kind })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .orderBy(asc(notificationEvents.createdAt), asc(notifications.userId));
}
const of = (rows: Awaited<ReturnType<typeof notices>>, userId: string) => rows.filter((r) => r.userId === userId).map(({ userId: _u, ...rest }) => rest);

const STATEMENT = "Le conseil en parle à chaque réunion depuis l'hiver.";
const answer = { version: 1, answerKind: "already_done", answerText: "Les bancs ont été posés en mars.", competentBody: "" } as const;
const ANSWER = "La ville remplace les lampadaires la semaine du 12 : l'éclairage revient avant la fin du mois.";

describe("a step on a proposal a council carries or follows", () => {
  test("every current member hears of it (category council), once, after any closer tie; not the actor, not a member who left", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const carrier = await councilMember(db, "QP062024", "Awa");
    const member = await councilMember(db, "QP062024", "Bruno");
    const followerToo = await councilMember(db, "QP062024", "Chloé");
    const gone = await councilMember(db, "QP062024", "Denis");
    const elsewhere = await councilMember(db, "QP062028", "Élise");
    const proposal = await qualifiedProposal();
    await addFollow(proposal.id, followerToo.id);
    await leaveCouncil(db, gone.id);
    expect((await carryProposal({ actor: carrier.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT })).status).toBe("ok");
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer })).toEqual({ status: "ok" });
    await fanOutPendingNotifications(db);

    const rows = await notices();
    // The carry: the other members hear of it, not the one who carried it.
    expect(of(rows, member.id)).toEqual([
      { category: "council", reason: "council_member", kind: "proposal_step" },
      { category: "council", reason: "council_member", kind: "proposal_step" },
    ]);
    expect(of(rows, carrier.id)).toEqual([{ category: "council", reason: "council_member", kind: "proposal_step" }]);
    // A member who follows it in their own name keeps that tie, once per event.
    expect(of(rows, followerToo.id).map((r) => r.reason)).toEqual(["follower", "follower"]);
    expect(of(rows, gone.id)).toEqual([]);
    expect(of(rows, elsewhere.id)).toEqual([]);
  });

  test("the council's notice says it in words, and lands in the member's weekly digest (the default rhythm for council)", async () => {
    const carrier = await councilMember(db, "QP062024", "Awa");
    const member = await councilMember(db, "QP062024", "Bruno");
    const proposal = await qualifiedProposal({ title: "Des bancs à l'ombre" });
    await followForCouncil({ actor: carrier.viewer, councilCode: "QP062024", proposalId: proposal.id });
    await carryProposal({ actor: carrier.viewer, councilCode: "QP062024", proposalId: proposal.id, statement: STATEMENT });
    await fanOutPendingNotifications(db);

    const t = (await getFixedT("fr", "notifications")) as unknown as Parameters<typeof describeNotification>[0];
    const { items } = await listNotifications(member.id);
    expect(items).toHaveLength(1);
    const text = describeNotification(t, items[0]!);
    expect(text.sentence).toBe("La proposition « Des bancs à l'ombre » est désormais portée par un conseil citoyen (Conseil citoyen Cité 12-14) : elle est transmise au groupe technique partenarial (GTP).");
    expect(text.why).toBe("Votre conseil citoyen porte ou suit cette proposition.");
    expect(text.detail).toBe(STATEMENT);

    // Not emailed at once (weekly by default), then in Monday's digest.
    await sendImmediateNotificationEmails(db);
    expect(await outboxOf(db, member.email, "notification")).toEqual([]);
    const monday = new Date(nextDigestSlot("weekly", new Date()).getTime() + 5_000);
    expect(await sendNotificationDigests(db, "weekly", { now: monday })).toMatchObject({ digests: 1 });
    const [digest] = await outboxOf(db, member.email, "notification-digest");
    expect(digest!.text).toContain("« Des bancs à l'ombre »");
    expect(digest!.text).toContain("est désormais portée par un conseil citoyen (Conseil citoyen Cité 12-14)");
  });
});

describe("an answered interpellation", () => {
  test("its author and the council's current members hear of it; not the coordinator who answered, not a member who left, nobody if hidden", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await councilMember(db, "QP062024", "Awa");
    const member = await councilMember(db, "QP062024", "Bruno");
    const gone = await councilMember(db, "QP062024", "Denis");
    await leaveCouncil(db, gone.id);
    // The coordinator also sits on the council: as the one who answered, they hear nothing.
    const sitting = await councilMember(db, "QP062024", "Coordinatrice membre");
    const asked = await insertInterpellation(db, { authorId: author.id, title: "Quand l'éclairage revient-il ?" });
    expect(await answerInterpellation({ actor: { ...coordinator.viewer, id: sitting.id, roles: [...coordinator.viewer.roles] }, interpellationId: asked.id, answer: ANSWER })).toEqual({ status: "ok" });
    await fanOutPendingNotifications(db);
    const rows = await notices();
    expect(of(rows, author.id)).toEqual([{ category: "council", reason: "author", kind: "interpellation_answered" }]);
    expect(of(rows, member.id)).toEqual([{ category: "council", reason: "council_member", kind: "interpellation_answered" }]);
    expect(of(rows, gone.id)).toEqual([]);
    expect(of(rows, sitting.id)).toEqual([]);
    expect(of(rows, coordinator.id)).toEqual([]);

    const t = (await getFixedT("fr", "notifications")) as unknown as Parameters<typeof describeNotification>[0];
    const [item] = (await listNotifications(member.id)).items;
    expect(describeNotification(t, item!)).toMatchObject({
      sentence: "Le GTP a répondu à l'interpellation « Quand l'éclairage revient-il ? » (Conseil citoyen Cité 12-14).",
      why: "Votre conseil citoyen a envoyé cette question ou cette demande au GTP.",
      href: `/interpellations/${asked.id}`,
      detail: ANSWER,
    });

    // Hidden since: gone from the centre, and never emailed.
    await db.update(interpellations).set({ hiddenAt: new Date() }).where(eq(interpellations.id, asked.id));
    expect((await listNotifications(member.id)).items).toEqual([]);
  });

  test("a network member's interpellation: they hear of it as its author (own_proposal), immediately by email; a hidden one notifies nobody", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const sender = await person("Membre du réseau", "network_member");
    await setRhythm(db, sender.id, "own_proposal", "immediate");
    const asked = await insertInterpellation(db, { authorId: sender.id, source: "actor_network", organisation: "Centre social Dumas", title: "Un local pour les associations ?" });
    await answerInterpellation({ actor: coordinator.viewer, interpellationId: asked.id, answer: ANSWER });
    const hidden = await insertInterpellation(db, { authorId: sender.id, source: "actor_network" });
    await answerInterpellation({ actor: coordinator.viewer, interpellationId: hidden.id, answer: ANSWER });
    // Hidden after its answer, before the fan-out.
    await db.update(interpellations).set({ hiddenAt: new Date() }).where(eq(interpellations.id, hidden.id));
    await fanOutPendingNotifications(db);
    expect(of(await notices(), sender.id)).toEqual([{ category: "own_proposal", reason: "author", kind: "interpellation_answered" }]);

    expect(await sendImmediateNotificationEmails(db)).toMatchObject({ emailed: 1 });
    const [mail] = await outboxOf(db, sender.email, "notification");
    expect(mail!.text).toContain("Le GTP a répondu à l'interpellation « Un local pour les associations ? » du réseau des acteurs (Centre social Dumas).");
    expect(mail!.text).toContain(`/interpellations/${asked.id}`);
  });

  test("a daily digest with an interpellation notice and a proposal's: both told, neither lost", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const member = await councilMember(db, "QP062024", "Bruno");
    await setRhythm(db, member.id, "council", "daily");
    const asked = await insertInterpellation(db, { authorId: null, title: "Quand l'éclairage revient-il ?" });
    await answerInterpellation({ actor: coordinator.viewer, interpellationId: asked.id, answer: ANSWER });
    const proposal = await qualifiedProposal({ title: "Des bancs à l'ombre" });
    await followForCouncil({ actor: (await councilMember(db, "QP062024", "Awa")).viewer, councilCode: "QP062024", proposalId: proposal.id });
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: { ...answer, version: 0 } })).toEqual({ status: "ok" });
    await fanOutPendingNotifications(db);
    const morning = new Date(nextDigestSlot("daily", new Date()).getTime() + 5_000);
    expect(await sendNotificationDigests(db, "daily", { now: morning })).toEqual({ digests: 1, notices: 2 });
    const [digest] = await outboxOf(db, member.email, "notification-digest");
    expect(digest!.text).toContain("« Des bancs à l'ombre »");
    expect(digest!.text).toContain("Le GTP a répondu à l'interpellation « Quand l'éclairage revient-il ? » (Conseil citoyen Cité 12-14).");
  });
});
