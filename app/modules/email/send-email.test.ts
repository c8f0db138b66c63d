import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { queueEmail } from "./send-email.server.ts";

// Resend's client is real; only the network is replaced.
function mockResendApi() {
  return vi.spyOn(globalThis, "fetch");
}
const resendOk = (id: string) => new Response(JSON.stringify({ id }), { status: 200, headers: { "Content-Type": "application/json" } });

/** With RESEND_API_KEY a message queued outside a transaction is dispatched at once, in the background. */
async function dispatched(count: number) {
  await vi.waitFor(async () => {
    const rows = await db.select().from(emailOutbox);
    expect(rows.filter((r) => r.attempts > 0 && r.status !== "sending")).toHaveLength(count);
  }, { timeout: 5000 });
  return db.select().from(emailOutbox).orderBy(emailOutbox.createdAt);
}

afterEach(() => {
  delete env.RESEND_API_KEY;
});

describe("queueEmail", () => {
  test("without RESEND_API_KEY the message goes to the outbox, rendered as HTML and text in the recipient's language", async () => {
    const fetch = mockResendApi();
    const result = await queueEmail({ to: "nadia@example.org", locale: "fr", template: "verify-email", data: { displayName: "Nadia", url: "http://localhost:3000/verification?token=abc" } });
    expect(result).toEqual({ status: "queued", messageId: expect.any(String) });
    const [row] = await db.select().from(emailOutbox);
    expect(row).toMatchObject({ id: result.messageId, to: "nadia@example.org", subject: "Confirmez votre adresse e-mail", template: "verify-email", provider: "outbox", providerId: null, error: null });
    // The outbox is the delivery: nothing is left for a dispatcher.
    expect(row).toMatchObject({ status: "sent", attempts: 0, nextAttemptAt: null, sentAt: expect.any(Date) });
    expect(row!.html).toContain('lang="fr"');
    expect(row!.html).toContain('href="http://localhost:3000/verification?token=abc"');
    expect(row!.text).toContain("Bonjour Nadia,");
    expect(row!.text).toContain("http://localhost:3000/verification?token=abc");
    expect(row!.text).not.toContain("<");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("English recipients get the English message; an unknown locale falls back to French", async () => {
    await queueEmail({ to: "en@example.org", locale: "en", template: "magic-link", data: { displayName: "Sam", url: "http://x.test/l" } });
    await queueEmail({ to: "xx@example.org", locale: "de", template: "magic-link", data: { displayName: "Uwe", url: "http://x.test/l" } });
    const rows = await db.select().from(emailOutbox);
    const en = rows.find((r) => r.to === "en@example.org")!;
    expect(en.subject).toBe("Your sign-in link");
    expect(en.html).toContain('lang="en"');
    expect(rows.find((r) => r.to === "xx@example.org")!.subject).toBe("Votre lien pour vous connecter");
  });

  test("data is escaped in the HTML, never interpreted", async () => {
    await queueEmail({ to: "a@example.org", locale: "fr", template: "password-reset", data: { displayName: '<img src=x onerror="alert(1)">', url: "http://x.test/r" } });
    const [row] = await db.select().from(emailOutbox);
    expect(row!.html).not.toContain("<img src=x");
    expect(row!.html).toContain("&lt;img");
  });

  test("with RESEND_API_KEY the message is pending in the outbox and leaves through Resend at once, keyed by its id", async () => {
    env.RESEND_API_KEY = "re_test";
    const fetch = mockResendApi().mockResolvedValue(resendOk("resend-123"));
    const result = await queueEmail({ to: "b@example.org", locale: "fr", template: "sign-up-attempt", data: { displayName: "B", signInUrl: "http://x.test/c", resetUrl: "http://x.test/m" } });
    expect(result).toEqual({ status: "queued", messageId: expect.any(String) });
    const [row] = await dispatched(1);
    expect(row).toMatchObject({ id: result.messageId, provider: "resend", status: "sent", attempts: 1, providerId: "resend-123", error: null, sentAt: expect.any(Date) });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe("https://api.resend.com/emails");
    expect(new Headers(init?.headers).get("Authorization")).toBe("Bearer re_test");
    expect(new Headers(init?.headers).get("Idempotency-Key")).toBe(result.messageId);
    const payload = JSON.parse(String(init?.body));
    expect(payload).toMatchObject({ to: "b@example.org", from: env.EMAIL_FROM, subject: "Quelqu'un a voulu créer un compte avec votre adresse" });
    expect(payload.html).toContain("http://x.test/m");
    expect(payload.text).toContain("http://x.test/m");
  });

  test("a Resend error or a network failure is recorded on the message, never thrown", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    env.RESEND_API_KEY = "re_test";
    mockResendApi()
      .mockResolvedValueOnce(new Response(JSON.stringify({ name: "validation_error", message: "Invalid from", statusCode: 422 }), { status: 422 }))
      .mockRejectedValueOnce(new TypeError("fetch failed"));
    const first = await queueEmail({ to: "c@example.org", locale: "fr", template: "verify-email", data: { displayName: "C", url: "http://x.test/v" } });
    await dispatched(1);
    const second = await queueEmail({ to: "d@example.org", locale: "fr", template: "verify-email", data: { displayName: "D", url: "http://x.test/v" } });
    expect(first).toMatchObject({ status: "queued" });
    expect(second).toMatchObject({ status: "queued" });
    const rows = await dispatched(2);
    expect(rows).toHaveLength(2);
    // Refused as invalid: given up at once. Unreachable: tried again later.
    expect(rows[0]).toMatchObject({ status: "failed", error: "validation_error (422): Invalid from" });
    expect(rows[1]).toMatchObject({ status: "pending", attempts: 1, error: expect.stringMatching(/^application_error: /) });
    expect(rows[1]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(rows.every((r) => r.provider === "resend" && r.providerId === null)).toBe(true);
  });

  test("attachments are kept in the outbox and passed to Resend as base64", async () => {
    const ics = { filename: "rendez-vous.ics", contentType: "text/calendar; charset=utf-8", content: Buffer.from("BEGIN:VCALENDAR").toString("base64") };
    await queueEmail({ to: "e@example.org", locale: "fr", template: "magic-link", data: { displayName: "E", url: "http://x.test/l" }, attachments: [ics] });
    env.RESEND_API_KEY = "re_test";
    const fetch = mockResendApi().mockResolvedValue(resendOk("resend-ics"));
    await queueEmail({ to: "f@example.org", locale: "fr", template: "magic-link", data: { displayName: "F", url: "http://x.test/l" }, attachments: [ics] });
    const rows = await dispatched(1);
    expect(rows.map((r) => r.attachments)).toEqual([[ics], [ics]]);
    const payload = JSON.parse(String(fetch.mock.calls[0]![1]?.body));
    expect(payload.attachments).toEqual([{ filename: "rendez-vous.ics", content: ics.content, content_type: ics.contentType }]);
  });

  test("in the caller's transaction: written only if it commits, and left for the dispatch job", async () => {
    env.RESEND_API_KEY = "re_test";
    const fetch = mockResendApi();
    const data = { displayName: "G", url: "http://x.test/l" };
    await expect(
      db.transaction(async (tx) => {
        await queueEmail({ to: "g@example.org", locale: "fr", template: "magic-link", data }, { tx });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await db.select().from(emailOutbox)).toEqual([]);
    const result = await db.transaction((tx) => queueEmail({ to: "g@example.org", locale: "fr", template: "magic-link", data }, { tx }));
    const [row] = await db.select().from(emailOutbox);
    expect(row).toMatchObject({ id: result.messageId, status: "pending", provider: "resend", attempts: 0 });
    expect(row!.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(fetch).not.toHaveBeenCalled();
  });

  test("a message queued twice with the same dedupe key is written once", async () => {
    const input = { to: "h@example.org", locale: "fr", template: "magic-link", data: { displayName: "H", url: "http://x.test/l" }, dedupeKey: "notification:42" } as const;
    const first = await queueEmail(input);
    expect(first).toEqual({ status: "queued", messageId: expect.any(String) });
    expect(await queueEmail(input)).toEqual({ status: "duplicate" });
    expect(await db.transaction((tx) => queueEmail(input, { tx }))).toEqual({ status: "duplicate" });
    expect(await db.select({ id: emailOutbox.id, dedupeKey: emailOutbox.dedupeKey }).from(emailOutbox)).toEqual([{ id: first.status === "queued" ? first.messageId : "", dedupeKey: "notification:42" }]);
  });

  test("extra headers are kept with the message", async () => {
    await queueEmail({ to: "i@example.org", locale: "fr", template: "magic-link", data: { displayName: "I", url: "http://x.test/l" }, headers: { "List-Unsubscribe": "<http://x.test/u>" } });
    const [row] = await db.select().from(emailOutbox);
    expect(row!.headers).toEqual({ "List-Unsubscribe": "<http://x.test/u>" });
  });
});
