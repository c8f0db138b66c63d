import { eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import * as queries from "#app/modules/notifications/notification-queries.server.ts";
import { notifications } from "#db/schema/index.ts";
import { insertNotice } from "#tests/factories/notifications.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as rootLoader } from "../root.tsx";
import { loader as countLoader } from "./resources.notifications.count.ts";
import { action, loader } from "./notifications._index.tsx";

async function signedIn() {
  const user = await insertUser(db, { password: null });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const load = (query: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/notifications${query}`, { cookie }))));
const post = (form: Record<string, string>, cookie?: string, query = "") => settle(action(actionArgs(postRequest(`/notifications${query}`, form, { cookie }))));
const readAtOf = async (id: string) => (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]!.readAt;
const minute = (n: number) => new Date(Date.now() - (60 - n) * 60_000);

describe("/notifications", () => {
  test("anonymous visitors are sent to sign in, and back here after", async () => {
    const response = await load("");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fnotifications");
    expect((await post({ intent: "read-all", until: new Date().toISOString() })).headers.get("Location")).toBe("/connexion?redirectTo=%2Fnotifications");
  });

  test("the person's notices in words, newest first, with why, when and where; visiting marks nothing read", async () => {
    const { user, cookie } = await signedIn();
    const other = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: null, title: "Des bancs à l'ombre" });
    const older = await insertNotice(db, { userId: user.id, proposalId: proposal.id, reason: "supporter", category: "supported_proposal", payload: { step: "done", text: "Les bancs sont posés." }, createdAt: minute(10), readAt: minute(20) });
    const newer = await insertNotice(db, { userId: user.id, proposalId: proposal.id, payload: { step: "in_progress" }, createdAt: minute(57) });
    await insertNotice(db, { userId: other.id, proposalId: proposal.id, payload: { step: "answered", answerKind: "already_done" } });

    const response = await load("", cookie);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const data = await response.json();
    expect(data).toMatchObject({ title: "Notifications", unread: 1, isFirstPage: true, nextCursor: null });
    expect(data.items).toEqual([
      {
        id: newer.notice.id,
        unread: true,
        sentence: "La réalisation de la proposition « Des bancs à l'ombre » commence.",
        change: "entre en réalisation",
        why: "Vous suivez cette proposition.",
        href: `/propositions/${proposal.id}`,
        detail: null,
        at: newer.notice.createdAt.toISOString(),
        when: "Il y a 3 minutes",
        date: expect.any(String),
      },
      expect.objectContaining({ id: older.notice.id, unread: false, why: "Vous soutenez cette proposition.", detail: "Les bancs sont posés.", when: "Il y a 50 minutes" }),
    ]);
    expect(await readAtOf(newer.notice.id)).toBeNull();
  });

  test("paged by 20 with « Plus anciennes »; an odd page marker is a 400, never a 500", async () => {
    const { user, cookie } = await signedIn();
    for (let i = 0; i < 22; i++) await insertNotice(db, { userId: user.id, createdAt: minute(i) });
    const first = await (await load("", cookie)).json();
    expect(first.items).toHaveLength(20);
    const second = await (await load(`?avant=${encodeURIComponent(first.nextCursor)}`, cookie)).json();
    expect(second).toMatchObject({ isFirstPage: false, nextCursor: null });
    expect(second.items).toHaveLength(2);
    for (const bad of ["x", "%00", "1_2", "1'%20or%20'1'='1"]) expect((await load(`?avant=${bad}`, cookie)).status).toBe(400);
  });

  test("an empty list: nothing to mark", async () => {
    const { cookie } = await signedIn();
    expect(await (await load("", cookie)).json()).toMatchObject({ unread: 0, items: [], nextCursor: null });
  });

  test("mark one read: back to the same page without JavaScript, data for the fetcher with it", async () => {
    const { user, cookie } = await signedIn();
    const a = await insertNotice(db, { userId: user.id });
    const b = await insertNotice(db, { userId: user.id });
    // The form of an index route posts with Remix's `?index` marker: the way back leaves it out.
    const plain = await post({ intent: "read-one", id: a.notice.id }, cookie, "?index&avant=1_00000000-0000-4000-8000-000000000000");
    expect(plain.status).toBe(302);
    expect(plain.headers.get("Location")).toBe(`/notifications?avant=1_00000000-0000-4000-8000-000000000000#notification-${a.notice.id}`);
    expect(await readAtOf(a.notice.id)).toBeInstanceOf(Date);
    expect(await (await post({ intent: "read-one", id: b.notice.id, _js: "1" }, cookie)).json()).toEqual({ ok: true });
    expect(await readAtOf(b.notice.id)).toBeInstanceOf(Date);
  });

  test("open a notice: marked read, and on to the place it is about", async () => {
    const { user, cookie } = await signedIn();
    const proposal = await insertProposal(db, { authorId: null });
    const { notice } = await insertNotice(db, { userId: user.id, proposalId: proposal.id });
    const response = await post({ intent: "open", id: notice.id, _js: "1" }, cookie);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await readAtOf(notice.id)).toBeInstanceOf(Date);
  });

  test("another person's notice (or an unknown one) is a 404, and stays unread; a malformed id or intent is a 400", async () => {
    const { cookie } = await signedIn();
    const other = await insertUser(db, { password: null });
    const { notice } = await insertNotice(db, { userId: other.id });
    for (const intent of ["read-one", "open"]) {
      expect((await post({ intent, id: notice.id }, cookie)).status).toBe(404);
      const js = await post({ intent, id: notice.id, _js: "1" }, cookie);
      expect(js.status).toBe(404);
      expect(await js.json()).toEqual({ error: "page.notFound" });
    }
    expect((await post({ intent: "read-one", id: "00000000-0000-4000-8000-000000000000" }, cookie)).status).toBe(404);
    expect(await readAtOf(notice.id)).toBeNull();
    const forms: Record<string, string>[] = [{ intent: "read-one", id: "pas-un-id" }, { intent: "read-one", id: "\u0000" }, { intent: "tout" }, { intent: "read-all", until: "hier" }, {}];
    for (const form of forms) {
      const response = await post(form, cookie);
      expect(response.status, JSON.stringify(form)).toBe(400);
      expect(await response.json()).toEqual({ error: "page.invalid" });
    }
  });

  test("mark all read: the person's own, up to when the page was shown; a flash without JavaScript", async () => {
    const { user, cookie } = await signedIn();
    const other = await insertUser(db, { password: null });
    const seen = await insertNotice(db, { userId: user.id, createdAt: minute(1) });
    const theirs = await insertNotice(db, { userId: other.id, createdAt: minute(1) });
    const { until } = await (await load("", cookie)).json();
    const arrived = await insertNotice(db, { userId: user.id, createdAt: new Date(Date.parse(until) + 1000) });
    const response = await post({ intent: "read-all", until }, cookie, "?index");
    expect(response.headers.get("Location")).toBe("/notifications");
    expect(await flashSetBy(response)).toBe("notifications:page.flashReadAll");
    expect(await readAtOf(seen.notice.id)).toBeInstanceOf(Date);
    expect(await readAtOf(arrived.notice.id)).toBeNull();
    expect(await readAtOf(theirs.notice.id)).toBeNull();
    expect(await (await post({ intent: "read-all", until: new Date(Date.now() + 5000).toISOString(), _js: "1" }, cookie)).json()).toEqual({ ok: true });
    expect(await readAtOf(arrived.notice.id)).toBeInstanceOf(Date);
  });
});

