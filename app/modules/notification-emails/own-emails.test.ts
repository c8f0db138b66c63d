/**
 * The emails that already told people about an event before this part existed (the author's step email,
 * the registrants' change, cancellation and minutes emails) are the « immédiatement » of those notices: they
 * follow the person's rhythm, carry the unsubscribe link, and are never doubled by a notification email.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { cancelLaboSession } from "#app/modules/labo/cancel-labo-session.server.ts";
import { fanOutPendingNotifications } from "#app/modules/notifications/fan-out-notifications.server.ts";
import { emailOutbox, laboRegistrations, notifications } from "#db/schema/index.ts";
import { person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { outboxOf, setRhythm } from "#tests/factories/notification-emails.ts";
import { actorOf } from "#tests/helpers/labo-sessions.ts";
import { sendNotificationDigests } from "./send-notification-digests.server.ts";
import { sendImmediateNotificationEmails } from "./send-notification-emails.server.ts";
import { verifyUnsubscribe } from "./unsubscribe-token.server.ts";

const answer = { version: 0, answerKind: "already_done", answerText: "Les bancs ont été posés en mars.", competentBody: "" } as const;

function linkOf(mail: { headers: Record<string, string> | null }) {
  const query = new URL(mail.headers!["List-Unsubscribe"]!.slice(1, -1)).searchParams;
  return verifyUnsubscribe({ u: query.get("u"), c: query.get("c"), s: query.get("s") });
}

/** Every message in the outbox, by address: the templates, in order. */
async function templatesTo(to: string) {
  return (await db.select().from(emailOutbox).where(eq(emailOutbox.to, to))).map((m) => m.template);
}

describe("the author's step emails", () => {
  test("« immédiatement » (the default): the step email, with its unsubscribe link for « Mes propositions », and no second email", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    const proposal = await qualifiedProposal({ authorId: author.id });
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    await fanOutPendingNotifications(db);
    await sendImmediateNotificationEmails(db);
    const [mail, ...more] = await outboxOf(db, author.email, "proposal-step");
    expect(more).toEqual([]);
    expect(linkOf(mail!)).toEqual({ ok: true, userId: author.id, scope: "own_proposal" });
    expect(mail!.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain("Ne plus recevoir ces messages");
    expect(await templatesTo(author.email)).toEqual(["proposal-step"]);
  });

  test("a weekly digest instead: no step email at the step, the step is in Monday's digest", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    await setRhythm(db, author.id, "own_proposal", "weekly");
    const proposal = await qualifiedProposal({ authorId: author.id, title: "Des bancs à l'ombre" });
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    await fanOutPendingNotifications(db);
    await sendImmediateNotificationEmails(db);
    expect(await templatesTo(author.email)).toEqual([]);
    const [notice] = await db.select().from(notifications).where(eq(notifications.userId, author.id));
    // The next Monday 07:00 after the notice.
    const monday = new Date(notice!.createdAt.getTime() + 8 * 24 * 3_600_000);
    expect(await sendNotificationDigests(db, "weekly", { now: monday })).toEqual({ digests: 1, notices: 1 });
    const [digest] = await outboxOf(db, author.email, "notification-digest");
    expect(digest!.text).toContain("« Des bancs à l'ombre »");
    expect(digest!.text).toContain("– a reçu la réponse des partenaires : c'est déjà fait");
    expect(digest!.text).toContain("Vous avez écrit cette proposition.");
  });

  test("« jamais »: nothing by email", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    await setRhythm(db, author.id, "own_proposal", "none");
    const proposal = await qualifiedProposal({ authorId: author.id });
    await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer });
    await fanOutPendingNotifications(db);
    await sendImmediateNotificationEmails(db);
    for (const rhythm of ["daily", "weekly"] as const) await sendNotificationDigests(db, rhythm, { now: new Date(Date.now() + 8 * 24 * 3_600_000) });
    expect(await templatesTo(author.email)).toEqual([]);
  });
});

describe("the registrants' emails of a rendez-vous du Labo", () => {
  test("a cancellation: a guest always hears; account holders by their rhythm, with their unsubscribe link; never twice", async () => {
    const ambassador = await person("Ambassadrice", "ambassador");
    const actor = actorOf(ambassador, [{ role: "ambassador", communeSlug: "avion" }]);
    const atOnce = await person("Tout de suite");
    const daily = await person("Chaque matin");
    const never = await person("Jamais");
    await setRhythm(db, daily.id, "labo_session", "daily");
    await setRhythm(db, never.id, "labo_session", "none");
    const { session } = await insertLaboSession(db, { communeSlug: "avion", title: "Se déplacer sans voiture" });
    await db.insert(laboRegistrations).values([
      ...[atOnce, daily, never].map((user) => ({ sessionId: session.id, status: "confirmed" as const, userId: user.id })),
      { sessionId: session.id, status: "confirmed", name: "Sans compte", email: "sans.compte@example.org", consentAt: new Date() },
    ]);

    expect(await cancelLaboSession({ actor, sessionId: session.id, reason: "La salle n'est plus disponible." })).toMatchObject({ status: "ok" });
    await fanOutPendingNotifications(db);
    await sendImmediateNotificationEmails(db);

    const [guestMail] = await outboxOf(db, "sans.compte@example.org", "labo-session-changed");
    expect(guestMail!.headers).toBeNull();
    expect(guestMail!.text).not.toContain("Ne plus recevoir ces messages");
    const [mail] = await outboxOf(db, atOnce.email, "labo-session-changed");
    expect(linkOf(mail!)).toEqual({ ok: true, userId: atOnce.id, scope: "labo_session" });
    expect(mail!.text).toContain("Ne plus recevoir ces messages");
    expect(await templatesTo(atOnce.email)).toEqual(["labo-session-changed"]);
    expect(await templatesTo(daily.email)).toEqual([]);
    expect(await templatesTo(never.email)).toEqual([]);

    // The next morning, the daily digest tells the cancellation.
    const [notice] = await db.select().from(notifications).where(eq(notifications.userId, daily.id));
    expect(await sendNotificationDigests(db, "daily", { now: new Date(notice!.createdAt.getTime() + 26 * 3_600_000) })).toEqual({ digests: 1, notices: 1 });
    const [digest] = await outboxOf(db, daily.email, "notification-digest");
    expect(digest!.text).toContain("– Le rendez-vous du Labo « Se déplacer sans voiture » est annulé.");
    expect(await templatesTo(never.email)).toEqual([]);
  });
});
