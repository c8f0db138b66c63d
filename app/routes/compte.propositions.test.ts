import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { supports } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { handle, loader } from "./compte.propositions.tsx";

const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 10));

async function signedIn() {
  const user = await insertUser(db, { password: null });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const load = (query: string, cookie?: string) => settle(loader(loaderArgs(getRequest(`/compte/propositions${query}`, { cookie }))));

describe("/compte/propositions", () => {
  test("anonymous visitors are sent to sign in, and back here after", async () => {
    const response = await load("?liste=soutiens");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte%2Fpropositions%3Fliste%3Dsoutiens");
  });

  test("each list, paged by 20; only the person's own", async () => {
    const { user, cookie } = await signedIn();
    const other = await insertUser(db, { password: null });
    for (let i = 0; i < 22; i++) await insertProposal(db, { authorId: user.id, createdAt: day(i) });
    const theirs = await insertProposal(db, { authorId: other.id, title: "La sienne" });
    await db.insert(supports).values({ proposalId: theirs.id, userId: user.id });

    const first = await (await load("", cookie)).json();
    expect(first).toMatchObject({ kind: "authored", page: 1, pageCount: 2, total: 22, title: "Mes propositions · Mes propositions, soutiens et suivis" });
    expect(first.items).toHaveLength(20);
    const second = await (await load("?liste=propositions&page=2", cookie)).json();
    expect(second.items).toHaveLength(2);
    // Past the end: the last page.
    expect(await (await load("?page=50", cookie)).json()).toMatchObject({ page: 2, items: [expect.anything(), expect.anything()] });
    const supported = await (await load("?liste=soutiens", cookie)).json();
    expect(supported).toMatchObject({ kind: "supported", total: 1, items: [{ id: theirs.id }] });
    expect(await (await load("?liste=suivis", cookie)).json()).toMatchObject({ kind: "followed", total: 0, items: [] });
    expect(handle.hydrate).toBe(false);
  });

  test.each(["?liste=toutes", "?page=-1", "?page=abc", "?page=1e3", "?liste[]=x&page=%00"])("odd address %s: the first page of my proposals", async (query) => {
    const { cookie } = await signedIn();
    const response = await load(query, cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "authored", page: 1 });
  });
});
