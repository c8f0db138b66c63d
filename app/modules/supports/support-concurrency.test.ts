import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, dbHandle } from "#app/db.server.ts";
import { emailOutbox, proposalEvents, proposals, supports, users } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { supportProposal, type Participant } from "./support-proposal.server.ts";
import { withdrawSupport } from "./withdraw-support.server.ts";

/** Many verified people at once (one insert: the factory hashes passwords one by one). */
async function people(count: number): Promise<Participant[]> {
  const rows = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), email: `soutien.${i}.${randomUUID()}@example.org`, displayName: `Habitant ${i}`, emailVerifiedAt: new Date() }));
  await db.insert(users).values(rows);
  return rows.map((r) => ({ id: r.id, emailVerified: true, roles: [] }));
}

async function counts(proposalId: string) {
  const [proposal] = await db.select({ supportCount: proposals.supportCount, status: proposals.status }).from(proposals).where(eq(proposals.id, proposalId));
  const [{ rows }] = (await db.select({ rows: sql<number>`count(*)::int` }).from(supports).where(eq(supports.proposalId, proposalId))) as [{ rows: number }];
  return { ...proposal!, rows };
}

/** A small deterministic generator: the same mix of supports and withdrawals on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// These run on PGlite (one connection: transactions queue) and on PostgreSQL (DATABASE_URL: a pool of
// 10 connections, so transactions really interleave and the row locks and unique key do the work).
describe(`concurrent supports (${dbHandle.engine})`, () => {
  test("200 people supporting at once: exactly 200 rows, a count of 200, one qualification and one email", async () => {
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, ambitionNumber: 8 }); // threshold 25 (seeded default)
    const crowd = await people(200);

    const results = await Promise.all(crowd.map((viewer) => supportProposal({ viewer, proposalId: proposal.id })));

    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(await counts(proposal.id)).toEqual({ supportCount: 200, rows: 200, status: "qualified" });
    expect(results.filter((r) => r.status === "ok" && r.justQualified)).toHaveLength(1);
    const events = await db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, proposal.id), eq(proposalEvents.kind, "qualified")));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ threshold: 25, supports: 25 });
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.to, author.email))).toHaveLength(1);
    // Every count answered is distinct: each request saw its own increment.
    const answered = results.map((r) => (r.status === "ok" ? r.supportCount : 0)).sort((a, b) => a - b);
    expect(answered).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  test("the same people sending their support several times at once still count once each", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const crowd = await people(50);
    await Promise.all([...crowd, ...crowd, ...crowd, ...crowd].map((viewer) => supportProposal({ viewer, proposalId: proposal.id })));
    expect(await counts(proposal.id)).toMatchObject({ supportCount: 50, rows: 50 });
  });

  test("200 supports and withdrawals mixed at once leave the count equal to the rows", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const crowd = await people(40);
    // Half of them supported before the storm, so withdrawals have something to remove.
    for (const viewer of crowd.slice(0, 20)) await supportProposal({ viewer, proposalId: proposal.id });
    const next = random(2030);
    const toggles = Array.from({ length: 200 }, () => {
      const viewer = crowd[Math.floor(next() * crowd.length)]!;
      return next() < 0.5 ? supportProposal({ viewer, proposalId: proposal.id }) : withdrawSupport({ viewer, proposalId: proposal.id });
    });

    const results = await Promise.all(toggles);

    expect(results.every((r) => r.status === "ok")).toBe(true);
    const after = await counts(proposal.id);
    expect(after.supportCount).toBe(after.rows);
    expect(after.rows).toBeGreaterThan(0);
  });

  test("a proposal withdrawn while supports arrive keeps a count equal to its rows", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const crowd = await people(60);
    const storm = crowd.map((viewer) => supportProposal({ viewer, proposalId: proposal.id }));
    const withdrawal = db.update(proposals).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(proposals.id, proposal.id));
    const results = await Promise.all([...storm.slice(0, 30), withdrawal, ...storm.slice(30)]);

    const after = await counts(proposal.id);
    expect(after.status).toBe("withdrawn");
    expect(after.supportCount).toBe(after.rows);
    const accepted = results.filter((r) => typeof r === "object" && r !== null && "status" in r && r.status === "ok");
    expect(accepted).toHaveLength(after.rows);
  });
});
