import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { agendaItems, proposals } from "#db/schema/index.ts";
import { GTP_PAGE, getGtpQueue, getInstructionProposal, gtpQueuePageQuery, parseGtpCursor } from "./gtp-queries.server.ts";
import { parseGtpFilters, type GtpFilters } from "./gtp.schema.ts";
import { copilMeeting, partner, person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { assignPartner } from "./instruct-proposal.server.ts";

const noFilters: GtpFilters = { ambition: null, quartier: null, commune: null, origin: null, minDays: null };
const filters = (query: string) => parseGtpFilters(new URLSearchParams(query));

/** Every page of the queue, following the "next" markers. */
async function walk(f: GtpFilters) {
  const ids: string[] = [];
  let after = null;
  for (let page = 0; page < 20; page++) {
    const queue = await getGtpQueue(f, after);
    ids.push(...queue.waiting.map((r) => r.id));
    if (!queue.next) return { ids, pages: page + 1 };
    after = parseGtpCursor(queue.next);
    expect(after).not.toBeNull();
  }
  throw new Error("the queue never ends");
}

describe("the GTP queue", () => {
  test("lists what waits for the GTP, oldest qualification first; not what is answered, on an agenda, hidden, withdrawn or merged", async () => {
    const older = await qualifiedProposal({ daysAgo: 200 });
    const postponed = await qualifiedProposal({ daysAgo: 150, status: "decided", decision: "postponed" });
    const underReview = await qualifiedProposal({ daysAgo: 30, status: "under_review" });
    const newest = await qualifiedProposal({ daysAgo: 1 });
    for (const status of ["answered", "withdrawn", "merged", "on_copil_agenda", "in_progress"] as const) await qualifiedProposal({ daysAgo: 100, status });
    await qualifiedProposal({ daysAgo: 100, status: "decided", decision: "retained" });
    await qualifiedProposal({ daysAgo: 100, hidden: true });
    await qualifiedProposal({ status: "published", qualifiedAt: null });
    const queue = await getGtpQueue(noFilters);
    expect(queue.waiting.map((r) => r.id)).toEqual([older.id, postponed.id, underReview.id, newest.id]);
    // Two are past the 120-day droit de suite.
    expect({ waiting: queue.waitingTotal, overdue: queue.overdueTotal }).toEqual({ waiting: 4, overdue: 2 });
    expect(queue.next).toBeNull();
  });

  test("a proposal hidden by moderation or withdrawn leaves the queue and its counts", async () => {
    const proposal = await qualifiedProposal({ daysAgo: 130 });
    expect((await getGtpQueue(noFilters)).overdueTotal).toBe(1);
    await db.update(proposals).set({ hiddenAt: new Date() }).where(sql`${proposals.id} = ${proposal.id}`);
    expect(await getGtpQueue(noFilters)).toMatchObject({ waiting: [], waitingTotal: 0, overdueTotal: 0 });
    await db.update(proposals).set({ hiddenAt: null, status: "withdrawn" }).where(sql`${proposals.id} = ${proposal.id}`);
    expect(await getGtpQueue(noFilters)).toMatchObject({ waiting: [], waitingTotal: 0, overdueTotal: 0 });
  });

  test("shows the instructing partner, and filters by ambition, quartier, commune, origin and days waiting", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const lens = await partner("Ville de Lens");
    const a = await qualifiedProposal({ daysAgo: 100, ambitionNumber: 3, quartierCode: "QP062024", communeSlug: "lens" });
    const b = await qualifiedProposal({ daysAgo: 50, ambitionNumber: 8, quartierCode: null, communeSlug: "avion", origin: "labo_session" });
    const c = await qualifiedProposal({ daysAgo: 5, ambitionNumber: 8, quartierCode: "QP062024", communeSlug: "lens", origin: "conseil_citoyen" });
    await assignPartner({ actor: coordinator.viewer, proposalId: b.id, input: { version: 0, partnerId: lens.id } });
    const all = await getGtpQueue(noFilters);
    expect(all.waiting.map((r) => [r.id, r.partnerName])).toEqual([
      [a.id, null],
      [b.id, "Ville de Lens"],
      [c.id, null],
    ]);
    const ids = async (query: string) => (await getGtpQueue(filters(query))).waiting.map((r) => r.id);
    expect(await ids("ambition=8")).toEqual([b.id, c.id]);
    expect(await ids("quartier=QP062024")).toEqual([a.id, c.id]);
    expect(await ids("commune=avion")).toEqual([b.id]);
    expect(await ids("origine=conseil_citoyen")).toEqual([c.id]);
    expect(await ids("attente=40")).toEqual([a.id, b.id]);
    expect(await ids("ambition=8&attente=40")).toEqual([b.id]);
    expect((await getGtpQueue(filters("ambition=8&attente=40"))).waitingTotal).toBe(1);
    // Anything malformed in the address is ignored, never an error.
    expect(filters("ambition=1e1&quartier=x'--&commune=../&origine=elu&attente=-3")).toEqual(noFilters);
  });

  test("pages of 50 by (qualification, id): every proposal once, none skipped or repeated, ties and microseconds included", async () => {
    const total = GTP_PAGE * 2 + 17;
    // Three proposals share each instant (to the microsecond), so the id decides within a tie.
    await db.insert(proposals).values(
      Array.from({ length: total }, (_, i) => ({
        authorId: null,
        title: `Proposition ${i}`,
        body: "Une proposition qualifiée.",
        ambitionNumber: 8,
        status: "qualified" as const,
        publishedAt: new Date("2026-12-01T00:00:00Z"),
        qualifiedAt: new Date("2027-01-01T10:00:00Z"),
      })),
    );
    await db.execute(sql`update ${proposals} set qualified_at = qualified_at + ((substr(title, 13)::int / 3) * interval '1.000123 second')`);
    const expected = (await db.select({ id: proposals.id }).from(proposals).orderBy(proposals.qualifiedAt, proposals.id)).map((r) => r.id);
    const { ids, pages } = await walk(noFilters);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual(expected);
    // With a filter, the same walk.
    expect((await walk(filters("ambition=8"))).ids).toEqual(expected);
  });

  test("a tampered or malformed page marker starts from the beginning", () => {
    const good = Buffer.from(JSON.stringify(["2027-01-01T10:00:00.123456Z", "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4"])).toString("base64url");
    expect(parseGtpCursor(good)).toEqual({ qualifiedAt: "2027-01-01T10:00:00.123456Z", id: "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4" });
    const bad = [
      null,
      "",
      "nimportequoi",
      Buffer.from(JSON.stringify(["2027-01-01T10:00:00Z", "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4"])).toString("base64url"),
      Buffer.from(JSON.stringify(["2027-13-45T10:00:00.123456Z", "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4"])).toString("base64url"),
      Buffer.from(JSON.stringify(["2027-01-01T10:00:00.123456Z", "1; drop table proposals"])).toString("base64url"),
      Buffer.from(JSON.stringify({ at: 1 })).toString("base64url"),
      "x".repeat(500),
    ];
    for (const value of bad) expect(parseGtpCursor(value), String(value)).toBeNull();
  });

  test("lists the proposals on a COPIL agenda with their meeting", async () => {
    const meeting = await copilMeeting();
    const onAgenda = await qualifiedProposal({ status: "on_copil_agenda", daysAgo: 130 });
    await db.insert(agendaItems).values({ meetingId: meeting.id, kind: "proposal", proposalId: onAgenda.id, title: onAgenda.title });
    const queue = await getGtpQueue(noFilters);
    expect(queue.waiting).toEqual([]);
    expect(queue.inFlight).toMatchObject([{ id: onAgenda.id, meetingId: meeting.id, meetingTitle: meeting.title, meetingStatus: "planned" }]);
  });

  test("the page query is served by a partial index (the queue's own, or a due index), with or without filters", async () => {
    for (let i = 0; i < 5; i++) await qualifiedProposal({ daysAgo: i * 10 });
    const plans: string[] = [];
    for (const [f, after] of [
      [noFilters, null],
      [filters("ambition=8&attente=3"), { qualifiedAt: "2027-01-01T10:00:00.000000Z", id: "a4ef35f9-6651-4bf3-b073-49e04a9c0cd4" }],
    ] as const) {
      // A test database is tiny: the planner would read the table. Without sequential scans it must
      // still find the index usable, which it does only if the query implies the index's predicate.
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const result = await tx.execute(sql`explain ${gtpQueuePageQuery(f, after).getSQL()}`);
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { "QUERY PLAN": string }[];
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      plans.push(plan);
    }
    // The queue's own partial index, or (with an ambition or a quartier) one of the due indexes, whose
    // predicate the queue's implies: on a tiny table the planner may take any of them, never a full scan.
    for (const plan of plans) {
      expect(plan).toMatch(/Index (Only )?Scan using proposals_(gtp_queue|ambition_due|quartier_due|due)_idx on proposals/);
      expect(plan).not.toMatch(/Seq Scan on proposals/);
    }
  });

  test("the instruction page's proposal: unknown, malformed, draft or hidden ids are null", async () => {
    const proposal = await qualifiedProposal();
    expect(await getInstructionProposal(proposal.id)).toMatchObject({ id: proposal.id, status: "qualified", version: 0, review: null, agenda: null });
    const hidden = await qualifiedProposal({ hidden: true });
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000", hidden.id]) expect(await getInstructionProposal(id)).toBeNull();
  });
});
