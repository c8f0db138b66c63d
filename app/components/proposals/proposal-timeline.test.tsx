import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, test } from "vitest";
import { PageHydratesProvider } from "#app/components/app-link.tsx";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
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

/** The timeline as a page without JavaScript renders it, in a language (links are plain <a>). */
async function renderTimeline(entries: TimelineEntry[], lng: "fr" | "en" = "fr") {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, ns: ["common", "proposals"], resources });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PageHydratesProvider value={false}>
        <ProposalTimeline entries={entries} />
      </PageHydratesProvider>
    </I18nextProvider>,
  );
}

/** The text of each entry, tags taken out and spaces squeezed. */
const texts = (html: string) =>
  [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, " ")
      .trim(),
  );

describe("the governance steps, in plain French", () => {
  const TARGET = "5b3c2a10-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
  const MEETING = "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9";

  test("every new kind has its label, with what its payload says", async () => {
    const html = await renderTimeline([
      entry({ kind: "under_review", partnerName: "Ville de Lens, service des espaces verts" }),
      entry({ kind: "on_copil_agenda", meeting: { id: MEETING, bodyKey: "copil", title: "COPIL du printemps", startsAt: "2027-03-12T14:00:00.000Z" }, dateLabel: "12 mars 2027" }),
      entry({ kind: "decided", decision: "retained", text: "Les bancs sont prévus au budget 2027.", dateLabel: "12 mars 2027", meeting: { id: MEETING, bodyKey: "copil", title: "COPIL du printemps", startsAt: null } }),
      entry({ kind: "decision_corrected", text: "Le budget est celui de 2028, pas de 2027." }),
      entry({ kind: "answered", answerKind: "outside_contract", competentBody: "Département du Pas-de-Calais", text: "C'est une route départementale." }),
      entry({ kind: "merged", other: { id: TARGET, title: "Des bancs place Jean-Jaurès" } }),
      entry({ kind: "merged_in", other: { id: TARGET, title: "Un banc à l'arrêt de bus" } }),
      entry({ kind: "in_progress", bodyInCharge: "Ville de Lens", action: { title: "Bancs et ombrage", porteur: "Centre social Jean Jaurès", amountEur: 12000 } }),
      entry({ kind: "milestone_added", milestone: { title: "Pose des bancs", dueOn: "2027-05-01" }, dateLabel: "1 mai 2027" }),
      entry({ kind: "milestone_reached", milestone: { title: "Pose des bancs", dueOn: "2027-05-01" } }),
      entry({ kind: "progress", text: "Les bancs sont commandés." }),
      entry({ kind: "done", text: "Les bancs sont posés : venez les essayer !" }),
      entry({ kind: "qualified", other: { id: TARGET, title: "Un banc à l'arrêt de bus" } }),
    ]);
    expect(texts(html)).toEqual([
      "1 mars 2026 à 10:30 À l'étude au groupe technique partenarial (GTP), instruite par : Ville de Lens, service des espaces verts",
      "1 mars 2026 à 10:30 Inscrite au programme du comité de pilotage (COPIL) du 12 mars 2027 Voir la réunion « COPIL du printemps »",
      "1 mars 2026 à 10:30 Décision du comité de pilotage du 12 mars 2027 : Retenue Voir la réunion « COPIL du printemps » Pourquoi : Les bancs sont prévus au budget 2027.",
      "1 mars 2026 à 10:30 Correction de la décision publiée La correction : Le budget est celui de 2028, pas de 2027.",
      "1 mars 2026 à 10:30 Les partenaires ont répondu : cela ne relève pas du contrat de ville Qui peut agir : Département du Pas-de-Calais Leur réponse : C'est une route départementale.",
      "1 mars 2026 à 10:30 Fusionnée avec « Des bancs place Jean-Jaurès »",
      "1 mars 2026 à 10:30 La proposition « Un banc à l'arrêt de bus » l'a rejointe",
      "1 mars 2026 à 10:30 Réalisation commencée, confiée à : Ville de Lens Action financée : « Bancs et ombrage », portée par Centre social Jean Jaurès",
      "1 mars 2026 à 10:30 Étape prévue : Pose des bancs, pour le 1 mai 2027",
      "1 mars 2026 à 10:30 Étape franchie : Pose des bancs",
      "1 mars 2026 à 10:30 Des nouvelles de la réalisation Les bancs sont commandés.",
      "1 mars 2026 à 10:30 Proposition réalisée Le mot de la fin : Les bancs sont posés : venez les essayer !",
      "1 mars 2026 à 10:30 Qualifiée : la proposition « Un banc à l'arrêt de bus », qui avait assez de soutiens, l'a rejointe",
    ]);
    // The merges link to the other proposal, the COPIL steps to the meeting's page.
    expect(html).toContain(`<a href="/propositions/${TARGET}">Fusionnée avec « Des bancs place Jean-Jaurès »</a>`);
    expect(html).toContain(`<a href="/instances/copil/${MEETING}">Voir la réunion « COPIL du printemps »</a>`);
  });

  test("a step whose payload says little still reads as a sentence", async () => {
    const html = await renderTimeline([
      entry({ kind: "under_review" }),
      entry({ kind: "on_copil_agenda" }),
      entry({ kind: "decided", decision: "not_retained" }),
      entry({ kind: "answered", answerKind: "already_done" }),
      entry({ kind: "answered" }),
      entry({ kind: "merged" }),
      entry({ kind: "merged_in" }),
      entry({ kind: "in_progress" }),
      entry({ kind: "milestone_added" }),
      entry({ kind: "milestone_reached" }),
      entry({ kind: "done" }),
    ]);
    expect(texts(html).map((t) => t.replace("1 mars 2026 à 10:30 ", ""))).toEqual([
      "Examen par le groupe technique partenarial (GTP)",
      "Inscrite au programme du comité de pilotage (COPIL)",
      "Décision du comité de pilotage : Non retenue",
      "Les partenaires ont répondu : c'est déjà fait",
      "Les partenaires ont répondu",
      "Fusionnée avec une proposition proche",
      "Une proposition proche l'a rejointe",
      "Réalisation commencée",
      "Nouvelle étape prévue",
      "Une étape est franchie",
      "Proposition réalisée",
    ]);
    expect(html).not.toContain("<a ");
  });

  test("in English too; what a coordinator typed stays text", async () => {
    const html = await renderTimeline(
      [entry({ kind: "merged", other: { id: TARGET, title: "<img src=x onerror=alert(1)>" } }), entry({ kind: "answered", answerKind: "in_progress_elsewhere", text: "<b>Déjà</b>" })],
      "en",
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(texts(html)[1]).toBe("1 mars 2026 à 10:30 The partners answered: it is already under way elsewhere Their answer: &lt;b&gt;Déjà&lt;/b&gt;");
  });
});
