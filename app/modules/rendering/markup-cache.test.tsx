import { renderToString } from "react-dom/server";
import { useTranslation } from "react-i18next";
import { expect, test } from "vitest";
import { CachedMarkup, MarkupCacheProvider } from "#app/components/cached-markup.tsx";
import { ProposalCardItem } from "#app/components/proposals/proposal-card.tsx";
import { getRenderI18n } from "#app/modules/i18n/i18next.server.ts";
import type { ProposalCardData } from "#app/modules/proposals-search/proposal-search.schema.ts";
import { clearMarkupCache, markupCacheFor } from "./markup-cache.server.tsx";

let renders = 0;
function Counted({ label }: { label: string }) {
  const { t } = useTranslation("finding");
  renders += 1;
  return (
    <p>
      {label} · {t("list.title")}
    </p>
  );
}

async function page(locale: "fr" | "en", cacheKey: string, label: string) {
  const i18n = await getRenderI18n(locale);
  return renderToString(
    <MarkupCacheProvider value={markupCacheFor(i18n)}>
      <CachedMarkup cacheKey={cacheKey}>
        <Counted label={label} />
      </CachedMarkup>
    </MarkupCacheProvider>,
  );
}

test("a fragment is rendered once per key and locale, translated, then reused", async () => {
  clearMarkupCache();
  renders = 0;
  const first = await page("fr", "k1", "un");
  expect(first).toBe('<div class="markup"><p>un · Propositions</p></div>');
  // Same key: the stored markup, without rendering again.
  expect(await page("fr", "k1", "ignored")).toBe(first);
  expect(renders).toBe(1);
  // Another locale or another key renders anew.
  expect(await page("en", "k1", "un")).toContain("Proposals");
  expect(await page("fr", "k2", "deux")).toContain("deux");
  expect(renders).toBe(3);
});

test("without a cache (in the browser) the children render as usual", () => {
  renders = 0;
  const html = renderToString(
    <CachedMarkup cacheKey="k" as="li">
      <Counted label="direct" />
    </CachedMarkup>,
  );
  expect(html).toContain("direct");
  expect(html.startsWith("<li>")).toBe(true);
});

test("a proposal card shows its new figures as soon as they change: its data is its key", async () => {
  clearMarkupCache();
  const card: ProposalCardData = {
    id: "0b9f7c52-4a57-4a35-9d4c-59f3b2b1f1a1",
    title: "Des bancs au square <Jaurès>",
    status: "published",
    decision: null,
    origin: "resident",
    councilName: null,
    ambitionNumber: 8,
    ambitionTitle: "Améliorer le cadre de vie et l'habitat",
    quartierCode: null,
    quartierName: null,
    communeSlug: "lens",
    communeName: "Lens",
    supportCount: 3,
    contributionCount: 1,
    date: "2026-11-20T10:00:00.000Z",
    headline: null,
    hidden: false,
  };
  const i18n = await getRenderI18n("fr");
  const render = (data: ProposalCardData) =>
    renderToString(
      <MarkupCacheProvider value={markupCacheFor(i18n)}>
        <ProposalCardItem proposal={data} locale="fr" />
      </MarkupCacheProvider>,
    );
  const before = render(card);
  expect(before).toContain("3 soutiens");
  // The title is escaped in the stored markup too.
  expect(before).toContain("Des bancs au square &lt;Jaurès&gt;");
  expect(render({ ...card, supportCount: 4 })).toContain("4 soutiens");
});
