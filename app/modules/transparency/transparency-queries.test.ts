import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { moderationCases, type ModerationCaseStatus, type ReportReason } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getTransparencyFigures } from "./transparency-queries.server.ts";

const HOUR = 3_600_000;
let n = 0;

async function insertCase(moderatorId: string, input: { status: ModerationCaseStatus; reason?: ReportReason | null; openedAt: string; decidedAfterHours?: number; autoHiddenAt?: string }) {
  n += 1;
  const openedAt = new Date(input.openedAt);
  await db.insert(moderationCases).values({
    subjectType: "contribution",
    subjectId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: input.status,
    hideReason: input.reason ?? null,
    openedAt,
    autoHiddenAt: input.autoHiddenAt ? new Date(input.autoHiddenAt) : null,
    decidedAt: input.decidedAfterHours === undefined ? null : new Date(openedAt.getTime() + input.decidedAfterHours * HOUR),
    decidedById: input.decidedAfterHours === undefined ? null : moderatorId,
  });
}

describe("getTransparencyFigures", () => {
  test("nothing decided yet: no quarter at all", async () => {
    expect(await getTransparencyFigures()).toEqual([]);
  });

  test("hidden items per reason and quarter, and the median time to a decision per quarter", async () => {
    const moderator = await insertUser(db, { roles: [{ role: "moderator" }] });
    // 2026 Q3: two insults and a spam hidden, one restored; decisions after 2, 4, 10 and 30 hours.
    await insertCase(moderator.id, { status: "hidden", reason: "harassment", openedAt: "2026-07-02T08:00:00Z", decidedAfterHours: 2 });
    await insertCase(moderator.id, { status: "hidden", reason: "harassment", openedAt: "2026-08-10T08:00:00Z", decidedAfterHours: 4 });
    await insertCase(moderator.id, { status: "contested", reason: "spam", openedAt: "2026-09-01T08:00:00Z", decidedAfterHours: 10 });
    await insertCase(moderator.id, { status: "restored", reason: null, openedAt: "2026-09-03T08:00:00Z", decidedAfterHours: 30 });
    // 2026 Q4: hidden automatically at the threshold, still waiting; and a report dismissed after 6 hours.
    await insertCase(moderator.id, { status: "pending", reason: "personal_data", openedAt: "2026-10-05T08:00:00Z", autoHiddenAt: "2026-10-05T09:00:00Z" });
    await insertCase(moderator.id, { status: "dismissed", openedAt: "2026-10-06T08:00:00Z", decidedAfterHours: 6 });
    // A pending case that was never hidden counts nowhere.
    await insertCase(moderator.id, { status: "pending", reason: null, openedAt: "2026-10-07T08:00:00Z" });

    const figures = await getTransparencyFigures();
    expect(figures.map((f) => f.quarter)).toEqual(["2026-T4", "2026-T3"]);
    const [q4, q3] = figures;
    expect(q3).toMatchObject({ hiddenTotal: 3, decisions: 4, medianDecisionHours: 7 });
    expect(q3!.hiddenByReason).toEqual({ spam: 1, harassment: 2, discrimination: 0, personal_data: 0, off_topic: 0, other: 0 });
    // An item hidden automatically but not decided yet is not counted: only moderators' hiding decisions are.
    expect(q4).toMatchObject({ decisions: 1, medianDecisionHours: 6 });
    expect(q4!.hiddenTotal).toBe(0);
  });

  test("quarters follow French time: a decision on 31 December at 23:30 in Paris belongs to Q4", async () => {
    const moderator = await insertUser(db, { roles: [{ role: "moderator" }] });
    await insertCase(moderator.id, { status: "hidden", reason: "off_topic", openedAt: "2026-12-31T21:30:00Z", decidedAfterHours: 1 });
    const [only] = await getTransparencyFigures();
    expect(only).toMatchObject({ quarter: "2026-T4", hiddenTotal: 1, medianDecisionHours: 1 });
  });
});
