import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { answerProposal } from "#app/modules/governance/answer-proposal.server.ts";
import { runJobIfDue } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { ALL_JOBS } from "#app/modules/jobs/all-jobs.server.ts";
import { fanOutPendingNotifications } from "#app/modules/notifications/fan-out-notifications.server.ts";
import { emailOutbox, notifications, proposals, users } from "#db/schema/index.ts";
import { addFollow, addSupport, person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { emailedAt, outboxOf, setRhythm } from "#tests/factories/notification-emails.ts";
import { insertNotice } from "#tests/factories/notifications.ts";
import { insertUser } from "#tests/factories/users.ts";
import { notificationEmailJob, sendImmediateNotificationEmails } from "./send-notification-emails.server.ts";
import { verifyUnsubscribe } from "./unsubscribe-token.server.ts";

const answer = { version: 0, answerKind: "already_done", answerText: "Les bancs ont été posés en mars.", competentBody: "" } as const;
const HOUR = 3_600_000;

/** A proposal whose supporter hears about a step at once (the default for what one supports). */
async function supportedProposalNotice(locale: "fr" | "en" = "fr") {
  const supporter = await person("Nadia", undefined, locale);
  const proposal = await qualifiedProposal({ title: "Des bancs à l'ombre" });
  const { notice } = await insertNotice(db, { userId: supporter.id, proposalId: proposal.id, category: "supported_proposal", reason: "supporter", payload: { step: "under_review" } });
  return { supporter, proposal, notice };
}

describe("immediate notification emails", () => {
  test("a step reaches each person once, in their language, with a one-click unsubscribe link; the author's own step email is not doubled", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Autrice");
    const supporter = await person("Nadia");
    const english = await person("Sam", undefined, "en");
    const follower = await person("Suiveur");
    const proposal = await qualifiedProposal({ authorId: author.id, title: "Des bancs à l'ombre" });
    for (const user of [supporter, english]) await addSupport(proposal.id, user.id);
    await addFollow(proposal.id, follower.id);

    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: answer })).toEqual({ status: "ok" });
    await fanOutPendingNotifications(db);
    // The supporters: at once (their default); the follower: in the weekly digest; the author: their step email.
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 2, toldElsewhere: 1 });
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 0 });

    const [mail, ...more] = await outboxOf(db, supporter.email, "notification");
    expect(more).toEqual([]);
    const [notice] = await db.select().from(notifications).where(eq(notifications.userId, supporter.id));
    expect(mail).toMatchObject({ subject: "Les partenaires ont répondu à la proposition « Des bancs à l'ombre » : c'est déjà fait.", dedupeKey: `notification:${notice!.id}` });
    expect(notice!.emailedAt).toBeInstanceOf(Date);
    expect(mail!.text).toContain("Bonjour Nadia,");
    expect(mail!.text).toContain("Les bancs ont été posés en mars.");
    expect(mail!.text).toContain("Vous soutenez cette proposition.");
    expect(mail!.text).toContain(`http://localhost:3000/propositions/${proposal.id}`);
    expect(mail!.text).toContain("Ne plus recevoir ces messages");
    expect(mail!.text).toContain("http://localhost:3000/compte/notifications");
    expect(mail!.html).toContain('lang="fr"');

    // RFC 8058: the headers travel with the outbox row, and the link is the one in the body.
    const link = mail!.headers!["List-Unsubscribe"]!.slice(1, -1);
    expect(mail!.headers).toEqual({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(mail!.html).toContain(link.replaceAll("&", "&amp;"));
    const query = new URL(link).searchParams;
    expect(verifyUnsubscribe({ u: query.get("u"), c: query.get("c"), s: query.get("s") })).toEqual({ ok: true, userId: supporter.id, scope: "supported_proposal" });

    const [englishMail] = await outboxOf(db, english.email, "notification");
    expect(englishMail!.subject).toBe("The partners answered the proposal “Des bancs à l'ombre”: it is already done.");
    expect(englishMail!.html).toContain('lang="en"');
    expect(englishMail!.text).toContain("Stop these messages");

    expect(await outboxOf(db, follower.email, "notification")).toEqual([]);
    // The author had the step email at the step, and only that.
    const authorMail = (await db.select().from(emailOutbox).where(eq(emailOutbox.to, author.email))).map((m) => m.template);
    expect(authorMail).toEqual(["proposal-step"]);
    const [authorNotice] = await db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(authorNotice!.emailedAt).toBeInstanceOf(Date);
  });

  test("runs as a scheduled job every 5 seconds, registered with the others", async () => {
    const { supporter } = await supportedProposalNotice();
    expect(ALL_JOBS).toContain(notificationEmailJob);
    const now = new Date();
    expect(await runJobIfDue(db, notificationEmailJob, now)).toEqual({ ran: true });
    expect(await runJobIfDue(db, notificationEmailJob, new Date(now.getTime() + 4_000))).toEqual({ ran: false });
    expect(await outboxOf(db, supporter.email, "notification")).toHaveLength(1);
  });

  test("a suspended account, an unconfirmed address and a deleted account get nothing", async () => {
    const { supporter, notice } = await supportedProposalNotice();
    await db.update(users).set({ suspendedUntil: new Date(Date.now() + 24 * HOUR) }).where(eq(users.id, supporter.id));
    const unconfirmed = await insertUser(db, { password: null, verified: false });
    const other = await insertNotice(db, { userId: unconfirmed.id, category: "supported_proposal", reason: "supporter" });
    const gone = await insertUser(db, { password: null });
    await insertNotice(db, { userId: gone.id, category: "supported_proposal", reason: "supporter" });
    await db.delete(users).where(eq(users.id, gone.id));

    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 0 });
    expect(await db.select().from(emailOutbox)).toEqual([]);
    // Not stamped: nothing left by email.
    expect(await emailedAt(db, [notice.id, other.notice.id])).toEqual({ [notice.id]: null, [other.notice.id]: null });

    // Once the suspension is over, what is still fresh leaves.
    await db.update(users).set({ suspendedUntil: new Date(Date.now() - HOUR) }).where(eq(users.id, supporter.id));
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 1, toldElsewhere: 0 });
  });

  test("« jamais » and the digests' rhythms send nothing at once", async () => {
    const { supporter, notice } = await supportedProposalNotice();
    await setRhythm(db, supporter.id, "supported_proposal", "none");
    const daily = await insertUser(db, { password: null });
    await setRhythm(db, daily.id, "contribution_reply", "daily");
    await insertNotice(db, { userId: daily.id, kind: "contribution_reply", category: "contribution_reply", reason: "contribution_author", payload: {} });
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 0 });
    expect(await emailedAt(db, [notice.id])).toEqual({ [notice.id]: null });
    // Choosing « immédiatement » for one's own things: that category only.
    await setRhythm(db, supporter.id, "supported_proposal", "immediate");
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 1, toldElsewhere: 0 });
  });

  test("a proposal hidden after its notice was made is not emailed about", async () => {
    const { proposal } = await supportedProposalNotice();
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 0 });
  });

  test("a moderation decision on one's proposal has its own email: the notice is stamped, not sent again", async () => {
    const author = await person("Autrice");
    const proposal = await qualifiedProposal({ authorId: author.id });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, proposal.id));
    const { notice } = await insertNotice(db, { userId: author.id, proposalId: proposal.id, kind: "proposal_hidden", category: "own_proposal", reason: "author", payload: {} });
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 1 });
    expect((await emailedAt(db, [notice.id]))[notice.id]).toBeInstanceOf(Date);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  test("a notice older than a day does not arrive by email (it stays in the notifications page)", async () => {
    const supporter = await person("Nadia");
    const proposal = await qualifiedProposal();
    await insertNotice(db, { userId: supporter.id, proposalId: proposal.id, category: "supported_proposal", reason: "supporter", createdAt: new Date(Date.now() - 25 * HOUR) });
    expect(await sendImmediateNotificationEmails(db)).toEqual({ emailed: 0, toldElsewhere: 0 });
  });

  test("many notices go in batches, each once, with no query per recipient", async () => {
    const proposal = await qualifiedProposal({ title: "Un jardin partagé" });
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => insertUser(db, { password: null, displayName: `Soutien ${i}` })));
    for (const user of people) await insertNotice(db, { userId: user.id, proposalId: proposal.id, category: "supported_proposal", reason: "supporter" });
    expect(await sendImmediateNotificationEmails(db, { batch: 5 })).toEqual({ emailed: 12, toldElsewhere: 0 });
    const rows = await db.select({ to: emailOutbox.to }).from(emailOutbox);
    expect(rows.map((r) => r.to).sort()).toEqual(people.map((p) => p.email).sort());
  });
});
