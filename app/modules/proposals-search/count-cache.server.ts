/**
 * A small in-process cache for counts that are costly on large sets and harmless when a few seconds old
 * (how many proposals per ambition among 100 000). Concurrent requests for the same key share one
 * computation; only results that `worthKeeping` accepts are kept (cheap, small counts are always
 * computed fresh, so a resident who just published sees the exact number); the oldest entry goes first
 * when the cache is full. An entry past its ttl but within `staleMs` more is still served while one
 * refresh runs behind it, so no request waits for a recount on a busy list.
 */
export type CountCache<T> = {
  get: (key: string, compute: () => Promise<T>) => Promise<T>;
  clear: () => void;
  size: () => number;
};

export function createCountCache<T>(options: {
  ttlMs: number;
  staleMs?: number;
  maxEntries: number;
  worthKeeping: (value: T) => boolean;
  now?: () => number;
}): CountCache<T> {
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 0;
  const kept = new Map<string, { value: T; expires: number }>();
  const pending = new Map<string, Promise<T>>();

  function refresh(key: string, compute: () => Promise<T>) {
    const running = pending.get(key);
    if (running) return running;
    const promise = compute()
      .then((value) => {
        if (options.ttlMs > 0 && options.worthKeeping(value)) {
          kept.set(key, { value, expires: now() + options.ttlMs });
          while (kept.size > options.maxEntries)
            kept.delete(kept.keys().next().value!);
        }
        return value;
      })
      .finally(() => pending.delete(key));
    pending.set(key, promise);
    return promise;
  }

  return {
    async get(key, compute) {
      const hit = kept.get(key);
      const at = now();
      if (hit && hit.expires > at) return hit.value;
      if (hit && hit.expires + staleMs > at) {
        // Served stale; a failed refresh keeps the old value until it is too old.
        refresh(key, compute).catch((error: unknown) =>
          console.error(`Recounting ${key} failed:`, error),
        );
        return hit.value;
      }
      if (hit) kept.delete(key);
      return refresh(key, compute);
    },
    clear() {
      kept.clear();
    },
    size: () => kept.size,
  };
}
