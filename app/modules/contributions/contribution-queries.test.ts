import { eq } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { proposals, users } from "#db/schema/index.ts";
import { insertContribution, insertContributions } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { addContribution } from "./add-contribution.server.ts";
import { PAGE_SIZE } from "./contribution-params.ts";
import { getContributionsSection, locateContribution, proposalAcceptsThread } from "./contribution-queries.server.ts";
import { deleteContribution } from "./delete-contribution.server.ts";
import { setContributionUseful } from "./mark-contribution-useful.server.ts";

const viewerOf = (user: { id: string }) => ({ id: user.id, emailVerified: true, roles: [] });
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function setup() {
  const author = await insertUser(db, { password: null, displayName: "Sophie (autrice)" });
  const nadia = await insertUser(db, { password: null, displayName: "Nadia" });
  const karim = await insertUser(db, { password: null, displayName: "Karim" });
  const proposal = await insertProposal(db, { authorId: author.id });
  return { author, nadia, karim, proposal };
}

async function post(user: { id: string }, proposalId: string, body: string, extra: { stance?: "for" | "against" | "question" | "testimony" | null; parentId?: string | null } = {}) {
  const result = await addContribution({ viewer: viewerOf(user), proposalId, input: { body, stance: extra.stance ?? null, parentId: extra.parentId ?? null } });
  if (result.status !== "ok") throw new Error(result.status);
  return result.contribution.id;
}

/**
 * Counts the SQL statements run while `run` runs: both drivers send every statement, built for the
 * occasion or prepared once (prepared-queries.server.ts), through PgPreparedQuery.queryWithCache.
 */
async function countQueries<T>(run: () => Promise<T>) {
  const spy = vi.spyOn(PgPreparedQuery.prototype as unknown as { queryWithCache: (sql: string, ...rest: unknown[]) => Promise<unknown> }, "queryWithCache");
  try {
    const result = await run();
    return { result, queries: spy.mock.calls.map((call) => call[0]) };
  } finally {
    spy.mockRestore();
  }
}

