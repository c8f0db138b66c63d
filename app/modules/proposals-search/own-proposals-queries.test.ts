import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getOwnProposalsOverview, listOwnProposals, OWN_PAGE_SIZE } from "./own-proposals-queries.server.ts";

const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 10));

async function people() {
  const me = await insertUser(db, { password: null });
  const other = await insertUser(db, { password: null });
  return { me: me.id, other: other.id };
}

describe("what I wrote", () => {
  test("my proposals in every state, drafts and hidden ones included (flagged), newest first; never another's", async () => {
    const { me, other } = await people();
    const published = await insertProposal(db, { authorId: me, title: "Publiée", createdAt: day(1) });
    const draft = await insertProposal(db, { authorId: me, title: "Brouillon", status: "draft", createdAt: day(3) });
    const hidden = await insertProposal(db, { authorId: me, title: "Masquée", createdAt: day(2) });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    const withdrawn = await insertProposal(db, { authorId: me, title: "Retirée", status: "withdrawn", createdAt: day(0) });
    await insertProposal(db, { authorId: other, title: "Pas à moi", createdAt: day(4) });

    const list = await listOwnProposals(me, "authored");
    expect(list.total).toBe(4);
    expect(list.items.map((i) => [i.id, i.status, i.hidden])).toEqual([
      [draft.id, "draft", false],
      [hidden.id, "published", true],
      [published.id, "published", false],
      [withdrawn.id, "withdrawn", false],
    ]);
    // A draft shows when it was created (it has no publication date).
    expect(list.items[0]!.date).toBe("2025-03-04T10:00:00.000000Z");
  });

  test("pages of 20; a page past the end is empty, the count stays", async () => {
    const { me } = await people();
    for (let i = 0; i < OWN_PAGE_SIZE + 3; i++) await insertProposal(db, { authorId: me, createdAt: day(i) });
    expect((await listOwnProposals(me, "authored")).items).toHaveLength(OWN_PAGE_SIZE);
    expect((await listOwnProposals(me, "authored", { page: 2 })).items).toHaveLength(3);
    expect(await listOwnProposals(me, "authored", { page: 99_999 })).toMatchObject({ items: [], total: OWN_PAGE_SIZE + 3 });
  });
});

describe("what I support and follow", () => {
  test("latest first; another's draft or hidden proposal is left out, a withdrawn one stays; only mine", async () => {
    const { me, other } = await people();
    const open = await insertProposal(db, { authorId: other, title: "Ouverte" });
    const withdrawn = await insertProposal(db, { authorId: other, title: "Retirée", status: "withdrawn" });
    const hidden = await insertProposal(db, { authorId: other, title: "Masquée" });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    const draft = await insertProposal(db, { authorId: other, title: "Brouillon", status: "draft" });
    const notMine = await insertProposal(db, { authorId: other, title: "Soutenue par l'autre" });
    for (const [table, rows] of [
      [supports, [open, withdrawn, hidden, draft]],
      [proposalFollows, [withdrawn, open, hidden]],
    ] as const) {
      for (const [i, row] of rows.entries()) await db.insert(table).values({ proposalId: row.id, userId: me, createdAt: day(i) });
      await db.insert(table).values({ proposalId: notMine.id, userId: other });
    }

    const supported = await listOwnProposals(me, "supported");
    expect(supported).toMatchObject({ total: 2 });
    expect(supported.items.map((i) => i.id)).toEqual([withdrawn.id, open.id]);
    const followed = await listOwnProposals(me, "followed");
    expect(followed.items.map((i) => i.id)).toEqual([open.id, withdrawn.id]);
    expect(supported.items[0]).not.toHaveProperty("hidden");

    const overview = await getOwnProposalsOverview(me, 1);
    expect(overview.authored).toEqual({ items: [], total: 0 });
    expect(overview.supported.total).toBe(2);
    expect(overview.supported.items.map((i) => i.id)).toEqual([withdrawn.id]);
    expect(overview.followed.items).toHaveLength(1);
  });
});
