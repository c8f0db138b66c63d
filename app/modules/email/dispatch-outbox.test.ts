import { eq, inArray } from "drizzle-orm";
import { Resend } from "resend";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { ALL_JOBS } from "#app/modules/jobs/all-jobs.server.ts";
import { runJobIfDue } from "#app/modules/jobs/scheduled-jobs.server.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { insertOutboxEmails } from "#tests/factories/outbox.ts";
import { startFakeResend, type FakeResend } from "#tests/helpers/fake-resend.ts";
import { claimDueEmails, dispatchOutbox, LEASE_MS, MAX_ATTEMPTS, outboxDispatchJob, recordOutcome, sendClaimedEmail } from "./dispatch-outbox.server.ts";
import { queueEmail } from "./send-email.server.ts";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

let fake: FakeResend;
let resend: Resend;
let errors: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  fake = await startFakeResend();
  resend = new Resend("re_test", { baseUrl: fake.url });
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  delete env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await fake.close();
});

const rowOf = async (id: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

/** A message queued the way callers queue in a transaction: pending, left for the dispatcher. */
async function queuedInTransaction() {
  env.RESEND_API_KEY = "re_test";
  const { messageId } = await db.transaction((tx) =>
    queueEmail(
      { to: "nadia@example.org", locale: "fr", template: "magic-link", data: { displayName: "Nadia", url: "http://x.test/l" }, headers: { "List-Unsubscribe": "<http://x.test/u>" } },
      { tx },
    ),
  );
  return messageId;
}

describe("dispatching the outbox", () => {
  test("a message that fails, then times out, then goes through is delivered once, each retry after its backoff", async () => {
    const id = await queuedInTransaction();
    expect(await rowOf(id)).toMatchObject({ status: "pending", provider: "resend", attempts: 0 });
    fake.script({ kind: "fail", status: 500 }, { kind: "hang" }, { kind: "accept" });
    const t0 = new Date(Date.now() + SECOND);

    expect(await dispatchOutbox(db, { now: t0, resend, timeoutMs: 300 })).toMatchObject({ claimed: 1, retried: 1 });
    let row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null, error: "application_error (500): Scripted failure" });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 30 * SECOND);
    expect(row.nextAttemptAt!.getTime()).toBeLessThanOrEqual(t0.getTime() + 33 * SECOND);

    expect(await dispatchOutbox(db, { now: later(t0, 29 * SECOND), resend, timeoutMs: 300 })).toMatchObject({ claimed: 0 });
    const t1 = later(t0, 34 * SECOND);
    expect(await dispatchOutbox(db, { now: t1, resend, timeoutMs: 300 })).toMatchObject({ claimed: 1, retried: 1 });
    row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", attempts: 2, error: "timeout: no answer within 0.3 s" });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(t1.getTime() + 60 * SECOND);
    expect(row.nextAttemptAt!.getTime()).toBeLessThanOrEqual(t1.getTime() + 66 * SECOND);

    expect(await dispatchOutbox(db, { now: later(t1, 59 * SECOND), resend, timeoutMs: 300 })).toMatchObject({ claimed: 0 });
    const t2 = later(t1, 67 * SECOND);
    expect(await dispatchOutbox(db, { now: t2, resend, timeoutMs: 300 })).toMatchObject({ claimed: 1, sent: 1 });
    row = await rowOf(id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, providerId: fake.accepted[0]!.id, sentAt: t2, lockedUntil: null });
    // The last error stays for the record.
    expect(row.error).toBe("timeout: no answer within 0.3 s");

    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual([id, id, id]);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests[2]!.authorization).toBe("Bearer re_test");
    expect(fake.accepted[0]!.body).toMatchObject({
      from: env.EMAIL_FROM,
      to: "nadia@example.org",
      subject: "Votre lien pour vous connecter",
      headers: { "List-Unsubscribe": "<http://x.test/u>" },
    });
    expect(fake.accepted[0]!.body.html).toContain("http://x.test/l");
    expect(await dispatchOutbox(db, { now: later(t2, 7 * HOUR), resend })).toMatchObject({ claimed: 0 });
  });

  test("a message the provider refuses as invalid (422) fails at once, without the address in the logs", async () => {
    const [row] = await insertOutboxEmails(db, 1, { to: "nadia@example.org" });
    fake.script({ kind: "fail", status: 422, message: "Invalid `to` field: nadia@example.org" });
    expect(await dispatchOutbox(db, { resend })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await rowOf(row!.id)).toMatchObject({ status: "failed", attempts: 1, error: "validation_error (422): Invalid `to` field: n***@example.org" });
    expect(await dispatchOutbox(db, { now: later(new Date(), 7 * HOUR), resend })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).not.toContain("nadia@");
    expect(String(errors.mock.calls[0]![0])).toContain("given up");
  });

  test("asked to slow down (429), the dispatcher waits as told and does not count the try", async () => {
    const [row] = await insertOutboxEmails(db, 1);
    fake.script({ kind: "fail", status: 429, retryAfterSeconds: 120 });
    const now = new Date(Date.now() + SECOND);
    await dispatchOutbox(db, { now, resend });
    const after = await rowOf(row!.id);
    expect(after).toMatchObject({ status: "pending", attempts: 0, error: "rate_limit_exceeded (429): Scripted failure" });
    expect(after.nextAttemptAt).toEqual(later(now, 120 * SECOND));
  });

  test(`after ${MAX_ATTEMPTS} failed tries a message is given up, and not tried again`, async () => {
    const [row] = await insertOutboxEmails(db, 1);
    fake.respond(() => ({ kind: "fail", status: 503, name: "service_unavailable" }));
    let now = new Date(Date.now() + SECOND);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await dispatchOutbox(db, { now, resend })).toMatchObject({ claimed: 1 });
      expect(await rowOf(row!.id)).toMatchObject({ attempts: attempt, status: attempt < MAX_ATTEMPTS ? "pending" : "failed" });
      now = later(now, 7 * HOUR); // past the longest backoff (6 h and its jitter)
    }
    expect(await dispatchOutbox(db, { now, resend })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(MAX_ATTEMPTS);
    expect(fake.accepted).toHaveLength(0);
  });

  test("a dispatcher that dies after sending, before marking: the message is sent again once the lease lapses, with the same key, and delivered once", async () => {
    const [row] = await insertOutboxEmails(db, 1);
    const t0 = new Date(Date.now() + SECOND);
    const [claimed] = await claimDueEmails(db, { now: t0 });
    expect(await sendClaimedEmail(resend, claimed!)).toMatchObject({ kind: "sent" });
    // …and the process is gone: the row stays claimed.
    expect(await dispatchOutbox(db, { now: later(t0, LEASE_MS - SECOND), resend })).toMatchObject({ claimed: 0 });
    const t1 = later(t0, LEASE_MS + SECOND);
    expect(await dispatchOutbox(db, { now: t1, resend })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(row!.id)).toMatchObject({ status: "sent", attempts: 2, providerId: fake.accepted[0]!.id });
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual([row!.id, row!.id]);
    expect(fake.accepted).toHaveLength(1);
  });

  test("a dispatcher that comes back after its lease lapsed cannot mark a message another one has taken", async () => {
    const [row] = await insertOutboxEmails(db, 1);
    const t0 = new Date(Date.now() + SECOND);
    const [slow] = await claimDueEmails(db, { now: t0 });
    await dispatchOutbox(db, { now: later(t0, LEASE_MS + SECOND), resend });
    expect(await recordOutcome(db, slow!, { kind: "retry", error: "timeout", counts: true }, later(t0, LEASE_MS + 2 * SECOND))).toBeNull();
    expect(await rowOf(row!.id)).toMatchObject({ status: "sent", attempts: 2, error: null });
  });

  test("an answer lost after the provider accepted (a 500, or no answer): the retry reuses the key and nothing is sent twice", async () => {
    const rows = await insertOutboxEmails(db, 2);
    fake.script({ kind: "fail", status: 500, acceptFirst: true }, { kind: "hang", acceptFirst: true });
    const now = new Date(Date.now() + SECOND);
    await dispatchOutbox(db, { now, resend, timeoutMs: 300 });
    expect(fake.accepted).toHaveLength(2);
    await dispatchOutbox(db, { now: later(now, HOUR), resend });
    const after = await db.select().from(emailOutbox).where(inArray(emailOutbox.id, rows.map((r) => r.id)));
    expect(after.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(fake.accepted).toHaveLength(2);
    expect(new Set(after.map((r) => r.providerId))).toEqual(new Set(fake.accepted.map((m) => m.id)));
  });

  test("two dispatchers at once, with a provider failing 30 % of requests: every message is delivered exactly once", async () => {
    const rows = await insertOutboxEmails(db, 200);
    const failures = new Map<string, number>();
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Never more than three failures for one message, so none runs out of tries; half the failures come
    // after the provider accepted the message (the answer was lost).
    fake.respond((request) => {
      const key = request.idempotencyKey!;
      if ((failures.get(key) ?? 0) >= 3 || random() >= 0.3) return { kind: "accept" };
      failures.set(key, (failures.get(key) ?? 0) + 1);
      return { kind: "fail", status: 500, acceptFirst: random() < 0.5 };
    });
    let now = new Date(Date.now() + SECOND);
    for (let round = 0; round < 20; round++) {
      await Promise.all([dispatchOutbox(db, { now, resend, batch: 25 }), dispatchOutbox(db, { now, resend, batch: 25 })]);
      const left = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.status, ["pending", "sending"])).limit(1);
      if (!left.length) break;
      now = later(now, 7 * HOUR);
    }
    const after = await db.select().from(emailOutbox);
    expect(after.filter((r) => r.status !== "sent")).toEqual([]);
    expect([...failures.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
    const keys = fake.accepted.map((m) => m.idempotencyKey);
    expect(keys).toHaveLength(200);
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.id)));
    const acceptedId = new Map(fake.accepted.map((m) => [m.idempotencyKey, m.id]));
    expect(after.every((r) => r.providerId === acceptedId.get(r.id))).toBe(true);
    // No message was ever handed over by both dispatchers: one request per failure, plus the one that went through.
    const requestsPerKey = new Map<string, number>();
    for (const request of fake.requests) requestsPerKey.set(request.idempotencyKey!, (requestsPerKey.get(request.idempotencyKey!) ?? 0) + 1);
    expect(after.filter((r) => requestsPerKey.get(r.id) !== (failures.get(r.id) ?? 0) + 1)).toEqual([]);
    expect(after.every((r) => r.attempts === (failures.get(r.id) ?? 0) + 1)).toBe(true);
  });

  test("without RESEND_API_KEY (and no client given) the dispatcher leaves the outbox alone", async () => {
    const [row] = await insertOutboxEmails(db, 1);
    expect(await dispatchOutbox(db)).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(await rowOf(row!.id)).toMatchObject({ status: "pending", attempts: 0 });
  });
});

