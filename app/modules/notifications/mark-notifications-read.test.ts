import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { notifications } from "#db/schema/index.ts";
import { insertNotice } from "#tests/factories/notifications.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { markAllNotificationsRead, markNotificationRead } from "./mark-notifications-read.server.ts";

const readAtOf = async (id: string) => (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]!.readAt;

describe("markNotificationRead", () => {
  test("the owner's notice: read once (the first time is kept), and where it leads", async () => {
    const me = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: null });
    const { notice } = await insertNotice(db, { userId: me.id, proposalId: proposal.id });
    expect(await markNotificationRead({ userId: me.id, notificationId: notice.id })).toEqual({ status: "ok", href: `/propositions/${proposal.id}` });
    const first = await readAtOf(notice.id);
    expect(first).toBeInstanceOf(Date);
    expect(await markNotificationRead({ userId: me.id, notificationId: notice.id })).toMatchObject({ status: "ok" });
    expect(await readAtOf(notice.id)).toEqual(first);
  });

  test("another person's notice, or one that does not exist, is not found, and stays unread", async () => {
    const me = await insertUser(db, { password: null });
    const other = await insertUser(db, { password: null });
    const { notice } = await insertNotice(db, { userId: other.id });
    expect(await markNotificationRead({ userId: me.id, notificationId: notice.id })).toEqual({ status: "not_found" });
    expect(await markNotificationRead({ userId: me.id, notificationId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
    expect(await readAtOf(notice.id)).toBeNull();
  });
});

describe("markAllNotificationsRead", () => {
  test("the person's unread notices up to when the page was shown; not a later one, not anyone else's", async () => {
    const me = await insertUser(db, { password: null });
    const other = await insertUser(db, { password: null });
    const shownAt = new Date(Date.now() - 60_000);
    const seen = await insertNotice(db, { userId: me.id, createdAt: new Date(shownAt.getTime() - 1000) });
    const later = await insertNotice(db, { userId: me.id, createdAt: new Date() });
    const theirs = await insertNotice(db, { userId: other.id, createdAt: new Date(shownAt.getTime() - 1000) });
    expect(await markAllNotificationsRead({ userId: me.id, until: shownAt })).toBe(1);
    expect(await readAtOf(seen.notice.id)).toBeInstanceOf(Date);
    expect(await readAtOf(later.notice.id)).toBeNull();
    expect(await readAtOf(theirs.notice.id)).toBeNull();
    expect(await markAllNotificationsRead({ userId: me.id, until: shownAt })).toBe(0);
  });
});
