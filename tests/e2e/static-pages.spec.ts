import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures.ts";

test("the accessibility statement is reachable from the footer and is accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité" }).click();
  await expect(page).toHaveURL(/\/accessibilite$/);
  await expect(page).toHaveTitle(/^Accessibilité · /);
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  await expect(page.getByText("non conforme", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Signaler un problème" })).toBeVisible();
  await expect(page.getByRole("link", { name: /formulaire en ligne du Défenseur des droits/ })).toBeVisible();
  await expectAccessible(page);
});

test("the privacy notice lists the data kept and the cookies, and is accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Données personnelles" }).click();
  await expect(page).toHaveURL(/\/confidentialite$/);
  await expect(page).toHaveTitle(/^Données personnelles · /);
  await expect(page.getByRole("heading", { level: 1, name: "Vos données personnelles" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Données gardées par le site Labo" }).getByRole("heading", { name: "Votre adresse e-mail" })).toBeVisible();
  const cookies = page.getByRole("list", { name: "Cookies utilisés par le site Labo" });
  for (const name of ["labo_session", "lng", "labo_flash"]) await expect(cookies.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /réclamation sur le site de la CNIL/ })).toBeVisible();
  await expectAccessible(page);
});

test("both pages exist in English", async ({ page }) => {
  await page.goto("/accessibilite");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/confidentialite");
  await expect(page.getByRole("heading", { level: 1, name: "Your personal data" })).toBeVisible();
  await expectAccessible(page);
});