describe("the dispatch job", () => {
  test("is among the app's jobs and sends through RESEND_BASE_URL with RESEND_API_KEY", async () => {
    expect(ALL_JOBS).toContain(outboxDispatchJob);
    env.RESEND_API_KEY = "re_job";
    process.env.RESEND_BASE_URL = fake.url;
    const [row] = await insertOutboxEmails(db, 1);
    expect(await runJobIfDue(db, outboxDispatchJob, new Date(Date.now() + SECOND))).toEqual({ ran: true });
    expect(await rowOf(row!.id)).toMatchObject({ status: "sent", providerId: fake.accepted[0]!.id });
    expect(fake.requests[0]!.authorization).toBe("Bearer re_job");
  });

  test("a message queued outside a transaction leaves at once, without waiting for the job", async () => {
    env.RESEND_API_KEY = "re_test";
    process.env.RESEND_BASE_URL = fake.url;
    const { messageId } = await queueEmail({ to: "karim@example.org", locale: "en", template: "magic-link", data: { displayName: "Karim", url: "http://x.test/l" } });
    await vi.waitFor(async () => expect((await rowOf(messageId)).status).toBe("sent"), { timeout: 5000 });
    expect(fake.accepted.map((m) => m.idempotencyKey)).toEqual([messageId]);
    expect(fake.accepted[0]!.body.subject).toBe("Your sign-in link");
  });
});
