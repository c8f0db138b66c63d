import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { isCounted, isOverdue, overdueBefore } from "#app/modules/governance/answer-deadline.ts";
import { setSetting } from "#app/modules/settings/platform-settings.server.ts";
import { PROPOSAL_STATUSES, proposals, type ProposalStatus } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { answerCountersQuery, COUNTED_SQL, getAnswerCounters, type CounterScope } from "./answer-counters.server.ts";

const DAY = 24 * 3600_000;
const NOW = new Date("2027-06-15T12:00:00.000Z");
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY - ms);

type Shape = {
  title?: string;
  status?: ProposalStatus;
  qualifiedAt?: Date | null;
  answeredAt?: Date | null;
  hiddenAt?: Date | null;
  ambitionNumber?: number;
  quartierCode?: string | null;
};

async function proposal(shape: Shape) {
  const row = await insertProposal(db, { authorId: null, title: shape.title, ambitionNumber: shape.ambitionNumber ?? 8, quartierCode: shape.quartierCode, status: shape.status ?? "qualified" });
  const [updated] = await db
    .update(proposals)
    .set({ qualifiedAt: shape.qualifiedAt === undefined ? ago(10) : shape.qualifiedAt, answeredAt: shape.answeredAt ?? null, hiddenAt: shape.hiddenAt ?? null })
    .where(eq(proposals.id, row.id))
    .returning();
  return updated!;
}

describe("the counted rule", () => {
  test("the SQL fragment and isCounted agree on every combination of qualification, moderation and status", async () => {
    const rows = [];
    for (const qualifiedAt of [null, ago(3)]) {
      for (const hiddenAt of [null, ago(1)]) {
        for (const status of PROPOSAL_STATUSES) rows.push(await proposal({ status, qualifiedAt, hiddenAt }));
      }
    }
    expect(rows).toHaveLength(2 * 2 * PROPOSAL_STATUSES.length);
    const counted = await db.select({ id: proposals.id }).from(proposals).where(COUNTED_SQL);
    const expected = rows.filter((r) => isCounted(r)).map((r) => r.id);
    expect(counted.map((r) => r.id).sort()).toEqual(expected.sort());
    // Not vacuous: some rows count, most do not.
    expect(expected.length).toBe(PROPOSAL_STATUSES.length - 2);
  });
});

