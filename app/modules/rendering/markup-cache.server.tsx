import type { i18n as I18n } from "i18next";
import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { MarkupCache } from "#app/components/cached-markup.tsx";
import { PageHydratesProvider } from "#app/components/app-link.tsx";

// About 1 KB a proposal card: 8 MB holds the cards of every list page that is read often.
const fragments = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (html, key) => html.length + key.length });

/**
 * React builds its markup by appending thousands of small pieces (a rope). Kept as it is, the fragment
 * is walked piece by piece again on every page that includes it, when the page is turned into bytes (a
 * list page's 20 cards, counts and form: some 8,000 pieces, a fifth of the server's time). A flat copy is
 * one piece.
 */
function flatCopy(html: string) {
  return Buffer.from(html, "utf8").toString("utf8");
}

/** The cache that a page render uses: fragments are rendered with that page's translations. */
export function markupCacheFor(i18n: I18n): MarkupCache {
  return {
    render(key, element: ReactElement) {
      const fullKey = `${i18n.language}\u0000${key}`;
      let html = fragments.get(fullKey);
      if (html === undefined) {
        // Rendered outside the router, for a page without JavaScript: its links are plain links.
        html = flatCopy(
          renderToStaticMarkup(
            <I18nextProvider i18n={i18n}>
              <PageHydratesProvider value={false}>{element}</PageHydratesProvider>
            </I18nextProvider>,
          ),
        );
        fragments.set(fullKey, html);
      }
      return html;
    },
  };
}

export function clearMarkupCache() {
  fragments.clear();
}
