import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { moderationCases } from "#db/schema/index.ts";
import { getRequest, loaderArgs, settle } from "#tests/helpers/request.ts";
import { loader } from "./moderation.transparence.tsx";

describe("/moderation/transparence", () => {
  test("one row per quarter, in words, with the counts per reason and the median in hours", async () => {
    const opened = new Date("2026-10-05T08:00:00Z");
    await db.insert(moderationCases).values([
      { subjectType: "proposal", subjectId: "00000000-0000-4000-8000-000000000001", status: "hidden", hideReason: "spam", openedAt: opened, decidedAt: new Date(opened.getTime() + 90 * 60_000) },
      { subjectType: "proposal", subjectId: "00000000-0000-4000-8000-000000000002", status: "hidden", hideReason: "spam", openedAt: opened, decidedAt: new Date(opened.getTime() + 150 * 60_000) },
      { subjectType: "proposal", subjectId: "00000000-0000-4000-8000-000000000003", status: "hidden", hideReason: "other", openedAt: new Date("2026-01-05T08:00:00Z"), decidedAt: new Date("2026-01-05T10:00:00Z") },
    ]);
    const data = await (await settle(loader(loaderArgs(getRequest("/moderation/transparence"))))).json();
    expect(data.title).toBe("Transparence de la modération");
    expect(data.quarters).toEqual([
      expect.objectContaining({ label: "4e trimestre 2026", hiddenTotal: 2, decisions: 2, median: "2 h", hiddenByReason: expect.objectContaining({ spam: 2, other: 0 }) }),
      expect.objectContaining({ label: "1er trimestre 2026", hiddenTotal: 1, median: "2 h", hiddenByReason: expect.objectContaining({ other: 1 }) }),
    ]);
  });
});
