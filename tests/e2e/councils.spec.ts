import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibleWithoutJs, expectAccessible, hydrated, signIn, type AccessibilityCheck as Check } from "./fixtures.ts";

// The conseils citoyens (issue 13, "Done when"): a member writes a proposal in her quartier and carries it
// on behalf of her council with a statement; the coordinator, without JavaScript, finds it in the GTP's
// queue and answers it; the council's board, its public page and the member's notifications show the
// answer; the board prints on A4. Then an interpellation: refused once (kept as typed), sent, answered by
// the GTP, shown publicly. A resident may not open the board; a visitor sees the listed members and no
// e-mail address.
test.describe.configure({ timeout: 180_000 });

const MEMBER = "conseil@labo.test"; // Sylvie Lefebvre, listed member of the Liévin council
const COORDINATOR = "coordinateur@labo.test";
const RESIDENT = "habitante@labo.test"; // Nadia, Lens: not on that council
const CODE = "QP062028";
const COUNCIL = "Conseil citoyen Calonne - Marichelles - Vent De Bise";
const COUNCIL_PAGE = `/conseils-citoyens/${CODE}`;
const BOARD = `${COUNCIL_PAGE}/suivi`;
const AMBITION = /Améliorer le cadre de vie et l.habitat/;

async function personIn(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** The board's row for a subject. */
const boardRow = (page: Page, title: string) => page.locator("table.board-table tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });

test("a council carries a proposal and questions the GTP; the answers reach its board, its page and its members", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Des bancs le long du chemin du Vent de Bise ${stamp}`;
  const statement = `Le conseil en a parlé le ${stamp} : les aînés du quartier n'ont nulle part où s'asseoir sur le chemin du marché.`;
  const answer = `Les bancs sont déjà commandés (${stamp}) : la ville de Liévin les installera avant l'été, le long du chemin.`;
  const noJs: Check = accessibleWithoutJs(browser);

  // a. Sylvie, with JavaScript, writes the proposal in her quartier and carries it for her council.
  const sylvie = await personIn(browser, MEMBER);
  await sylvie.page.goto("/propositions/nouvelle");
  // This form has no JavaScript marker: the router's presence says the page runs its scripts.
  await sylvie.page.waitForFunction(() => "__remixRouter" in window);
  await sylvie.page.getByLabel("Votre idée en une phrase").fill(title);
  await sylvie.page.getByLabel("Expliquez-la").fill("Le chemin qui mène au marché est long et sans un seul banc. Trois bancs, à l'ombre, aideraient les aînés et les parents avec des poussettes.");
  await sylvie.page.getByRole("radio", { name: AMBITION }).check();
  await expect(sylvie.page.getByLabel("Quartier prioritaire")).toHaveValue(CODE);
  await sylvie.page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(sylvie.page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const proposalPath = new URL(sylvie.page.url()).pathname;
  const proposalId = proposalPath.split("/").pop()!;

  await hydrated(sylvie.page);
  const carry = sylvie.page.getByRole("form", { name: "Porter cette proposition auprès du GTP" });
  await expect(sylvie.page.getByRole("heading", { level: 2, name: `Au nom du ${COUNCIL}` })).toBeVisible();
  await expectAccessible(sylvie.page);
  await carry.getByLabel("Pourquoi le conseil citoyen porte cette proposition").fill(statement);
  await carry.getByRole("button", { name: "Porter la proposition" }).click();
  await expect(sylvie.page.locator(".flash")).toContainText("Votre conseil citoyen porte désormais cette proposition.");
  await expect(sylvie.page.locator(".proposal-meta")).toContainText("Portée par le conseil citoyen de Calonne - Marichelles - Vent De Bise");
  await expect(sylvie.page.locator(".timeline")).toContainText(`Portée par le ${COUNCIL}`);
  await expect(sylvie.page.locator(".timeline blockquote.timeline-quote")).toContainText(statement);
  await expect(sylvie.page.getByText("Votre conseil citoyen porte cette proposition.")).toBeVisible();
  await expectAccessible(sylvie.page);

  await sylvie.page.goto(COUNCIL_PAGE);
  await sylvie.page.getByRole("link", { name: "Tableau de suivi" }).click();
  await expect(sylvie.page).toHaveURL(new RegExp(`${BOARD}$`));
  const waitingRow = boardRow(sylvie.page, title);
  await expect(waitingRow).toContainText("Portée");
  await expect(waitingRow).toContainText("Instruction par le GTP");
  await expect(waitingRow).toContainText("Pas encore de réponse");
  await expectAccessible(sylvie.page);

  // b. The coordinator, without JavaScript, finds it in the GTP's queue (a council's proposal) and answers it.
  const coordinator = await personIn(browser, COORDINATOR, false);
  await coordinator.page.goto("/gouvernance");
  await coordinator.page.getByLabel("Origine").selectOption("conseil_citoyen");
  await coordinator.page.getByLabel("Quartier", { exact: true }).selectOption(CODE);
  await coordinator.page.getByRole("button", { name: "Filtrer" }).click();
  const card = coordinator.page.locator(".gtp-queue > li", { has: coordinator.page.getByRole("link", { name: title }) });
  await expect(card).toContainText("Portée par un conseil citoyen");
  await noJs(coordinator.page);
  await card.getByRole("link", { name: title }).click();
  await expect(coordinator.page).toHaveURL(new RegExp(`/gouvernance/propositions/${proposalId}$`));
  await noJs(coordinator.page);
  await coordinator.page.getByRole("radio", { name: "C'est déjà fait" }).check();
  await coordinator.page.getByLabel("Réponse aux habitants").fill(answer);
  await coordinator.page.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La réponse est publiée. Son auteur est prévenu.");

  // c. Sylvie, now without JavaScript: the board, the council's page and her notifications show the answer.
  const plain = await personIn(browser, MEMBER, false);
  await plain.page.goto(BOARD);
  const answeredRow = boardRow(plain.page, title);
  await expect(answeredRow).toContainText(answer.slice(0, 40));
  await expect(answeredRow).not.toContainText("Pas encore de réponse");
  await noJs(plain.page);

  await plain.page.goto(COUNCIL_PAGE);
  const carried = plain.page.locator(".council-proposals li", { has: plain.page.getByRole("link", { name: title }) });
  await expect(carried).toContainText("Étape : Réponse apportée");
  await expect(carried).toContainText(statement);
  await noJs(plain.page);

  const notice = `Les partenaires ont répondu à la proposition « ${title} » : c'est déjà fait.`;
  await expect(async () => {
    await plain.page.goto("/notifications");
    await expect(plain.page.getByText(notice).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await noJs(plain.page);

  // d. The board on A4 paper.
  await plain.page.goto(BOARD);
  await plain.page.getByRole("link", { name: "Imprimer le tableau" }).click();
  await expect(plain.page).toHaveURL(new RegExp(`${BOARD}/impression`));
  await expect(plain.page.getByRole("heading", { level: 1, name: `Tableau de suivi — ${COUNCIL}` })).toBeVisible();
  await expect(plain.page.getByRole("link", { name: title })).toBeVisible();
  await noJs(plain.page);
  await plain.page.emulateMedia({ media: "print" });
  const pdf = await plain.page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(plain.page.getByRole("heading", { level: 1, name: `Tableau de suivi — ${COUNCIL}` })).toBeVisible();
  await expect(plain.page.getByText(answer)).toBeVisible();
  await plain.page.emulateMedia({ media: "screen" });

  // e. An interpellation, without JavaScript: too short first (what she typed stays), then sent.
  const question = `Quand les trottoirs de la rue de Calonne seront-ils refaits ? (${stamp})`;
  const body = "Depuis l'hiver, les trottoirs de la rue de Calonne sont défoncés entre l'école et le centre social : les poussettes passent sur la route. Le conseil demande une date de travaux.";
  await plain.page.goto(COUNCIL_PAGE);
  await plain.page.getByRole("link", { name: "Interpeller le GTP" }).click();
  await expect(plain.page).toHaveURL(new RegExp(`${COUNCIL_PAGE}/interpeller$`));
  await noJs(plain.page);
  await plain.page.getByRole("radio", { name: "Une question" }).check();
  await plain.page.getByLabel("En une phrase").fill(question);
  await plain.page.getByLabel("Votre question ou votre demande, en détail").fill("Trop court.");
  await plain.page.getByLabel(/Le quartier concerné/).selectOption(CODE);
  await plain.page.getByRole("button", { name: "Envoyer au GTP" }).click();
  await expect(plain.page.getByText("Le texte doit faire au moins 20 caractères.").first()).toBeVisible();
  await expect(plain.page.getByLabel("En une phrase")).toHaveValue(question);
  await expect(plain.page.getByLabel("Votre question ou votre demande, en détail")).toHaveValue("Trop court.");
  await expect(plain.page.getByRole("radio", { name: "Une question" })).toBeChecked();
  await expect(plain.page.getByLabel(/Le quartier concerné/)).toHaveValue(CODE);
  await noJs(plain.page);
  await plain.page.getByLabel("Votre question ou votre demande, en détail").fill(body);
  await plain.page.getByRole("button", { name: "Envoyer au GTP" }).click();
  await expect(plain.page).toHaveURL(/\/interpellations\/[0-9a-f-]{36}$/);
  const interpellationPath = new URL(plain.page.url()).pathname;
  await expect(plain.page.locator(".flash")).toContainText("Votre interpellation est envoyée au GTP.");
  await expect(plain.page.getByRole("heading", { level: 1, name: question })).toBeVisible();
  await noJs(plain.page);

  // The coordinator answers it from the GTP's page.
  const reply = `Les travaux de la rue de Calonne sont prévus en septembre (${stamp}) : la ville préviendra les riverains un mois avant.`;
  await coordinator.page.goto("/gouvernance");
  await coordinator.page.getByRole("link", { name: question }).click();
  await expect(coordinator.page).toHaveURL(/\/gouvernance\/interpellations\/[0-9a-f-]{36}$/);
  await expect(coordinator.page.getByText(COUNCIL).first()).toBeVisible();
  await noJs(coordinator.page);
  await coordinator.page.getByLabel("La réponse publique du GTP").fill(reply);
  await coordinator.page.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La réponse est publiée.");
  await expect(coordinator.page.getByText(reply)).toBeVisible();

  // f. Signed out: the interpellation's page and the council's page show the answer; listed members, no e-mail.
  const visitorContext = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(interpellationPath);
  await expect(visitor.getByText(reply)).toBeVisible();
  await expect(visitor.getByText(`Envoyée par : ${COUNCIL}`)).toBeVisible();
  await noJs(visitor);
  await visitor.goto(COUNCIL_PAGE);
  await expect(visitor.getByRole("heading", { level: 1, name: COUNCIL })).toBeVisible();
  const residents = visitor.getByRole("region", { name: "Collège des habitants" });
  await expect(residents.getByText("Sylvie Lefebvre")).toBeVisible();
  await expect(residents.getByText("Jean-Pierre Wattez")).toBeVisible();
  await expect(visitor.locator("main")).not.toContainText("Léa Dubrulle"); // a member who chose not to be listed
  const asked = visitor.locator(".council-interpellations li", { has: visitor.getByRole("link", { name: question }) });
  await expect(asked).toContainText(reply);
  await expect(visitor.getByRole("link", { name: "Tableau de suivi" })).toHaveCount(0);
  const html = await visitor.content();
  expect(html).not.toMatch(/[\w.+-]+@[\w-]+(\.[\w-]+)+/);
  await noJs(visitor);
  // The board is for members: a visitor is asked to sign in.
  await visitor.goto(BOARD);
  await expect(visitor).toHaveURL(/\/connexion/);
  await visitorContext.close();

  // A resident of another quartier may not open the board, nor its print or CSV.
  const nadia = await personIn(browser, RESIDENT, false);
  for (const path of [BOARD, `${BOARD}/impression`, `${BOARD}.csv`]) {
    const response = await nadia.page.request.get(path);
    expect(response.status(), path).toBe(403);
  }
  const refused = await nadia.page.goto(BOARD);
  expect(refused?.status()).toBe(403);
  await noJs(nadia.page);

  await Promise.all([sylvie.close(), plain.close(), coordinator.close(), nadia.close()]);
});
