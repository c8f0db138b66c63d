import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { moderationCases } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { person } from "#tests/helpers/moderation.ts";
import { getModerationQueue, parseQueueCursor, WAITING_PAGE } from "./moderation-queries.server.ts";
import { parseQueueFilters, queueHref } from "./moderation.schema.ts";

const noFilters = parseQueueFilters(new URLSearchParams());

test("a long queue is read a page at a time, oldest first, with how many wait in all; nothing is skipped or repeated", async () => {
  const author = await person("Porteur");
  const start = Date.UTC(2026, 9, 1);
  const waiting = WAITING_PAGE + 7;
  const cases = [];
  for (let i = 0; i < waiting; i++) {
    const proposal = await insertProposal(db, { authorId: author.id, quartierCode: i % 2 ? "QP062024" : "QP062028" });
    cases.push({ subjectType: "proposal" as const, subjectId: proposal.id, authorId: author.id, quartierCode: proposal.quartierCode, reportCount: 1, openedAt: new Date(start + i * 60_000) });
  }
  // Two cases opened at the same minute: the id decides their order, so neither is lost between pages.
  cases[WAITING_PAGE]!.openedAt = cases[WAITING_PAGE - 1]!.openedAt;
  const inserted = await db.insert(moderationCases).values(cases).returning({ id: moderationCases.id, openedAt: moderationCases.openedAt });
  const expected = [...inserted].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id)).map((c) => c.id);

  const first = await getModerationQueue(noFilters);
  expect(first.waitingTotal).toBe(waiting);
  expect(first.waiting).toHaveLength(WAITING_PAGE);
  expect(first.next).not.toBeNull();
  const second = await getModerationQueue(noFilters, parseQueueCursor(first.next));
  expect(second.waiting).toHaveLength(7);
  expect(second.next).toBeNull();
  expect([...first.waiting, ...second.waiting].map((c) => c.id)).toEqual(expected);

  // Filters count and page too; a tampered page marker starts at the beginning.
  const lens = parseQueueFilters(new URLSearchParams({ quartier: "QP062024" }));
  expect((await getModerationQueue(lens)).waitingTotal).toBe(Math.floor(waiting / 2));
  expect(parseQueueCursor("pas-un-marqueur")).toBeNull();
  expect(parseQueueCursor(Buffer.from('["2026-10-01", "1; drop table"]').toString("base64url"))).toBeNull();
  expect(queueHref(lens, first.next)).toBe(`/moderation?quartier=QP062024&apres=${first.next}`);
});