describe("getContributionsSection", () => {
  test("the thread oldest first, with replies, names, stances, the author's tag and the viewer's marks", async () => {
    const { author, nadia, karim, proposal } = await setup();
    const first = await post(nadia, proposal.id, "Il faudrait un point d'eau.", { stance: "for" });
    const second = await post(karim, proposal.id, "Qui paiera l'entretien ?", { stance: "question" });
    const reply = await post(author, proposal.id, "La ville s'y est engagée.", { parentId: second });
    await setContributionUseful({ viewer: viewerOf(nadia), contributionId: second, marked: true });

    const section = await getContributionsSection({ proposalId: proposal.id, viewerId: nadia.id });
    expect(section).toMatchObject({ proposalId: proposal.id, total: 3, open: true, sort: "date", page: 1, pageCount: 1 });
    expect(section!.items.map((i) => i.id)).toEqual([first, second]);
    expect(section!.items[0]).toMatchObject({ state: "visible", body: "Il faudrait un point d'eau.", stance: "for", authorName: "Nadia", own: true, byProposalAuthor: false, markedUseful: false, replies: [] });
    expect(section!.items[0]!.editableUntil).toEqual(expect.any(String));
    expect(section!.items[1]).toMatchObject({ authorName: "Karim", own: false, usefulCount: 1, markedUseful: true, editableUntil: null });
    expect(section!.items[1]!.replies).toEqual([expect.objectContaining({ id: reply, parentId: second, body: "La ville s'y est engagée.", authorName: "Sophie (autrice)", byProposalAuthor: true, stance: null })]);
  });

  test("by usefulness: most useful first, then oldest; replies stay in date order", async () => {
    const { author, nadia, karim, proposal } = await setup();
    const [a, b, c] = await insertContributions(db, [
      { proposalId: proposal.id, authorId: nadia.id, usefulCount: 1, createdAt: minutesAgo(30) },
      { proposalId: proposal.id, authorId: karim.id, usefulCount: 5, createdAt: minutesAgo(20) },
      { proposalId: proposal.id, authorId: author.id, usefulCount: 1, createdAt: minutesAgo(10) },
    ]);
    // A deleted one sinks whatever its count.
    const gone = await insertContribution(db, { proposalId: proposal.id, authorId: nadia.id, usefulCount: 9, createdAt: minutesAgo(40), deletedAt: new Date() });
    const useful = await getContributionsSection({ proposalId: proposal.id, viewerId: null, sort: "useful" });
    expect(useful!.items.map((i) => i.id)).toEqual([b!.id, a!.id, c!.id, gone.id]);
    const byDate = await getContributionsSection({ proposalId: proposal.id, viewerId: null, sort: "date" });
    expect(byDate!.items.map((i) => i.id)).toEqual([gone.id, a!.id, b!.id, c!.id]);
  });

  test("deleted and hidden contributions keep their place, never their words, author or stance", async () => {
    const { author, nadia, karim, proposal } = await setup();
    const top = await post(nadia, proposal.id, "Un texte que je regrette.", { stance: "against" });
    await post(karim, proposal.id, "Je ne suis pas d'accord avec vous.", { parentId: top });
    await deleteContribution({ viewerId: nadia.id, contributionId: top });
    const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: karim.id, body: "Propos injurieux.", hiddenAt: new Date() });
    await insertContribution(db, { proposalId: proposal.id, authorId: author.id, parentId: hidden.id, body: "Réponse à un texte masqué." });
    const deletedReply = await insertContribution(db, { proposalId: proposal.id, authorId: karim.id, parentId: hidden.id, body: "Réponse effacée.", deletedAt: new Date() });

    for (const viewerId of [null, nadia.id, karim.id]) {
      const section = await getContributionsSection({ proposalId: proposal.id, viewerId });
      const json = JSON.stringify(section);
      expect(json).not.toContain("Un texte que je regrette.");
      expect(json).not.toContain("Propos injurieux.");
      expect(json).not.toContain("Réponse effacée.");
      expect(section!.items[0]).toMatchObject({ id: top, state: "deleted", body: null, stance: null, authorName: null, own: false, editableUntil: null });
      expect(section!.items[0]!.replies[0]).toMatchObject({ state: "visible", body: "Je ne suis pas d'accord avec vous." });
      expect(section!.items[1]).toMatchObject({ id: hidden.id, state: "hidden", body: null, authorName: null });
      expect(section!.items[1]!.replies.map((r) => [r.body, r.state])).toEqual([
        ["Réponse à un texte masqué.", "visible"],
        [null, "deleted"],
      ]);
      expect(section!.items[1]!.replies[1]!.id).toBe(deletedReply.id);
    }
  });

  test("the edit window shows only to the author, within 15 minutes, on an open proposal", async () => {
    const { nadia, karim, proposal } = await setup();
    const recent = await insertContribution(db, { proposalId: proposal.id, authorId: nadia.id, createdAt: minutesAgo(5) });
    const old = await insertContribution(db, { proposalId: proposal.id, authorId: nadia.id, createdAt: minutesAgo(16) });
    const mine = await getContributionsSection({ proposalId: proposal.id, viewerId: nadia.id });
    const until = new Date(recent.createdAt.getTime() + 15 * 60_000).toISOString();
    expect(mine!.items.map((i) => [i.id, i.editableUntil])).toEqual([
      [old.id, null],
      [recent.id, until],
    ]);
    const theirs = await getContributionsSection({ proposalId: proposal.id, viewerId: karim.id });
    expect(theirs!.items.every((i) => i.editableUntil === null && !i.own)).toBe(true);
    await db.update(proposals).set({ status: "withdrawn" }).where(eq(proposals.id, proposal.id));
    const closed = await getContributionsSection({ proposalId: proposal.id, viewerId: nadia.id });
    expect(closed).toMatchObject({ open: false });
    expect(closed!.items.every((i) => i.editableUntil === null)).toBe(true);
  });

  test("a deleted account shows no name", async () => {
    const { nadia, proposal } = await setup();
    await post(nadia, proposal.id, "Un avis.");
    await db.delete(users).where(eq(users.id, nadia.id));
    const section = await getContributionsSection({ proposalId: proposal.id, viewerId: null });
    expect(section!.items[0]).toMatchObject({ state: "visible", authorName: null, body: "Un avis." });
  });

  test("an unknown proposal is null", async () => {
    expect(await getContributionsSection({ proposalId: "00000000-0000-4000-8000-000000000000", viewerId: null })).toBeNull();
  });

  test("200 contributions: three queries, pages of 50 with all their replies, fast", async () => {
    const { author, proposal } = await setup();
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => insertUser(db, { password: null, displayName: `Voisin ${i}` })));
    const start = Date.now() - 200 * 60_000;
    const tops = await insertContributions(
      db,
      Array.from({ length: 120 }, (_, i) => ({ proposalId: proposal.id, authorId: people[i % 10]!.id, stance: "for" as const, usefulCount: i % 7, createdAt: new Date(start + i * 60_000) })),
    );
    await insertContributions(
      db,
      Array.from({ length: 80 }, (_, i) => ({ proposalId: proposal.id, authorId: i % 2 ? author.id : people[i % 10]!.id, parentId: tops[i % 60]!.id, createdAt: new Date(start + (120 + i) * 60_000) })),
    );
    await db.update(proposals).set({ contributionCount: 200 }).where(eq(proposals.id, proposal.id));

    const began = performance.now();
    const { result: section, queries } = await countQueries(() => getContributionsSection({ proposalId: proposal.id, viewerId: people[0]!.id, sort: "useful" }));
    const elapsed = performance.now() - began;
    expect(queries).toHaveLength(3);
    expect(section).toMatchObject({ total: 200, page: 1, pageCount: 3 });
    expect(section!.items).toHaveLength(PAGE_SIZE);
    const second = await getContributionsSection({ proposalId: proposal.id, viewerId: null, sort: "date", page: 2 });
    expect(second!.items[0]!.id).toBe(tops[50]!.id);
    // Reply i went to top-level contribution i % 60: page 2 (the 51st to 100th) holds the 10 replies of tops 50–59.
    expect(second!.items.reduce((n, i) => n + i.replies.length, 0)).toBe(10);
    const all = await Promise.all([1, 2, 3].map((page) => getContributionsSection({ proposalId: proposal.id, viewerId: null, page })));
    expect(all.flatMap((s) => s!.items.map((i) => i.id))).toEqual(tops.map((t) => t.id));
    expect(all.reduce((n, s) => n + s!.items.reduce((m, i) => m + i.replies.length, 0), 0)).toBe(80);
    // Generous: the point is "not seconds" on a slow shared machine with the embedded engine.
    expect(elapsed).toBeLessThan(1500);
  });

  test("a page past the end shows the last page", async () => {
    const { nadia, proposal } = await setup();
    await post(nadia, proposal.id, "Seule contribution.");
    const section = await getContributionsSection({ proposalId: proposal.id, viewerId: null, page: 7 });
    expect(section).toMatchObject({ page: 1, pageCount: 1 });
    expect(section!.items).toHaveLength(1);
  });
});