describe("the header's bell", () => {
  test("the count resource: the person's unread count, named in words, never cached; anonymous visitors are sent to sign in", async () => {
    const { user, cookie } = await signedIn();
    await insertNotice(db, { userId: user.id });
    await insertNotice(db, { userId: user.id });
    await insertNotice(db, { userId: user.id, readAt: new Date() });
    await insertNotice(db, { userId: (await insertUser(db, { password: null })).id });
    const response = await settle(countLoader(loaderArgs(getRequest("/resources/notifications/count", { cookie }))));
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ unread: 2, badge: "2", label: "Notifications, 2 non lues" });
    expect((await settle(countLoader(loaderArgs(getRequest("/resources/notifications/count"))))).status).toBe(302);
  });

  test("the root loader gives signed-in people their count, in the page's language, and costs anonymous visitors no query", async () => {
    const count = vi.spyOn(queries, "countUnreadNotifications");
    const anonymous = await settle(rootLoader(loaderArgs(getRequest("/"))));
    expect((await anonymous.json()).viewer).toBeNull();
    expect(count).not.toHaveBeenCalled();

    const { user, cookie } = await signedIn();
    const root = async () => (await (await settle(rootLoader(loaderArgs(getRequest("/", { cookie, headers: { "Accept-Language": "en" } }))))).json()).viewer.notifications;
    expect(await root()).toEqual({ unread: 0, badge: null, label: "Notifications, none unread" });
    for (let i = 0; i < 100; i++) await insertNotice(db, { userId: user.id });
    expect(await root()).toEqual({ unread: 100, badge: "99+", label: "Notifications, more than 99 unread" });
    expect(count).toHaveBeenCalledTimes(2);
  });
});
