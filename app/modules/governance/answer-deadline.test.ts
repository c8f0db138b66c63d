import { expect, test } from "vitest";
import { answerDeadline, daysWaiting, isCounted, isOverdue } from "./answer-deadline.ts";

const qualifiedAt = new Date("2027-01-10T10:00:00Z");

test("the answer is due the set number of days after qualification, and late after that", () => {
  expect(answerDeadline(qualifiedAt, 120).toISOString()).toBe("2027-05-10T10:00:00.000Z");
  expect(isOverdue({ qualifiedAt, answeredAt: null }, 120, new Date("2027-05-10T09:59:00Z"))).toBe(false);
  expect(isOverdue({ qualifiedAt, answeredAt: null }, 120, new Date("2027-05-10T10:01:00Z"))).toBe(true);
  // An answered proposal is never late, however long it waited.
  expect(isOverdue({ qualifiedAt, answeredAt: new Date("2027-09-01") }, 120, new Date("2027-10-01"))).toBe(false);
  expect(daysWaiting(qualifiedAt, new Date("2027-01-12T09:00:00Z"))).toBe(1);
});

test("hidden, withdrawn and merged proposals leave the droit de suite; unqualified ones never entered it", () => {
  expect(isCounted({ qualifiedAt, hiddenAt: null, status: "under_review" })).toBe(true);
  expect(isCounted({ qualifiedAt, hiddenAt: new Date(), status: "under_review" })).toBe(false);
  expect(isCounted({ qualifiedAt, hiddenAt: null, status: "withdrawn" })).toBe(false);
  expect(isCounted({ qualifiedAt, hiddenAt: null, status: "merged" })).toBe(false);
  expect(isCounted({ qualifiedAt: null, hiddenAt: null, status: "published" })).toBe(false);
});