describe("locateContribution", () => {
  test("finds the page of a contribution's thread in the default view", async () => {
    const { nadia, proposal } = await setup();
    const start = Date.now() - 100 * 60_000;
    const tops = await insertContributions(db, Array.from({ length: 60 }, (_, i) => ({ proposalId: proposal.id, authorId: nadia.id, createdAt: new Date(start + i * 60_000) })));
    const reply = await insertContribution(db, { proposalId: proposal.id, authorId: nadia.id, parentId: tops[55]!.id });
    expect(await locateContribution(tops[0]!.id)).toEqual({ proposalId: proposal.id, threadId: tops[0]!.id, page: 1 });
    expect(await locateContribution(tops[49]!.id)).toMatchObject({ page: 1 });
    expect(await locateContribution(tops[50]!.id)).toMatchObject({ page: 2 });
    expect(await locateContribution(reply.id)).toEqual({ proposalId: proposal.id, threadId: tops[55]!.id, page: 2 });
    expect(await locateContribution("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

test("proposalAcceptsThread: published yes, draft and unknown no", async () => {
  const { author, proposal } = await setup();
  const draft = await insertProposal(db, { authorId: author.id, status: "draft" });
  expect(await proposalAcceptsThread(proposal.id)).toBe(true);
  expect(await proposalAcceptsThread(draft.id)).toBe(false);
  expect(await proposalAcceptsThread("00000000-0000-4000-8000-000000000000")).toBe(false);
});
