/**
 * The referential (piliers, ambitions, axes, quartiers, communes, governance bodies) is read on almost
 * every page and changes only when an administrator edits it. Lists are kept in memory: an edit here
 * clears them at once; another app instance picks the edit up within TTL_MS.
 */
const TTL_MS = 60_000;
const entries = new Map<string, { expires: number; value: Promise<unknown> }>();

export function cachedReferential<T>(key: string, load: () => PromiseLike<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  // A drizzle query is a lazy thenable that runs again at every `await`: adopt it into one real promise.
  const value = Promise.resolve(load());
  entries.set(key, { expires: now + TTL_MS, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => entries.delete(key));
  return value;
}

export function clearReferentialCache() {
  entries.clear();
}
