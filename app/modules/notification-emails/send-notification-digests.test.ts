import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ALL_JOBS } from "#app/modules/jobs/all-jobs.server.ts";
import { runJobIfDue } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { emailOutbox, users } from "#db/schema/index.ts";
import { person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { emailedAt, outboxOf, setRhythm } from "#tests/factories/notification-emails.ts";
import { insertNotice } from "#tests/factories/notifications.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { latestDigestSlot, nextDigestSlot } from "./digest-schedule.ts";
import { dailyDigestJob, sendNotificationDigests, weeklyDigestJob } from "./send-notification-digests.server.ts";
import { sendImmediateNotificationEmails } from "./send-notification-emails.server.ts";
import { verifyUnsubscribe } from "./unsubscribe-token.server.ts";

// Winter: Paris is UTC+1, so 07:00 in Paris is 06:00Z. 4 January 2027 is a Monday.
const at = (iso: string) => new Date(iso);
const MONDAY_0700 = at("2027-01-04T06:00:00Z");

describe("digest schedule (Paris time)", () => {
  test("daily at 07:00, weekly on Mondays at 07:00, across the change to summer time", () => {
    expect(latestDigestSlot("daily", at("2027-01-06T05:59:00Z"))).toEqual({ at: at("2027-01-05T06:00:00Z"), date: "2027-01-05" });
    expect(latestDigestSlot("daily", at("2027-01-06T06:00:00Z"))).toEqual({ at: at("2027-01-06T06:00:00Z"), date: "2027-01-06" });
    expect(nextDigestSlot("daily", at("2027-01-06T06:00:00Z"))).toEqual(at("2027-01-07T06:00:00Z"));
    expect(latestDigestSlot("weekly", at("2027-01-10T20:00:00Z"))).toEqual({ at: MONDAY_0700, date: "2027-01-04" });
    expect(latestDigestSlot("weekly", at("2027-01-04T05:59:59Z"))).toEqual({ at: at("2026-12-28T06:00:00Z"), date: "2026-12-28" });
    expect(nextDigestSlot("weekly", at("2027-01-04T05:59:59Z"))).toEqual(MONDAY_0700);
    // Summer time starts on Sunday 28 March 2027: Monday's 07:00 is 05:00Z.
    expect(nextDigestSlot("weekly", at("2027-03-25T12:00:00Z"))).toEqual(at("2027-03-29T05:00:00Z"));
    expect(nextDigestSlot("daily", at("2027-03-28T05:30:00Z"))).toEqual(at("2027-03-29T05:00:00Z"));
  });
});

describe("weekly digest", () => {
  test("one email per person: grouped by proposal, each change said plainly, then the other news; the notices are stamped", async () => {
    const nadia = await person("Nadia");
    const benches = await qualifiedProposal({ title: "Des bancs à l'ombre" });
    const garden = await qualifiedProposal({ title: "Un jardin partagé" });
    await setRhythm(db, nadia.id, "contribution_reply", "weekly");
    const followed = { userId: nadia.id, category: "followed_proposal", reason: "follower" } as const;
    const ids = [
      (await insertNotice(db, { ...followed, proposalId: benches.id, payload: { step: "under_review" }, createdAt: at("2026-12-29T10:00:00Z") })).notice.id,
      (await insertNotice(db, { ...followed, proposalId: garden.id, payload: { step: "done", text: "Inauguré samedi." }, createdAt: at("2026-12-30T10:00:00Z") })).notice.id,
      (await insertNotice(db, { ...followed, proposalId: benches.id, payload: { step: "decided", decision: "retained" }, createdAt: at("2026-12-31T10:00:00Z") })).notice.id,
      (await insertNotice(db, { userId: nadia.id, kind: "contribution_reply", proposalId: garden.id, category: "contribution_reply", reason: "contribution_author", payload: {}, createdAt: at("2027-01-02T10:00:00Z") })).notice.id,
    ];

    expect(await sendNotificationDigests(db, "weekly", { now: at("2027-01-04T06:00:05Z") })).toEqual({ digests: 1, notices: 4 });
    const [mail, ...more] = await outboxOf(db, nadia.email, "notification-digest");
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: "Votre résumé de la semaine : 4 nouvelles", dedupeKey: `digest:${nadia.id}:weekly:2027-01-04` });
    const text = mail!.text;
    const benchesAt = text.indexOf("« Des bancs à l'ombre »");
    const gardenAt = text.indexOf("« Un jardin partagé »");
    expect(benchesAt).toBeGreaterThan(0);
    expect(gardenAt).toBeGreaterThan(benchesAt);
    // Under its title, each change in order, without repeating the title.
    expect(text.slice(benchesAt, gardenAt)).toMatch(/– est à l'étude au groupe technique partenarial \(GTP\)[\s\S]*– a reçu la décision du comité de pilotage : retenue/);
    expect(text.slice(gardenAt)).toContain("– est réalisée");
    expect(text).toContain("Et aussi");
    expect(text).toContain("– Quelqu'un a répondu à votre contribution sur la proposition « Un jardin partagé ».");
    expect(text).toContain("Vous suivez cette proposition.");
    expect(text).toContain("http://localhost:3000/notifications");

    // Its unsubscribe link stops the weekly digest (all it carries), for Nadia only.
    const link = mail!.headers!["List-Unsubscribe"]!.slice(1, -1);
    expect(mail!.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(text).toContain(link);
    const query = new URL(link).searchParams;
    expect(verifyUnsubscribe({ u: query.get("u"), c: query.get("c"), s: query.get("s") })).toEqual({ ok: true, userId: nadia.id, scope: "weekly_digest" });

    const stamps = await emailedAt(db, ids);
    for (const id of ids) expect(stamps[id]).toBeInstanceOf(Date);
    // Running the slot again sends nothing more.
    expect(await sendNotificationDigests(db, "weekly", { now: at("2027-01-04T09:00:00Z") })).toEqual({ digests: 0, notices: 0 });
  });

  test("does not go before Monday 07:00: news of the week waits for its slot, and only the immediate ones leave at once", async () => {
    const nadia = await person("Nadia", undefined, "en");
    const proposal = await qualifiedProposal({ title: "Des bancs à l'ombre" });
    const { notice } = await insertNotice(db, { userId: nadia.id, proposalId: proposal.id, category: "followed_proposal", reason: "follower", createdAt: at("2026-12-31T10:00:00Z") });
    // The immediate job never takes a weekly notice.
    expect(await sendImmediateNotificationEmails(db, { now: at("2027-01-01T10:00:00Z") })).toEqual({ emailed: 0, toldElsewhere: 0 });
    expect(await sendNotificationDigests(db, "weekly", { now: at("2027-01-04T05:59:00Z") })).toEqual({ digests: 0, notices: 0 });
    expect(await sendNotificationDigests(db, "daily", { now: at("2027-01-04T06:00:00Z") })).toEqual({ digests: 0, notices: 0 });
    expect((await emailedAt(db, [notice.id]))[notice.id]).toBeNull();
    expect(await sendNotificationDigests(db, "weekly", { now: MONDAY_0700 })).toEqual({ digests: 1, notices: 1 });
    const [mail] = await outboxOf(db, nadia.email, "notification-digest");
    expect(mail!.subject).toBe("Your weekly summary: 1 piece of news");
    expect(mail!.html).toContain('lang="en"');
    expect(mail!.text).toContain("“Des bancs à l'ombre”");
    expect(mail!.text).toContain("Stop these messages");
  });

  test("the scheduled jobs run at their hour, once per slot", async () => {
    expect(ALL_JOBS).toEqual(expect.arrayContaining([dailyDigestJob, weeklyDigestJob]));
    const nadia = await person("Nadia");
    await setRhythm(db, nadia.id, "supported_proposal", "daily");
    const proposal = await qualifiedProposal();
    await insertNotice(db, { userId: nadia.id, proposalId: proposal.id, category: "supported_proposal", reason: "supporter", createdAt: at("2027-01-05T18:00:00Z") });
    // First start on Wednesday at 06:30 Paris: the job runs, but the notice is younger than the last slot.
    expect(await runJobIfDue(db, dailyDigestJob, at("2027-01-06T05:30:00Z"))).toEqual({ ran: true });
    expect(await db.select().from(emailOutbox)).toEqual([]);
    expect(await runJobIfDue(db, dailyDigestJob, at("2027-01-06T05:59:00Z"))).toEqual({ ran: false });
    expect(await runJobIfDue(db, dailyDigestJob, at("2027-01-06T06:00:02Z"))).toEqual({ ran: true });
    expect(await runJobIfDue(db, dailyDigestJob, at("2027-01-06T06:00:07Z"))).toEqual({ ran: false });
    const [mail, ...more] = await outboxOf(db, nadia.email, "notification-digest");
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: "Votre résumé du jour : 1 nouvelle", dedupeKey: `digest:${nadia.id}:daily:2027-01-06` });
  });
});

