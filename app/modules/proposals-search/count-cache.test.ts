import { describe, expect, test } from "vitest";
import { createCountCache } from "./count-cache.server.ts";

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the count cache", () => {
  test("keeps large results for a while, recomputes after", async () => {
    const time = clock();
    const cache = createCountCache<number>({ ttlMs: 1000, maxEntries: 10, worthKeeping: (n) => n >= 100, now: time.now });
    let runs = 0;
    const compute = async () => (runs++, 500);
    expect(await cache.get("a", compute)).toBe(500);
    expect(await cache.get("a", compute)).toBe(500);
    expect(runs).toBe(1);
    time.advance(1001);
    await cache.get("a", compute);
    expect(runs).toBe(2);
  });

  test("small results are always fresh", async () => {
    const cache = createCountCache<number>({ ttlMs: 1000, maxEntries: 10, worthKeeping: (n) => n >= 100 });
    let value = 3;
    expect(await cache.get("a", async () => value)).toBe(3);
    value = 4;
    expect(await cache.get("a", async () => value)).toBe(4);
    expect(cache.size()).toBe(0);
  });

  test("concurrent requests share one computation", async () => {
    const cache = createCountCache<number>({ ttlMs: 0, maxEntries: 10, worthKeeping: () => true });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      runs++;
      await gate;
      return 7;
    };
    const all = Promise.all([cache.get("k", compute), cache.get("k", compute), cache.get("k", compute)]);
    release();
    expect(await all).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
    // ttl 0: nothing kept once done.
    await cache.get("k", compute);
    expect(runs).toBe(2);
  });

  test("a failure is not kept, and the oldest entry goes when full", async () => {
    const cache = createCountCache<number>({ ttlMs: 10_000, maxEntries: 2, worthKeeping: () => true });
    await expect(cache.get("x", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("x", async () => 1)).toBe(1);
    await cache.get("y", async () => 2);
    await cache.get("z", async () => 3);
    expect(cache.size()).toBe(2);
    expect(await cache.get("x", async () => 10)).toBe(10);
  });

  test("an entry just past its time is served while one recount runs behind it; a much older one waits", async () => {
    const time = clock();
    const cache = createCountCache<number>({ ttlMs: 1000, staleMs: 5000, maxEntries: 10, worthKeeping: () => true, now: time.now });
    let release!: () => void;
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return 200 + runs;
    };
    expect(await cache.get("a", async () => 100)).toBe(100);
    time.advance(2000);
    // Stale: answered at once with the old value, one refresh started for both requests.
    expect(await cache.get("a", slow)).toBe(100);
    expect(await cache.get("a", slow)).toBe(100);
    expect(runs).toBe(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get("a", slow)).toBe(201);
    // Too old: the request waits for the recount.
    time.advance(10_000);
    const waiting = cache.get("a", slow);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(await waiting).toBe(202);
  });
});