describe("getAnswerCounters", () => {
  test("the counts equal the rows, for the territory, an ambition and a quartier; hidden, withdrawn, merged and unqualified rows left out", async () => {
    const rows = [
      await proposal({ qualifiedAt: ago(200), ambitionNumber: 8, quartierCode: "QP062024" }), // overdue
      await proposal({ qualifiedAt: ago(130), ambitionNumber: 3, quartierCode: "QP062024", status: "under_review" }), // overdue
      await proposal({ qualifiedAt: ago(20), ambitionNumber: 8, quartierCode: "QP062028", status: "on_copil_agenda" }),
      await proposal({ qualifiedAt: ago(5), ambitionNumber: 8, quartierCode: null }),
      await proposal({ qualifiedAt: ago(300), answeredAt: ago(100), ambitionNumber: 8, quartierCode: "QP062024", status: "decided" }),
      await proposal({ qualifiedAt: ago(150), answeredAt: ago(2), ambitionNumber: 3, quartierCode: "QP062028", status: "answered" }),
      await proposal({ qualifiedAt: ago(400), hiddenAt: ago(1), ambitionNumber: 8, quartierCode: "QP062024" }),
      await proposal({ qualifiedAt: ago(400), ambitionNumber: 8, quartierCode: "QP062024", status: "withdrawn" }),
      await proposal({ qualifiedAt: ago(400), ambitionNumber: 8, quartierCode: "QP062024", status: "merged" }),
      await proposal({ qualifiedAt: null, ambitionNumber: 8, quartierCode: "QP062024", status: "published" }),
    ];
    const expectFor = (keep: (r: (typeof rows)[number]) => boolean) => {
      const counted = rows.filter((r) => isCounted(r) && keep(r));
      return {
        qualified: counted.length,
        answered: counted.filter((r) => r.answeredAt !== null).length,
        waiting: counted.filter((r) => r.answeredAt === null).length,
        overdue: counted.filter((r) => isOverdue(r, 120, NOW)).length,
      };
    };
    const scopes: [CounterScope, (r: (typeof rows)[number]) => boolean][] = [
      [{ kind: "territory" }, () => true],
      [{ kind: "ambition", ambitionNumber: 8 }, (r) => r.ambitionNumber === 8],
      [{ kind: "ambition", ambitionNumber: 3 }, (r) => r.ambitionNumber === 3],
      [{ kind: "ambition", ambitionNumber: 12 }, (r) => r.ambitionNumber === 12],
      [{ kind: "quartier", quartierCode: "QP062024" }, (r) => r.quartierCode === "QP062024"],
      [{ kind: "quartier", quartierCode: "QP062028" }, (r) => r.quartierCode === "QP062028"],
    ];
    for (const [scope, keep] of scopes) {
      const counters = await getAnswerCounters(scope, { now: NOW });
      expect({ qualified: counters.qualified, answered: counters.answered, waiting: counters.waiting, overdue: counters.overdue }, JSON.stringify(scope)).toEqual(expectFor(keep));
    }
    expect(await getAnswerCounters({ kind: "territory" }, { now: NOW })).toMatchObject({ qualified: 6, answered: 2, waiting: 4, overdue: 2, deadlineDays: 120 });
  });

  test("overdue starts just after the deadline set by the administrator (a proposal qualified exactly at the boundary is not late yet)", async () => {
    const admin = await insertUser(db, { password: null, roles: [{ role: "administrator" }] });
    await setSetting("governance.answerDeadlineDays", 30, admin.id);
    await proposal({ title: "Pile à l'heure", qualifiedAt: ago(30) });
    await proposal({ title: "Une milliseconde de trop", qualifiedAt: ago(30, 1) });
    await proposal({ title: "Récente", qualifiedAt: ago(29) });
    const counters = await getAnswerCounters({ kind: "territory" }, { now: NOW });
    expect(counters).toMatchObject({ qualified: 3, waiting: 3, overdue: 1, deadlineDays: 30 });
    expect(counters.longest.map((w) => [w.title, w.overdue])).toEqual([
      ["Une milliseconde de trop", true],
      ["Pile à l'heure", false],
      ["Récente", false],
    ]);
    // The same rule as isOverdue, at the same instant.
    expect(overdueBefore(30, NOW).toISOString()).toBe(ago(30).toISOString());
  });

  test("the longest waits: the three oldest unanswered counted proposals, oldest first, with the days waited; never a hidden one", async () => {
    await proposal({ title: "Masquée", qualifiedAt: ago(500), hiddenAt: ago(1) });
    await proposal({ title: "Retirée", qualifiedAt: ago(450), status: "withdrawn" });
    await proposal({ title: "Répondue", qualifiedAt: ago(400), answeredAt: ago(3), status: "answered" });
    const oldest = await proposal({ title: "La plus ancienne", qualifiedAt: ago(250) });
    await proposal({ title: "Deuxième", qualifiedAt: ago(90) });
    await proposal({ title: "Troisième", qualifiedAt: ago(12) });
    await proposal({ title: "Quatrième", qualifiedAt: ago(2) });
    const { longest } = await getAnswerCounters({ kind: "territory" }, { now: NOW });
    expect(longest).toEqual([
      { id: oldest.id, title: "La plus ancienne", qualifiedAt: ago(250).toISOString(), daysWaiting: 250, overdue: true },
      expect.objectContaining({ title: "Deuxième", daysWaiting: 90, overdue: false }),
      expect.objectContaining({ title: "Troisième", daysWaiting: 12 }),
    ]);
  });

  test("nothing qualified yet: zeros and no waits", async () => {
    expect(await getAnswerCounters({ kind: "quartier", quartierCode: "QP062024" }, { now: NOW })).toEqual({ qualified: 0, answered: 0, waiting: 0, overdue: 0, deadlineDays: 120, longest: [] });
  });
});

describe("cost", () => {
  // A table shaped like real use (a few qualified proposals among many): the planner picks the partial index
  // of each scope for the counts and for the longest waits, never a scan of the table.
  test("each scope's statement is served by its partial index (EXPLAIN)", { timeout: 60_000 }, async () => {
    await db.execute(sql`
      insert into ${proposals} (title, body, ambition_number, quartier_code, status, published_at, qualified_at, answered_at)
      select 'Proposition ' || i, 'Texte', 1 + i % 12, case when i % 3 = 0 then 'QP062024' else 'QP062028' end,
             case when i % 50 = 0 then 'qualified' else 'published' end, now(),
             case when i % 50 = 0 then now() - (i % 300) * interval '1 day' end,
             case when i % 100 = 0 then now() end
        from generate_series(1, 8000) i`);
    await db.execute(sql`analyze ${proposals}`);
    const plan = async (scope: CounterScope) => {
      const result = (await db.execute(sql`explain ${answerCountersQuery(scope, overdueBefore(120))}`)) as unknown as Record<string, string>[] | { rows: Record<string, string>[] };
      return (Array.isArray(result) ? result : result.rows).map((r) => r["QUERY PLAN"]).join("\n");
    };
    const territory = await plan({ kind: "territory" });
    expect(territory).toContain("proposals_due_idx");
    expect(territory).not.toMatch(/Seq Scan/);
    const ambition = await plan({ kind: "ambition", ambitionNumber: 3 });
    expect(ambition).toContain("proposals_ambition_due_idx");
    expect(ambition).not.toMatch(/Seq Scan/);
    const quartier = await plan({ kind: "quartier", quartierCode: "QP062024" });
    expect(quartier).toContain("proposals_quartier_due_idx");
    expect(quartier).not.toMatch(/Seq Scan/);
    // And the counts are still those of the rows.
    const counted = await db.select({ id: proposals.id }).from(proposals).where(inArray(proposals.status, ["qualified"]));
    expect((await getAnswerCounters({ kind: "territory" })).qualified).toBe(counted.length);
  });
});
