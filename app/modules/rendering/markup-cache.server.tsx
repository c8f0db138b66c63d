import type { i18n as I18n } from "i18next";
import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { MarkupCache } from "#app/components/cached-markup.tsx";

// About 1 KB a proposal card: 8 MB holds the cards of every list page that is read often.
const fragments = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (html, key) => html.length + key.length });

/** The cache that a page render uses: fragments are rendered with that page's translations. */
export function markupCacheFor(i18n: I18n): MarkupCache {
  return {
    render(key, element: ReactElement) {
      const fullKey = `${i18n.language}\u0000${key}`;
      let html = fragments.get(fullKey);
      if (html === undefined) {
        html = renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
        fragments.set(fullKey, html);
      }
      return html;
    },
  };
}

export function clearMarkupCache() {
  fragments.clear();
}
