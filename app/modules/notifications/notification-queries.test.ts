import { eq, sql, type SQL } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { contributions, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertNotice } from "#tests/factories/notifications.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { countUnreadNotifications, listNotifications, notificationPageQuery, parseNotificationCursor, unreadCountQuery } from "./notification-queries.server.ts";

const minute = (n: number) => new Date(Date.UTC(2027, 2, 15, 10, n));

describe("listNotifications", () => {
  test("the person's own notices only, newest first, 20 a page, with what they are about, in one query", async () => {
    const me = await insertUser(db, { password: null });
    const other = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: null, title: "Des bancs à l'ombre" });
    const { session } = await insertLaboSession(db, { title: "Se déplacer sans voiture" });
    for (let i = 0; i < 21; i++) await insertNotice(db, { userId: me.id, proposalId: proposal.id, createdAt: minute(i) });
    await insertNotice(db, { userId: me.id, kind: "labo_minutes_published", laboSessionId: session.id, category: "labo_session", reason: "registrant", payload: {}, createdAt: minute(30) });
    await insertNotice(db, { userId: other.id, proposalId: proposal.id, createdAt: minute(40) });

    const first = await listNotifications(me.id);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ kind: "labo_minutes_published", laboSessionId: session.id, laboSessionTitle: "Se déplacer sans voiture", reason: "registrant", readAt: null });
    expect(first.items[1]).toMatchObject({ kind: "proposal_step", proposalId: proposal.id, proposalTitle: "Des bancs à l'ombre", payload: { step: "under_review" }, createdAt: minute(20) });
    expect(first.nextCursor).not.toBeNull();
    const second = await listNotifications(me.id, { before: parseNotificationCursor(first.nextCursor!) });
    expect(second.items.map((i) => i.createdAt)).toEqual([minute(1), minute(0)]);
    expect(second.nextCursor).toBeNull();
    expect((await listNotifications(other.id)).items).toHaveLength(1);
  });

  test("notices made by one fan-out share their time: the pages neither skip nor repeat any", async () => {
    const me = await insertUser(db, { password: null });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await insertNotice(db, { userId: me.id, createdAt: minute(0) })).notice.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(me.id, { before: cursor ? parseNotificationCursor(cursor) : null, limit: 2 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
  });

  test("a notice about something hidden since is left out, except for the proposal's author", async () => {
    const me = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: me.id });
    const supported = await insertProposal(db, { authorId: null });
    const parent = await insertContribution(db, { proposalId: supported.id, authorId: me.id });
    const reply = await insertContribution(db, { proposalId: supported.id, authorId: null, parentId: parent.id });
    await insertNotice(db, { userId: me.id, proposalId: proposal.id, reason: "author", category: "own_proposal" });
    await insertNotice(db, { userId: me.id, proposalId: supported.id, reason: "supporter", category: "supported_proposal" });
    await insertNotice(db, { userId: me.id, kind: "contribution_reply", proposalId: supported.id, contributionId: reply.id, reason: "contribution_author", category: "contribution_reply", payload: {} });
    expect(await countUnreadNotifications(me.id)).toBe(3);

    await db.update(proposals).set({ hiddenAt: new Date() });
    expect((await listNotifications(me.id)).items.map((i) => i.reason)).toEqual(["author"]);
    expect(await countUnreadNotifications(me.id)).toBe(1);

    await db.update(proposals).set({ hiddenAt: null });
    await db.update(contributions).set({ hiddenAt: new Date() }).where(eq(contributions.id, reply.id));
    expect((await listNotifications(me.id)).items.map((i) => i.reason).sort()).toEqual(["author", "supporter"]);
  });

  test("cursors are checked before they reach the database", () => {
    expect(parseNotificationCursor("1735689600123456_0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f")).toEqual({ micros: "1735689600123456", id: "0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f" });
    for (const bad of ["", "1_2", "abc_0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f", "1'--_0b7c6f1e-2d3a-4c5b-9e8f-7a6b5c4d3e2f", "9".repeat(30)]) expect(parseNotificationCursor(bad)).toBeNull();
  });
});

describe("countUnreadNotifications", () => {
  test("unread ones only, the person's own, counted up to 100", async () => {
    const me = await insertUser(db, { password: null });
    const other = await insertUser(db, { password: null });
    await insertNotice(db, { userId: me.id });
    await insertNotice(db, { userId: me.id, readAt: new Date() });
    await insertNotice(db, { userId: other.id });
    expect(await countUnreadNotifications(me.id)).toBe(1);
    for (let i = 0; i < 110; i++) await insertNotice(db, { userId: other.id });
    expect(await countUnreadNotifications(other.id)).toBe(100);
  });
});

describe("cost", () => {
  // A table shaped like real use: many people, each with a long history, few notices unread.
  test("the bell's count reads the unread partial index, the page the person's index; never a scan of the table (EXPLAIN)", { timeout: 60_000 }, async () => {
    await db.execute(sql`insert into users (id, email, display_name) select 'many-' || u, 'many-' || u || '@example.org', 'P ' || u from generate_series(1, 60) u`);
    await db.execute(sql`insert into notification_events (kind, payload, created_at, fanned_out_at) select 'proposal_step', '{"step":"progress"}', now() - e * interval '1 hour', now() from generate_series(1, 400) e`);
    await db.execute(sql`
      insert into notifications (user_id, event_id, category, reason, created_at, read_at)
      select u.id, e.id, 'followed_proposal', 'follower', e.created_at, case when random() < 0.97 then e.created_at end
        from users u cross join notification_events e where u.id like 'many-%'`);
    await db.execute(sql`analyze notifications`);
    await db.execute(sql`analyze notification_events`);
    const plan = async (query: { getSQL: () => SQL }) => {
      const result = (await db.execute(sql`explain ${query.getSQL()}`)) as unknown as Record<string, string>[] | { rows: Record<string, string>[] };
      return (Array.isArray(result) ? result : result.rows).map((r) => r["QUERY PLAN"]).join("\n");
    };
    const count = await plan(unreadCountQuery("many-7"));
    expect(count).toContain("notifications_unread_idx");
    expect(count).not.toMatch(/Seq Scan on notifications/);
    const page = await plan(notificationPageQuery("many-7", null, 21));
    expect(page).toMatch(/notifications_user_idx|notifications_user_event_unique/);
    expect(page).not.toMatch(/Seq Scan on notifications/);
  });
});
