import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { sendEmail } from "./send-email.server.ts";

// Resend's client is real; only the network is replaced.
function mockResendApi() {
  return vi.spyOn(globalThis, "fetch");
}
const resendOk = (id: string) => new Response(JSON.stringify({ id }), { status: 200, headers: { "Content-Type": "application/json" } });

afterEach(() => {
  delete env.RESEND_API_KEY;
});

describe("sendEmail", () => {
  test("without RESEND_API_KEY the message goes to the outbox, rendered as HTML and text in the recipient's language", async () => {
    const fetch = mockResendApi();
    const result = await sendEmail({ to: "nadia@example.org", locale: "fr", template: "verify-email", data: { displayName: "Nadia", url: "http://localhost:3000/verification?token=abc" } });
    expect(result).toEqual({ status: "sent", messageId: expect.any(String), provider: "outbox" });
    const [row] = await db.select().from(emailOutbox);
    expect(row).toMatchObject({ to: "nadia@example.org", subject: "Confirmez votre adresse e-mail", template: "verify-email", provider: "outbox", providerId: null, error: null });
    expect(row!.html).toContain('lang="fr"');
    expect(row!.html).toContain('href="http://localhost:3000/verification?token=abc"');
    expect(row!.text).toContain("Bonjour Nadia,");
    expect(row!.text).toContain("http://localhost:3000/verification?token=abc");
    expect(row!.text).not.toContain("<");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("English recipients get the English message; an unknown locale falls back to French", async () => {
    await sendEmail({ to: "en@example.org", locale: "en", template: "magic-link", data: { displayName: "Sam", url: "http://x.test/l" } });
    await sendEmail({ to: "xx@example.org", locale: "de", template: "magic-link", data: { displayName: "Uwe", url: "http://x.test/l" } });
    const rows = await db.select().from(emailOutbox);
    const en = rows.find((r) => r.to === "en@example.org")!;
    expect(en.subject).toBe("Your sign-in link");
    expect(en.html).toContain('lang="en"');
    expect(rows.find((r) => r.to === "xx@example.org")!.subject).toBe("Votre lien pour vous connecter");
  });

  test("data is escaped in the HTML, never interpreted", async () => {
    await sendEmail({ to: "a@example.org", locale: "fr", template: "password-reset", data: { displayName: '<img src=x onerror="alert(1)">', url: "http://x.test/r" } });
    const [row] = await db.select().from(emailOutbox);
    expect(row!.html).not.toContain("<img src=x");
    expect(row!.html).toContain("&lt;img");
  });

  test("with RESEND_API_KEY the message goes through Resend and is recorded with its id", async () => {
    env.RESEND_API_KEY = "re_test";
    const fetch = mockResendApi().mockResolvedValue(resendOk("resend-123"));
    const result = await sendEmail({ to: "b@example.org", locale: "fr", template: "sign-up-attempt", data: { displayName: "B", signInUrl: "http://x.test/c", resetUrl: "http://x.test/m" } });
    expect(result).toMatchObject({ status: "sent", provider: "resend" });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe("https://api.resend.com/emails");
    expect(new Headers(init?.headers).get("Authorization")).toBe("Bearer re_test");
    const payload = JSON.parse(String(init?.body));
    expect(payload).toMatchObject({ to: "b@example.org", from: env.EMAIL_FROM, subject: "Quelqu'un a voulu créer un compte avec votre adresse" });
    expect(payload.html).toContain("http://x.test/m");
    expect(payload.text).toContain("http://x.test/m");
    const [row] = await db.select().from(emailOutbox);
    expect(row).toMatchObject({ provider: "resend", providerId: "resend-123", error: null });
  });

  test("a Resend error or a network failure is returned and recorded, never thrown", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    env.RESEND_API_KEY = "re_test";
    mockResendApi()
      .mockResolvedValueOnce(new Response(JSON.stringify({ name: "validation_error", message: "Invalid from", statusCode: 422 }), { status: 422 }))
      .mockRejectedValueOnce(new TypeError("fetch failed"));
    const first = await sendEmail({ to: "c@example.org", locale: "fr", template: "verify-email", data: { displayName: "C", url: "http://x.test/v" } });
    const second = await sendEmail({ to: "d@example.org", locale: "fr", template: "verify-email", data: { displayName: "D", url: "http://x.test/v" } });
    expect(first).toMatchObject({ status: "failed", error: "validation_error: Invalid from" });
    expect(second).toMatchObject({ status: "failed", error: expect.stringMatching(/^application_error: /) });
    const rows = await db.select().from(emailOutbox);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.error !== null)).toBe(true);
    expect(rows.every((r) => r.provider === "resend" && r.providerId === null)).toBe(true);
  });

  test("attachments are kept in the outbox and passed to Resend as base64", async () => {
    const ics = { filename: "rendez-vous.ics", contentType: "text/calendar; charset=utf-8", content: Buffer.from("BEGIN:VCALENDAR").toString("base64") };
    await sendEmail({ to: "e@example.org", locale: "fr", template: "magic-link", data: { displayName: "E", url: "http://x.test/l" }, attachments: [ics] });
    env.RESEND_API_KEY = "re_test";
    const fetch = mockResendApi().mockResolvedValue(resendOk("resend-ics"));
    await sendEmail({ to: "f@example.org", locale: "fr", template: "magic-link", data: { displayName: "F", url: "http://x.test/l" }, attachments: [ics] });
    const rows = await db.select().from(emailOutbox);
    expect(rows.map((r) => r.attachments)).toEqual([[ics], [ics]]);
    const payload = JSON.parse(String(fetch.mock.calls[0]![1]?.body));
    expect(payload.attachments).toEqual([{ filename: "rendez-vous.ics", content: ics.content, content_type: ics.contentType }]);
  });
});
