import { expect, test } from "vitest";
import { PROPOSAL_STATUSES } from "#db/schema/proposals.ts";
import { canMoveTo, isOpen, NEXT_STATUSES } from "./proposal-status.ts";

test("every status is in the model, and finished ones lead nowhere", () => {
  expect(Object.keys(NEXT_STATUSES).sort()).toEqual([...PROPOSAL_STATUSES].sort());
  expect(NEXT_STATUSES.done).toEqual([]);
  expect(NEXT_STATUSES.withdrawn).toEqual([]);
});

test("a proposal is published before it can qualify, and qualifies before the GTP reviews it", () => {
  expect(canMoveTo("draft", "qualified")).toBe(false);
  expect(canMoveTo("published", "qualified")).toBe(true);
  expect(canMoveTo("published", "under_review")).toBe(false);
  expect(canMoveTo("qualified", "under_review")).toBe(true);
});

test("a withdrawn proposal is closed to supports and contributions", () => {
  expect(isOpen("withdrawn")).toBe(false);
  expect(isOpen("draft")).toBe(false);
  expect(isOpen("published")).toBe(true);
});
