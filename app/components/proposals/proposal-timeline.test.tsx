import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { ProposalTimeline, type TimelineEntry } from "./proposal-timeline.tsx";
import { ProposalStatusBadge } from "./proposal-status-badge.tsx";

const entry = (patch: Partial<TimelineEntry>): TimelineEntry => ({
  id: crypto.randomUUID(),
  kind: "created",
  at: "2026-03-01T09:30:00.000Z",
  atLabel: "1 mars 2026 à 10:30",
  actorName: null,
  fields: [],
  text: null,
  reason: null,
  decision: null,
  ...patch,
});

test("the timeline is a dated list; what residents typed (update, reason, names) is text, never markup", () => {
  const html = renderToStaticMarkup(
    <ProposalTimeline
      entries={[
        entry({ kind: "created", actorName: "<b>Nadia</b>" }),
        entry({ kind: "updated", text: "<script>alert(1)</script>\n\nVoir https://example.org" }),
        entry({ kind: "withdrawn", reason: "<img src=x onerror=alert(1)>" }),
      ]}
    />,
  );
  expect(html).toMatch(/^<ol class="timeline">/);
  expect(html).toContain('<time dateTime="2026-03-01T09:30:00.000Z">1 mars 2026 à 10:30</time>');
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  expect(html).not.toContain("<b>");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).toContain('href="https://example.org"');
});

test("the status badge carries a class per status", () => {
  expect(renderToStaticMarkup(<ProposalStatusBadge status="withdrawn" decision={null} />)).toContain('class="tag proposal-status proposal-status-withdrawn"');
});
