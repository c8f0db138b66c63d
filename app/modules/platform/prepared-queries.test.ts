import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions } from "#db/schema/index.ts";
import { preparedByShape } from "./prepared-queries.server.ts";

const titleOf = () => db.select({ number: ambitions.number, title: ambitions.title }).from(ambitions).where(eq(ambitions.number, sql.placeholder("number")));

test("a shape is built once and run with each call's values; another shape is built on its own", async () => {
  const runs = preparedByShape<{ number: number; title: string }>("test_ambition");
  let built = 0;
  const build = () => (built++, titleOf());
  const [three] = await runs("by number", build).execute({ number: 3 });
  const [five] = await runs("by number", build).execute({ number: 5 });
  expect(built).toBe(1);
  expect([three?.number, five?.number]).toEqual([3, 5]);
  expect(three?.title).not.toBe(five?.title);
  await runs("another shape", build).execute({ number: 1 });
  expect(built).toBe(2);
});

test("past its bound, the odd shapes are forgotten and built again when asked", async () => {
  const runs = preparedByShape<{ number: number; title: string }>("test_bounded", { maxShapes: 2 });
  let built = 0;
  const build = () => (built++, titleOf());
  for (const shape of ["a", "b", "c", "a"]) await runs(shape, build).execute({ number: 2 });
  expect(built).toBe(4);
});
