import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures.ts";

test("the home page explains the Labo and the contract, and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Accueil/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "3 piliers, 12 ambitions" })).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(5);
  await expectAccessible(page);
});

test("the skip link takes keyboard users to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#contenu")).toBeFocused();
});

test("the language switch works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

test("an unknown address shows a translated 404 page", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page).toHaveTitle(/Page introuvable/);
  await expectAccessible(page);
});
