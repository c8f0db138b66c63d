import { createInstance } from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
// The router @remix-run/react is built on: enough to render its forms outside a Remix app.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { DoneForm, FollowupForm, MilestoneForm, ReachMilestoneButton } from "./followup-forms.tsx";

/** The server-rendered HTML: what a browser without JavaScript gets. */
async function render(element: ReactElement) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "fr", ns: ["common", "followup"], resources });
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request("http://localhost/gouvernance/propositions/p1/realisation"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nextProvider>,
  );
}

describe("the follow-up forms without JavaScript", () => {
  test("the start form carries the version, keeps what was typed and lists the server's errors, each linked to its field", async () => {
    const html = await render(
      <FollowupForm
        intent="start"
        version={7}
        defaults={{}}
        server={{
          intent: "start",
          errors: { funders: "followup:validation.sharesAboveTotal", funder3Name: "followup:validation.funderNameRequired" },
          values: { intent: "start", version: "7", bodyInCharge: "Ville de Lens", actionTitle: "Bancs", porteur: "Centre social Jean Jaurès", amountEur: "10000", funder0Name: "État", funder0Amount: "6000", funder3Amount: "5000" },
        }}
        title="Lancer la réalisation"
        intro="…"
        submit="Lancer la réalisation"
      />,
    );
    expect(html).toContain('<input type="hidden" name="intent" value="start"/>');
    expect(html).toMatch(/<input type="hidden" name="version" value="7"\/>/);
    expect(html).toMatch(/id="bodyInCharge"[^>]*value="Ville de Lens"/);
    expect(html).toMatch(/id="porteur"[^>]*value="Centre social Jean Jaurès"/);
    // The fourth line was filled: five lines are shown, the error is on its name.
    expect(html).toMatch(/id="funder3Amount"[^>]*value="5000"/);
    expect(html).toContain('id="funder4Name"');
    expect(html).not.toContain('id="funder5Name"');
    expect(html).toContain('<a href="#funders">Part de chaque financeur : Les parts des financeurs dépassent le montant total de l&#x27;action.</a>');
    expect(html).toContain('<a href="#funder3Name">Financeur 4 : Indiquez le nom du financeur.</a>');
    expect(html).toContain('<fieldset class="fieldset" id="funders"');
  });

  test("a conflict is said above the form; the milestone's date is a date field; reaching is a labelled button", async () => {
    const conflict = await render(<MilestoneForm version={4} server={{ intent: "milestone", errors: { form: "followup:errors.conflict" }, values: { title: "Pose des bancs", dueOn: "2027-05-15" } }} />);
    expect(conflict).toContain("Quelqu&#x27;un d&#x27;autre vient de faire avancer cette proposition.");
    expect(conflict).toMatch(/type="date"[^>]*value="2027-05-15"|value="2027-05-15"[^>]*type="date"/);
    // After a conflict the form takes the page's new version.
    expect(conflict).toMatch(/<input type="hidden" name="version" value="4"\/>/);
    const reach = await render(<ReachMilestoneButton version={4} milestone={{ id: "m1", title: "Pose des bancs" }} />);
    expect(reach).toContain('aria-label="Marquer « Pose des bancs » comme franchie"');
    expect(reach).toContain('<input type="hidden" name="milestoneId" value="m1"/>');
  });

  test("« réalisée » sits in a disclosure, open when the server sent it back", async () => {
    expect(await render(<DoneForm version={4} server={undefined} />)).toMatch(/^<details class="author-action"><summary>/);
    expect(await render(<DoneForm version={4} server={{ intent: "done", errors: { lastWord: "validation.required" }, values: { lastWord: "" } }} />)).toMatch(/^<details class="author-action" open="">/);
  });
});