describe("digest integrity and scale", () => {
  test("a suspended account gets no digest; a moderation decision (emailed on its own) is stamped, not told again", async () => {
    const now = MONDAY_0700;
    const suspended = await person("Suspendu");
    await db.update(users).set({ suspendedUntil: at("2027-02-01T00:00:00Z") }).where(eq(users.id, suspended.id));
    const author = await person("Autrice");
    await setRhythm(db, author.id, "own_proposal", "weekly");
    const proposal = await qualifiedProposal({ authorId: author.id, title: "Des bancs à l'ombre" });
    await insertNotice(db, { userId: suspended.id, proposalId: proposal.id, category: "followed_proposal", reason: "follower", createdAt: at("2027-01-02T10:00:00Z") });
    const restored = await insertNotice(db, { userId: author.id, proposalId: proposal.id, kind: "proposal_restored", category: "own_proposal", reason: "author", payload: {}, createdAt: at("2027-01-02T10:00:00Z") });
    const step = await insertNotice(db, { userId: author.id, proposalId: proposal.id, category: "own_proposal", reason: "author", payload: { step: "under_review" }, createdAt: at("2027-01-02T11:00:00Z") });

    expect(await sendNotificationDigests(db, "weekly", { now })).toEqual({ digests: 1, notices: 1 });
    expect(await outboxOf(db, suspended.email, "notification-digest")).toEqual([]);
    const [mail] = await outboxOf(db, author.email, "notification-digest");
    // The author chose the weekly digest for their own proposal: its step is told here (their step email did not go).
    expect(mail!.text).toContain("– est à l'étude au groupe technique partenarial (GTP)");
    expect(mail!.text).not.toContain("de nouveau visible");
    const stamps = await emailedAt(db, [restored.notice.id, step.notice.id]);
    expect(stamps[restored.notice.id]).toBeInstanceOf(Date);
    expect(stamps[step.notice.id]).toBeInstanceOf(Date);
  });

  test("a Labo session's news goes under « Et aussi », with its link", async () => {
    const nadia = await person("Nadia");
    await setRhythm(db, nadia.id, "labo_session", "daily");
    const { session } = await insertLaboSession(db, { communeSlug: "lens" });
    await insertNotice(db, { userId: nadia.id, kind: "labo_minutes_published", laboSessionId: session.id, category: "labo_session", reason: "registrant", payload: {}, createdAt: at("2027-01-05T10:00:00Z") });
    expect(await sendNotificationDigests(db, "daily", { now: at("2027-01-06T06:00:00Z") })).toEqual({ digests: 1, notices: 1 });
    const [mail] = await outboxOf(db, nadia.email, "notification-digest");
    expect(mail!.text).toContain(`– Le compte rendu du rendez-vous du Labo « ${session.title} » est publié.`);
    expect(mail!.text).toContain(`http://localhost:3000/labo/${session.id}/compte-rendu`);
  });

  test("people are taken in batches, each gets one digest with only their own notices", async () => {
    const proposal = await qualifiedProposal({ title: "Un jardin partagé" });
    const people = await Promise.all(Array.from({ length: 7 }, (_, i) => person(`Suiveuse ${i}`)));
    for (const [i, user] of people.entries()) {
      for (let n = 0; n <= i % 3; n++) {
        await insertNotice(db, { userId: user.id, proposalId: proposal.id, category: "followed_proposal", reason: "follower", createdAt: at(`2027-01-0${1 + n}T10:00:00Z`) });
      }
    }
    const expectedNotices = people.reduce((sum, _, i) => sum + (i % 3) + 1, 0);
    expect(await sendNotificationDigests(db, "weekly", { now: MONDAY_0700, usersPerBatch: 3 })).toEqual({ digests: 7, notices: expectedNotices });
    for (const [i, user] of people.entries()) {
      const [mail, ...more] = await outboxOf(db, user.email, "notification-digest");
      expect(more).toEqual([]);
      expect(mail!.subject).toBe(i % 3 === 0 ? "Votre résumé de la semaine : 1 nouvelle" : `Votre résumé de la semaine : ${(i % 3) + 1} nouvelles`);
    }
  });
});
