import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures.ts";

// Whole journeys on a busy machine: more than the default minute.
test.describe.configure({ timeout: 120_000 });

const RESIDENT = "habitante@labo.test";
const BODY = "Les parents attendent la sortie des classes debout, en plein soleil.\n\nQuelques bancs et un arbre changeraient tout. Voir https://example.org/bancs";

function unique(label: string) {
  return `${label} ${Date.now().toString(36)}`;
}

async function pickAmbitionAndExtras(page: Page) {
  await page.getByRole("radio", { name: /Améliorer le cadre de vie et l.habitat/ }).check();
  await page.getByText("Préciser davantage").click();
  await page.getByRole("checkbox", { name: "Transition écologique" }).check();
  await page.getByRole("checkbox", { name: /Sensibiliser aux questions de santé/ }).check();
}

test("a resident posts an idea for her quartier (a mistake first), sees it published with its timeline, edits it, withdraws it", async ({ page }) => {
  await signIn(page, RESIDENT);
  await page.goto("/propositions/nouvelle");
  await expect(page).toHaveTitle(/Proposer une idée/);
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une idée" })).toBeVisible();
  // Her profile's quartier and commune are already chosen.
  await expect(page.getByLabel("Quartier prioritaire")).toHaveValue("QP062024");
  await expect(page.getByLabel("Commune", { exact: true })).toHaveValue("lens");
  await expectAccessible(page);

  // A first try with mistakes: the errors are listed (before any request), what was typed stays.
  await page.getByLabel("Votre idée en une phrase").fill("Bancs");
  await page.getByLabel("Expliquez-la").fill("Trop court.");
  await page.getByLabel("Expliquez-la").blur();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Le formulaire contient 3 erreurs" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Votre idée en une phrase : Votre idée doit faire au moins 10 caractères." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Ambition : Choisissez une ambition." })).toBeVisible();
  await expect(page.getByLabel("Votre idée en une phrase")).toHaveValue("Bancs");
  await expectAccessible(page);

  const title = unique("Des bancs à l'ombre devant l'école");
  await page.getByLabel("Votre idée en une phrase").fill(title);
  // Unique: the same text twice from one account is refused (a retry would post it again).
  await page.getByLabel("Expliquez-la").fill(`${BODY}\n\n${title}`);
  await pickAmbitionAndExtras(page);
  await page.getByRole("button", { name: "Publier", exact: true }).click();

  await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  await expect(page.locator(".flash")).toHaveText("Votre proposition est publiée. Merci !");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(title));
  await expect(page.locator(".proposal-meta")).toContainText("Publiée");
  await expect(page.locator(".proposal-meta")).toContainText("Proposée par un habitant");
  await expect(page.locator(".proposal-byline")).toContainText("Nadia Benali");
  await expect(page.getByRole("link", { name: "Cité 12-14" })).toHaveAttribute("href", "/quartiers/QP062024");
  await expect(page.getByRole("link", { name: "https://example.org/bancs" })).toBeVisible();
  const timeline = page.locator(".timeline li");
  await expect(timeline).toHaveCount(2);
  await expect(timeline.nth(0)).toContainText("Proposition créée par Nadia Benali");
  await expect(timeline.nth(1)).toContainText("Proposition publiée");
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  expect(description).toMatch(/^Les parents attendent la sortie des classes debout/);
  await expectAccessible(page);

  // Nobody has reacted yet: she may edit it.
  await page.getByRole("link", { name: "Modifier ma proposition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier ma proposition" })).toBeVisible();
  await expect(page.getByLabel("Votre idée en une phrase")).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "Transition écologique" })).toBeChecked();
  await expectAccessible(page);
  const newTitle = unique("Des bancs et un arbre devant l'école");
  await page.getByLabel("Votre idée en une phrase").fill(newTitle);
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.locator(".flash")).toHaveText("Vos modifications sont enregistrées.");
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(timeline).toHaveCount(3);
  await expect(timeline.nth(2)).toContainText("Proposition modifiée : titre");

  // Withdrawing asks for a confirmation first.
  await page.locator("summary", { hasText: "Retirer ma proposition" }).click();
  await page.getByLabel(/Pourquoi la retirez-vous/).fill("La ville a déjà prévu des bancs.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Oui, retirer ma proposition" }).click();
  await expect(page.locator(".flash")).toHaveText("Votre proposition est retirée.");
  await expect(page.locator(".proposal-meta")).toContainText("Retirée par son auteur");
  await expect(page.getByRole("note")).toContainText("Raison donnée : La ville a déjà prévu des bancs.");
  await expect(timeline.nth(3)).toContainText("Proposition retirée par son auteur");
  await expect(page.getByRole("link", { name: "Modifier ma proposition" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the same journey without JavaScript: errors from the server with everything kept, a draft, then published", async ({ browser }) => {
  // axe needs JavaScript: these pages are checked in the journey above.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, RESIDENT);
  await page.goto("/propositions/nouvelle");
  await page.getByLabel("Votre idée en une phrase").fill("<b>Ba</b>");
  await pickAmbitionAndExtras(page);
  await page.getByRole("button", { name: "Publier", exact: true }).click();

  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("heading", { name: "Le formulaire contient 2 erreurs" })).toBeVisible();
  await expect(summary).toContainText("Votre idée doit faire au moins 10 caractères.");
  await expect(summary).toContainText("Expliquez-la : Ce champ est obligatoire.");
  // Everything typed or checked is still there, the optional part open.
  await expect(page.getByLabel("Votre idée en une phrase")).toHaveValue("<b>Ba</b>");
  await expect(page.getByRole("radio", { name: /Améliorer le cadre de vie/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Transition écologique" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Sensibiliser aux questions de santé/ })).toBeChecked();
  await expect(page.locator("details.form-more")).toHaveAttribute("open", "");

  const title = unique("<b>Des bancs</b> devant l'école");
  await page.getByLabel("Votre idée en une phrase").fill(title);
  await page.getByLabel("Expliquez-la").fill(BODY);
  await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
  await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  await expect(page.locator(".flash")).toHaveText("Votre brouillon est enregistré. Il n'est visible que par vous.");
  // What she typed is shown as text, never as markup.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".proposal-meta")).toContainText("Brouillon");
  await expect(page.locator(".timeline li")).toHaveCount(1);

  await page.getByRole("button", { name: "Publier ma proposition" }).click();
  await expect(page.locator(".flash")).toHaveText("Votre proposition est publiée. Merci !");
  await expect(page.locator(".proposal-meta")).toContainText("Publiée");
  await expect(page.locator(".timeline li")).toHaveCount(2);
  await context.close();
});

test("a draft is not shown to anyone else, and a malformed address is a 404", async ({ page }) => {
  const response = await page.goto("/propositions/pas-une-proposition");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  const anonymous = await page.goto("/propositions/nouvelle");
  expect(new URL(anonymous!.url()).pathname).toBe("/connexion");
  await expectAccessible(page);
});
