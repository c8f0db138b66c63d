import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, test } from "vitest";
import { PageHydratesProvider } from "#app/components/app-link.tsx";
import type { ProposalGovernanceSection as Section } from "#app/modules/governance/proposal-governance-view.ts";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { ProposalGovernanceSection } from "./proposal-governance-section.tsx";

async function render(section: Section) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "fr", ns: ["common", "proposals"], resources });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PageHydratesProvider value={false}>
        <ProposalGovernanceSection section={section} />
      </PageHydratesProvider>
    </I18nextProvider>,
  );
}

const empty: Section = { partnerName: null, deadline: null, analysis: null, upcomingMeeting: null, decisions: [], answer: null, followup: null, tools: null };
const plain = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

describe("« Ce que devient cette proposition »", () => {
  test("the deadline, and « en retard » in words when it has passed", async () => {
    const waiting = plain(await render({ ...empty, deadline: { label: "12 juillet 2027", overdue: false } }));
    expect(waiting).toContain("Réponse attendue au plus tard le 12 juillet 2027.");
    expect(waiting).toContain("Le GTP n'a pas encore désigné qui l'étudie.");
    const late = await render({ ...empty, partnerName: "CALL", deadline: { label: "12 juillet 2027", overdue: true } });
    expect(plain(late)).toContain("En retard : la réponse devait être donnée au plus tard le 12 juillet 2027.");
    expect(late).toContain("<strong>");
  });

  test("the decision with reasons and corrections, the direct answer, the follow-up's funders in a table, the coordinators' tools", async () => {
    const html = await render({
      ...empty,
      partnerName: "Ville de Lens",
      analysis: { feasibility: "conditional", costRange: "10k_100k", existingMeans: null, publicAnalysis: "À voir avec le bailleur." },
      decisions: [{ href: "/instances/copil/m1", meetingTitle: "COPIL de printemps", dateLabel: "12 mars 2027", decision: "partly_retained", reasons: "Un banc, pas deux.", corrections: [{ text: "Deux bancs finalement.", dateLabel: "2 avril 2027" }] }],
      answer: { kind: "outside_contract", text: "Route départementale.", competentBody: "Département" },
      followup: {
        bodyInCharge: "Ville de Lens",
        startedLabel: "1 avril 2027",
        action: { title: "Bancs", porteur: "Centre social Jean Jaurès", amountLabel: "12 000 €", funders: [{ name: "État", amountLabel: "6 000 €" }] },
        milestones: [{ id: "a", title: "Pose", dueOn: "2027-05-15", dueLabel: "15 mai 2027", reachedLabel: null }],
      },
      tools: { instruct: "/gouvernance/propositions/p1", followup: "/gouvernance/propositions/p1/realisation" },
    });
    const text = plain(html);
    expect(text).toContain("Faisable sous conditions");
    expect(text).toContain("Entre 10 000 € et 100 000 €");
    expect(text).toContain("Comité de pilotage du 12 mars 2027 : Retenue en partie");
    expect(text).toContain("Correction du 2 avril 2027 : Deux bancs finalement.");
    expect(text).toContain("Réponse : cela ne relève pas du contrat de ville");
    expect(text).toContain("Qui peut agir : Département");
    expect(text).toContain("Pose · prévue pour le 15 mai 2027 · pas encore franchie");
    expect(html).toContain("<caption>Qui finance l&#x27;action</caption>");
    expect(html).toContain('<th scope="row">État</th><td>6 000 €</td>');
    expect(html).toContain('<a href="/instances/copil/m1">Voir la réunion « COPIL de printemps »</a>');
    expect(html).toContain('<a href="/gouvernance/propositions/p1/realisation">Suivre sa réalisation</a>');
  });
});
