import { afterEach, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as messageLoader } from "./dev.boite-mail.$id.tsx";
import { loader as htmlLoader } from "./dev.boite-mail.$id_.html.ts";
import { loader as attachmentLoader } from "./dev.boite-mail.$id_.pieces-jointes.$index.ts";
import { loader as listLoader } from "./dev.boite-mail._index.tsx";

const originalNodeEnv = env.NODE_ENV;
afterEach(() => {
  env.NODE_ENV = originalNodeEnv;
});

async function send(to: string, displayName = "Nadia") {
  const result = await queueEmail({ to, locale: "fr", template: "verify-email", data: { displayName, url: "http://localhost:3000/verification?token=abc" } });
  return result.messageId;
}

const list = (path = "/dev/boite-mail", cookie?: string) => settle(listLoader(loaderArgs(getRequest(path, { cookie }))));
const message = (id: string, cookie?: string) => settle(messageLoader(loaderArgs(getRequest(`/dev/boite-mail/${id}`, { cookie }), { id })));
const html = (id: string, cookie?: string) => settle(htmlLoader(loaderArgs(getRequest(`/dev/boite-mail/${id}/html`, { cookie }), { id })));

describe("development mailbox, outside production", () => {
  test("anyone can read the list, newest first, and filter it by recipient", async () => {
    await send("nadia@example.org");
    await send("karim@example.org");
    const response = await list();
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Boîte mail de développement");
    expect(data.messages.map((m: { to: string }) => m.to)).toEqual(["karim@example.org", "nadia@example.org"]);
    expect(data.messages[0]).not.toHaveProperty("html");
    const filtered = await (await list("/dev/boite-mail?destinataire=NADIA@example.org")).json();
    expect(filtered.messages.map((m: { to: string }) => m.to)).toEqual(["nadia@example.org"]);
  });

  test("each message says what became of it: kept here, sent, waiting, to be tried again, or failed", async () => {
    const base = { subject: "S", template: "verify-email", html: "<p>x</p>", text: "x" };
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 10, minutes));
    await db.insert(emailOutbox).values([
      { ...base, to: "kept@example.org", provider: "outbox", status: "sent", createdAt: at(5) },
      { ...base, to: "sent@example.org", provider: "resend", status: "sent", error: "500: earlier try", createdAt: at(4) },
      { ...base, to: "waiting@example.org", provider: "resend", status: "pending", createdAt: at(3) },
      { ...base, to: "retry@example.org", provider: "resend", status: "pending", error: "timeout", createdAt: at(2) },
      { ...base, to: "failed@example.org", provider: "resend", status: "failed", error: "422: invalid", createdAt: at(1) },
    ]);
    const data = await (await list()).json();
    expect(data.messages.map((m: { to: string; delivery: string }) => [m.to, m.delivery])).toEqual([
      ["kept@example.org", "outbox"],
      ["sent@example.org", "resend"],
      ["waiting@example.org", "pending"],
      ["retry@example.org", "retrying"],
      ["failed@example.org", "failed"],
    ]);
  });

  test("pages of 50", async () => {
    await db.insert(emailOutbox).values(Array.from({ length: 51 }, (_, i) => ({ to: `p${i}@example.org`, subject: "S", template: "verify-email", html: "<p>x</p>", text: "x", provider: "outbox" })));
    const first = await (await list()).json();
    expect(first.messages).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const second = await (await list("/dev/boite-mail?page=2")).json();
    expect(second.messages).toHaveLength(1);
    expect(second.hasMore).toBe(false);
    for (const page of ["-3", "abc", "99999999999"]) expect((await list(`/dev/boite-mail?page=${page}`)).status).toBe(200);
  });

  test("one message: subject, recipient and plain text, not the raw HTML", async () => {
    const id = await send("nadia@example.org");
    const response = await message(id);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.message).toMatchObject({ id, to: "nadia@example.org", subject: "Confirmez votre adresse e-mail", template: "verify-email" });
    expect(data.message.text).toContain("http://localhost:3000/verification?token=abc");
    expect(data.message).not.toHaveProperty("html");
  });

  test("the HTML version is served alone, under a sandbox CSP", async () => {
    const id = await send("nadia@example.org", "<script>alert(1)</script>");
    const response = await html(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    const body = await response.text();
    expect(body).toContain('lang="fr"');
    expect(body).not.toContain("<script>alert(1)</script>");
  });

  test("unknown or malformed ids are a 404, never a 500", async () => {
    for (const id of ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "'; drop table email_outbox; --", "x".repeat(10_000)]) {
      expect((await message(id)).status, id).toBe(404);
      expect((await html(id)).status, id).toBe(404);
    }
  });
});

describe("development mailbox, in production", () => {
  test("does not exist for anonymous visitors and residents: 404", async () => {
    const id = await send("nadia@example.org");
    env.NODE_ENV = "production";
    const resident = await insertUser(db);
    const moderator = await insertUser(db, { roles: [{ role: "moderator" }] });
    for (const cookie of [undefined, await sessionCookieFor(resident.id), await sessionCookieFor(moderator.id)]) {
      expect((await list(undefined, cookie)).status).toBe(404);
      expect((await message(id, cookie)).status).toBe(404);
      expect((await html(id, cookie)).status).toBe(404);
    }
  });

  test("administrators can read it", async () => {
    const id = await send("nadia@example.org");
    env.NODE_ENV = "production";
    const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
    const cookie = await sessionCookieFor(admin.id);
    expect((await list(undefined, cookie)).status).toBe(200);
    expect((await message(id, cookie)).status).toBe(200);
    expect((await html(id, cookie)).status).toBe(200);
  });
});

test("a message's attachments are listed by name and downloaded from their own address", async () => {
  const content = Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").toString("base64");
  const { messageId } = await queueEmail({
    to: "nadia@example.org",
    locale: "fr",
    template: "magic-link",
    data: { displayName: "Nadia", url: "http://localhost:3000/l" },
    attachments: [{ filename: "rendez-vous-du-labo.ics", contentType: "text/calendar; charset=utf-8", content }],
  });
  const shown = await (await message(messageId)).json();
  expect(shown.message.attachments).toEqual([{ filename: "rendez-vous-du-labo.ics" }]);
  const file = await settle(attachmentLoader(loaderArgs(getRequest(`/dev/boite-mail/${messageId}/pieces-jointes/0`), { id: messageId, index: "0" })));
  expect(file.status).toBe(200);
  expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="rendez-vous-du-labo.ics"');
  expect(await file.text()).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  const missing = await settle(attachmentLoader(loaderArgs(getRequest(`/dev/boite-mail/${messageId}/pieces-jointes/1`), { id: messageId, index: "1" })));
  expect(missing.status).toBe(404);
});
