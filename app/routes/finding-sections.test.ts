/** The "proposals" sections that finding adds to the ambition, quartier and account pages. */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as ambition from "./ambitions.$numero.tsx";
import * as account from "./compte._index.tsx";
import * as quartier from "./quartiers.$code.tsx";

const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 10));
type Item = { id: string; title: string };

async function someProposals() {
  const author = (await insertUser(db, { password: null })).id;
  const rows = [];
  for (let i = 0; i < 7; i++) rows.push(await insertProposal(db, { authorId: author, title: `Idée ${i}`, ambitionNumber: 8, quartierCode: "QP062024", createdAt: day(i) }));
  const qualified = await insertProposal(db, { authorId: author, title: "Qualifiée", ambitionNumber: 8, quartierCode: "QP062028", status: "qualified", createdAt: day(0) });
  await insertProposal(db, { authorId: author, title: "Brouillon", ambitionNumber: 8, quartierCode: "QP062024", status: "draft", createdAt: day(20) });
  const hidden = await insertProposal(db, { authorId: author, title: "Masquée", ambitionNumber: 8, quartierCode: "QP062024", createdAt: day(21) });
  await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
  return { rows, qualified };
}

describe("the ambition page", () => {
  test("its 5 latest public proposals, how many in all and how many wait for an answer", async () => {
    const { rows } = await someProposals();
    const data = await (await settle(ambition.loader(loaderArgs(getRequest("/ambitions/8"), { numero: "8" })))).json();
    expect(data.proposals).toMatchObject({ total: 8, awaiting: 1 });
    expect(data.proposals.items.map((i: Item) => i.id)).toEqual(rows.slice(2).reverse().map((r) => r.id));
    expect(ambition.handle.i18n).toContain("finding");
  });

  test("an ambition without proposals: none, zero", async () => {
    await someProposals();
    const data = await (await settle(ambition.loader(loaderArgs(getRequest("/ambitions/12"), { numero: "12" })))).json();
    expect(data.proposals).toEqual({ items: [], total: 0, awaiting: 0 });
  });
});

describe("the quartier page", () => {
  test("its latest public proposals and counts", async () => {
    const { qualified } = await someProposals();
    const one = await (await settle(quartier.loader(loaderArgs(getRequest("/quartiers/QP062028"), { code: "QP062028" })))).json();
    expect(one.proposals).toMatchObject({ total: 1, awaiting: 1 });
    expect(one.proposals.items.map((i: Item) => i.id)).toEqual([qualified.id]);
    const busy = await (await settle(quartier.loader(loaderArgs(getRequest("/quartiers/QP062024"), { code: "QP062024" })))).json();
    expect(busy.proposals).toMatchObject({ total: 7, awaiting: 0 });
    expect(busy.proposals.items).toHaveLength(5);
    expect(busy.proposals.items.map((i: Item) => i.title)).not.toContain("Brouillon");
  });
});

describe("the account page", () => {
  test("my proposals (drafts too), my supports and what I follow; never another person's", async () => {
    const me = await insertUser(db, { password: null });
    const other = await insertUser(db, { password: null });
    const mine = await insertProposal(db, { authorId: me.id, title: "Ma proposition", createdAt: day(1) });
    const myDraft = await insertProposal(db, { authorId: me.id, title: "Mon brouillon", status: "draft", createdAt: day(2) });
    const theirs = await insertProposal(db, { authorId: other.id, title: "La sienne" });
    await db.insert(supports).values([
      { proposalId: theirs.id, userId: me.id },
      { proposalId: mine.id, userId: other.id },
    ]);
    await db.insert(proposalFollows).values([
      { proposalId: mine.id, userId: me.id },
      { proposalId: theirs.id, userId: other.id },
    ]);
    const data = await (await settle(account.loader(loaderArgs(getRequest("/compte", { cookie: await sessionCookieFor(me.id) }))))).json();
    expect(data.proposals.authored.total).toBe(2);
    expect(data.proposals.authored.items.map((i: Item & { status: string }) => [i.id, i.status])).toEqual([
      [myDraft.id, "draft"],
      [mine.id, "published"],
    ]);
    expect(data.proposals.supported.items.map((i: Item) => i.id)).toEqual([theirs.id]);
    expect(data.proposals.followed.items.map((i: Item) => i.id)).toEqual([mine.id]);
    const hers = await (await settle(account.loader(loaderArgs(getRequest("/compte", { cookie: await sessionCookieFor(other.id) }))))).json();
    expect(hers.proposals.authored.items.map((i: Item) => i.id)).toEqual([theirs.id]);
    expect(hers.proposals.supported.items.map((i: Item) => i.id)).toEqual([mine.id]);
  });
});
