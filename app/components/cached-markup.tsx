import { createContext, useContext, type ReactElement } from "react";

/** Renders an element to HTML once per key, on the server (see markup-cache.server.tsx). */
export type MarkupCache = { render: (key: string, element: ReactElement) => string };

const MarkupCacheContext = createContext<MarkupCache | null>(null);
export const MarkupCacheProvider = MarkupCacheContext.Provider;

/**
 * Fragment caching, as Rails and Decidim cache their proposal cards: markup that depends only on
 * `cacheKey` is rendered once and then reused as a string, so a list page renders 20 cards for the
 * price of one lookup each. `cacheKey` must hold every input of the markup (the data, the options);
 * the locale is added by the cache.
 *
 * The markup is rendered on its own, outside the page's providers other than the translations: no
 * router links inside (plain `<a>`), and only on pages that ship no JavaScript (`handle.hydrate ===
 * false`), since the browser has no copy of the string to hydrate against. Without a cache (in the
 * browser, in tests) the children render as usual. The default wrapper, a `div.markup`, takes no room in
 * the layout (`display: contents`).
 */
export function CachedMarkup({ cacheKey, as: Tag = "div", className = Tag === "div" ? "markup" : undefined, children }: { cacheKey: string; as?: "div" | "li"; className?: string; children: ReactElement }) {
  const cache = useContext(MarkupCacheContext);
  if (!cache) return <Tag className={className}>{children}</Tag>;
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: cache.render(cacheKey, children) }} />;
}
