import { describe, expect, test } from "vitest";
import type { PROPOSAL_STATUSES } from "#db/schema/proposals.ts";
import { acceptsUpdates, authorActions, canBePublished, canBeWithdrawn, isEditable } from "./proposal-rules.ts";

const state = (status: (typeof PROPOSAL_STATUSES)[number], supportCount = 0, contributionCount = 0) => ({ status, supportCount, contributionCount });

describe("what the author may still do", () => {
  test("a draft is edited and published, never updated or withdrawn", () => {
    expect(authorActions(state("draft"))).toEqual({ edit: true, update: false, withdraw: false, publish: true });
  });

  test("a published proposal is edited until its first support or contribution, then only updated", () => {
    expect(authorActions(state("published"))).toEqual({ edit: true, update: false, withdraw: true, publish: false });
    expect(authorActions(state("published", 1))).toEqual({ edit: false, update: true, withdraw: true, publish: false });
    expect(authorActions(state("published", 0, 1))).toEqual({ edit: false, update: true, withdraw: true, publish: false });
  });

  test("a qualified proposal is withdrawn or updated, even carried with no support", () => {
    expect(authorActions(state("qualified"))).toEqual({ edit: false, update: true, withdraw: true, publish: false });
  });

  test("a withdrawn proposal is final", () => {
    expect(authorActions(state("withdrawn", 3, 2))).toEqual({ edit: false, update: false, withdraw: false, publish: false });
  });

  test("later statuses accept updates only", () => {
    for (const status of ["under_review", "on_copil_agenda", "decided", "in_progress", "done"] as const) {
      expect([isEditable(state(status, 30)), acceptsUpdates(state(status, 30)), canBeWithdrawn(state(status)), canBePublished(state(status))]).toEqual([false, true, false, false]);
    }
  });
});
