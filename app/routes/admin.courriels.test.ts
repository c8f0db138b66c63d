import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { dispatchOutbox } from "#app/modules/email/dispatch-outbox.server.ts";
import { auditLog, emailOutbox, type Role } from "#db/schema/index.ts";
import { insertOutboxEmails } from "#tests/factories/outbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { startFakeResend, type FakeResend } from "#tests/helpers/fake-resend.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as route from "./admin.courriels.tsx";

async function cookieFor(role: Role | null) {
  const user = await insertUser(db, { password: null, roles: role ? [{ role }] : [] });
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
}
const load = (path: string, cookie?: string) => settle(route.loader(loaderArgs(getRequest(path, { cookie }))));
const post = (form: Record<string, string>, cookie: string) => settle(route.action(actionArgs(postRequest("/admin/courriels", form, { cookie }))));
const rowOf = async (id: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const HOUR = 3600_000;

let fake: FakeResend;
beforeEach(async () => {
  fake = await startFakeResend();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => fake.close());

describe("/admin/courriels", () => {
  test("administrators only; visitors are sent to sign in", async () => {
    expect((await load("/admin/courriels")).status).toBe(302);
    for (const role of [null, "moderator", "coordinator"] as const) expect((await load("/admin/courriels", (await cookieFor(role)).cookie)).status, String(role)).toBe(403);
    expect((await load("/admin/courriels", (await cookieFor("administrator")).cookie)).status).toBe(200);
    const { cookie } = await cookieFor("coordinator");
    expect((await post({ intent: "retry_all" }, cookie)).status).toBe(403);
  });

  test("counts by state, and the failed messages newest first, addresses masked, a page at a time", async () => {
    const base = Date.now() - 30 * HOUR;
    for (let i = 0; i < 30; i++) {
      await insertOutboxEmails(db, 1, { to: `nadia${i}@example.org`, subject: `Échec ${i}`, status: "failed", attempts: 8, error: "application_error (500): down", createdAt: new Date(base + i * HOUR) });
    }
    await insertOutboxEmails(db, 2, { status: "pending" });
    await insertOutboxEmails(db, 3, { status: "sent", provider: "outbox" });
    const { cookie } = await cookieFor("administrator");
    const first = await (await load("/admin/courriels", cookie)).json();
    expect(first.counts).toEqual([
      { status: "pending", count: 2 },
      { status: "sending", count: 0 },
      { status: "sent", count: 3 },
      { status: "failed", count: 30 },
    ]);
    expect(first.messages).toHaveLength(25);
    expect(first.messages[0]).toMatchObject({ to: "n***@example.org", subject: "Échec 29", template: "magic-link", attempts: 8, error: "application_error (500): down" });
    expect(JSON.stringify(first)).not.toContain("nadia");
    expect(first.hasMore).toBe(true);
    const second = await (await load("/admin/courriels?page=2", cookie)).json();
    expect(second.messages.map((m: { subject: string }) => m.subject)).toEqual(["Échec 4", "Échec 3", "Échec 2", "Échec 1", "Échec 0"]);
    expect(second.hasMore).toBe(false);
  });

  test("a message the provider refused is shown, and « Renvoyer » sends it again: audited, and delivered", async () => {
    const resend = new Resend("re_test", { baseUrl: fake.url });
    const [message] = await insertOutboxEmails(db, 1, { subject: "Votre lien pour vous connecter" });
    fake.script({ kind: "fail", status: 422, message: "Invalid from" });
    await dispatchOutbox(db, { resend });
    const admin = await cookieFor("administrator");
    const page = await (await load("/admin/courriels", admin.cookie)).json();
    expect(page.messages).toEqual([expect.objectContaining({ id: message!.id, attempts: 1, error: "validation_error (422): Invalid from" })]);

    const before = Date.now();
    const response = await post({ intent: "retry", id: message!.id }, admin.cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/courriels");
    expect(await flashSetBy(response)).toBe("outboxAdmin:flash.retried");
    const retried = await rowOf(message!.id);
    expect(retried).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
    expect(retried.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(retried.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.select({ actorId: auditLog.actorId, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId }).from(auditLog)).toEqual([
      { actorId: admin.id, action: "email.retry", subjectType: "email", subjectId: message!.id },
    ]);

    expect(await dispatchOutbox(db, { resend })).toMatchObject({ sent: 1 });
    expect(await rowOf(message!.id)).toMatchObject({ status: "sent", attempts: 1, providerId: fake.accepted[0]!.id });
    expect((await (await load("/admin/courriels", admin.cookie)).json()).messages).toEqual([]);
  });

  test("« Tout renvoyer » puts every failed message back in the queue, with one audit entry, and leaves the others", async () => {
    const failed = await insertOutboxEmails(db, 3, { status: "failed", attempts: 8, nextAttemptAt: new Date(Date.now() - HOUR) });
    const [sent] = await insertOutboxEmails(db, 1, { status: "sent", attempts: 1 });
    const admin = await cookieFor("administrator");
    const response = await post({ intent: "retry_all" }, admin.cookie);
    expect(await flashSetBy(response)).toBe("outboxAdmin:flash.retriedAll");
    for (const row of failed) expect(await rowOf(row.id)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await rowOf(sent!.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(await db.select({ actorId: auditLog.actorId, action: auditLog.action, subjectType: auditLog.subjectType, changes: auditLog.changes }).from(auditLog)).toEqual([
      { actorId: admin.id, action: "email.retry_all", subjectType: "email_outbox", changes: { failedCount: { before: 3, after: 0 } } },
    ]);
    // Nothing left: said so, and nothing audited.
    expect(await flashSetBy(await post({ intent: "retry_all" }, admin.cookie))).toBe("outboxAdmin:flash.nothingToRetry");
    expect(await db.select().from(auditLog)).toHaveLength(1);
  });

  test("« Renvoyer » on a message that is not failed (already sent again, or unknown) changes nothing", async () => {
    const [sent] = await insertOutboxEmails(db, 1, { status: "sent" });
    const { cookie } = await cookieFor("administrator");
    for (const id of [sent!.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await flashSetBy(await post({ intent: "retry", id }, cookie))).toBe("outboxAdmin:flash.nothingToRetry");
    }
    expect(await rowOf(sent!.id)).toMatchObject({ status: "sent" });
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  test("a malformed request is a 400 with a message, never a 500", async () => {
    const { cookie } = await cookieFor("administrator");
    const bad = await post({ intent: "retry", id: "not-a-uuid" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "outboxAdmin:validation.unknownMessage" });
    const unknownIntent = await post({ intent: "delete" }, cookie);
    expect(unknownIntent.status).toBe(400);
    expect(await unknownIntent.json()).toEqual({ error: "common:validation.invalidForm" });
  });
});
