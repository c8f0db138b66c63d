import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, signIn } from "./fixtures.ts";

function uniqueEmail(label: string) {
  return `e2e.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

async function fillSignUp(page: Page, email: string) {
  await page.getByLabel("Nom affiché").fill("Charte E2E");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("une phrase facile à retenir");
}

test("the charter is reachable from the footer, versioned, and accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Charte de participation" }).click();
  await expect(page).toHaveURL(/\/charte$/);
  await expect(page).toHaveTitle(/^Charte de participation · /);
  await expect(page.getByRole("heading", { level: 1, name: "Charte de participation du Labo" })).toBeVisible();
  await expect(page.getByText(/^Version 1, en vigueur depuis le/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce qui n'est pas accepté" })).toBeVisible();
  await expect(page.getByText(/Quand 3 personnes différentes signalent le même contenu/)).toBeVisible();
  await expectAccessible(page);
});

test("signing up needs the charter accepted: an error when the box is not ticked, what was typed kept", async ({ page }) => {
  const email = uniqueEmail("charte");
  await page.goto("/inscription");
  await fillSignUp(page, email);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /J'accepte la charte de participation : Cochez la case/ })).toBeVisible();
  await expect(page.getByLabel("Nom affiché")).toHaveValue("Charte E2E");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expectAccessible(page);

  await page.getByLabel("J'accepte la charte de participation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regardez votre boîte mail" })).toBeVisible();
});

test("the same without JavaScript: the server refuses, keeps what was typed, then accepts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail("charte-sans-js");
  await page.goto("/inscription");
  await fillSignUp(page, email);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("alert")).toContainText("Cochez la case pour accepter la charte de participation");
  await expect(page.getByLabel("Nom affiché")).toHaveValue("Charte E2E");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expectAccessibleWithoutJs(browser, page);
  await page.getByLabel("Mot de passe").fill("une phrase facile à retenir");
  await page.getByLabel("J'accepte la charte de participation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regardez votre boîte mail" })).toBeVisible();
  await context.close();
});

test("an administrator changes the automatic hiding threshold; the charter says the new number", async ({ page }) => {
  await signIn(page, "admin@labo.test");
  await page.goto("/admin");
  await page.getByRole("heading", { level: 2 }).getByRole("link", { name: "Paramètres de modération" }).click();
  await expect(page).toHaveURL(/\/admin\/parametres$/);
  await expectAccessible(page);
  const threshold = page.getByLabel("Nombre de signalements qui masquent un contenu");
  await expect(threshold).toHaveValue("3");
  await threshold.fill("0");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#autoHideThreshold-error")).toContainText("Indiquez un nombre entier entre 1 et 50.");
  await expectAccessible(page);
  await threshold.fill("4");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator(".flash")).toHaveText("Les paramètres de modération sont enregistrés.");
  await expect(threshold).toHaveValue("4");
  await page.goto("/charte");
  await expect(page.getByText(/Quand 4 personnes différentes signalent le même contenu/)).toBeVisible();
  // Back to the default: other journeys count on 3 reports.
  await page.goto("/admin/parametres");
  await page.getByLabel("Nombre de signalements qui masquent un contenu").fill("3");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator(".flash")).toHaveText("Les paramètres de modération sont enregistrés.");
});

test("the transparency page is public, ships no JavaScript, and is accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Transparence de la modération" }).click();
  await expect(page).toHaveURL(/\/moderation\/transparence$/);
  await expect(page).toHaveTitle(/^Transparence de la modération · /);
  await expect(page.getByRole("heading", { level: 1, name: "Transparence de la modération" })).toBeVisible();
  expect(await page.locator("script[src]").count()).toBe(0);
  await page.screenshot({ path: "/work/shots/transparence.png", fullPage: true });
  await expectAccessible(page);
});
