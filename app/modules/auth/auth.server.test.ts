import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { communes, roleGrants, sessions } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, sessionCookieFor } from "#tests/helpers/request.ts";
import { can } from "./permissions.ts";
import { getViewer } from "./auth.server.ts";

describe("getViewer", () => {
  test("anonymous, an unknown session, or an expired one: no viewer", async () => {
    expect(await getViewer(getRequest("/"))).toBeNull();
    expect(await getViewer(getRequest("/", { cookie: "labo_session=nope" }))).toBeNull();
    const user = await insertUser(db, { password: null });
    const cookie = await sessionCookieFor(user.id);
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    expect(await getViewer(getRequest("/", { cookie }))).toBeNull();
  });

  test("the account and its role grants come with the session", async () => {
    const [commune] = await db.select({ slug: communes.slug }).from(communes).limit(1);
    const user = await insertUser(db, { password: null, roles: [{ role: "moderator" }, { role: "ambassador", communeSlug: commune!.slug }] });
    const viewer = await getViewer(getRequest("/", { cookie: await sessionCookieFor(user.id) }));
    expect(viewer).toMatchObject({ id: user.id, email: user.email, displayName: user.displayName, locale: "fr", emailVerified: true, suspendedUntil: null });
    expect(viewer!.roles).toHaveLength(2);
    expect(viewer!.roles).toEqual(
      expect.arrayContaining([
        { role: "moderator", communeSlug: null, quartierCode: null },
        { role: "ambassador", communeSlug: commune!.slug, quartierCode: null },
      ]),
    );
  });

  test("a person without a grant has no roles", async () => {
    const user = await insertUser(db, { password: null });
    expect((await getViewer(getRequest("/", { cookie: await sessionCookieFor(user.id) })))!.roles).toEqual([]);
  });

  test("a grant or a revocation counts from the next request, with the same session", async () => {
    const user = await insertUser(db, { password: null });
    const cookie = await sessionCookieFor(user.id);
    const first = await getViewer(getRequest("/", { cookie }));
    expect(can(first, "moderation.act")).toBe(false);

    await db.insert(roleGrants).values({ userId: user.id, role: "moderator" });
    const granted = await getViewer(getRequest("/", { cookie }));
    expect(granted!.roles).toEqual([{ role: "moderator", communeSlug: null, quartierCode: null }]);
    expect(can(granted, "moderation.act")).toBe(true);

    await db.delete(roleGrants).where(and(eq(roleGrants.userId, user.id), eq(roleGrants.role, "moderator")));
    const revoked = await getViewer(getRequest("/", { cookie }));
    expect(revoked!.roles).toEqual([]);
    expect(can(revoked, "moderation.act")).toBe(false);
  });
});
